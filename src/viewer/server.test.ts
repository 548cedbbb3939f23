// The server over HTTP, as a browser or curl reaches it: raw request paths (not normalized, as an
// attacker would send them), the headers of every answer, the download checks, the Host check.

import { readFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registrySplitMembers } from "../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../reports/open-report-store.js";
import type { Store } from "../store/open-store.js";
import { fileSafeName } from "./page-paths.js";
import { DOWNLOAD_CSP, PAGE_CSP } from "./security-headers.js";
import { startViewerServer, type ViewerServer } from "./server.js";
import { HOSTILE_FILE_NAME, makeViewerStore, type ViewerStore } from "./test-support/viewer-store.js";

let seeded: ViewerStore;
let store: Store;
let server: ViewerServer;
const errors: unknown[] = [];

beforeAll(async () => {
  seeded = await makeViewerStore();
  store = openReportStore(seeded.db);
  server = await startViewerServer(
    { store, splitMembers: registrySplitMembers(), clock: Date.now, onError: (e) => errors.push(e) },
    { port: 0 },
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
  store?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with `rawPath` sent exactly as written. */
function get(rawPath: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: rawPath,
        method: options.method ?? "GET",
        headers: { host: options.host ?? url.host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function hostileRunId(): string {
  const row = store.sqlite.prepare("select id from runs where id like 'nightly:hostile-%:1'").get() as {
    id: string;
  };
  return row.id;
}

describe("bench view's server", () => {
  it("binds loopback and answers every page with the strict policy", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const p of ["/", "/index.html", "/sweeps.html", "/competitions.html", "/style.css", "/nope.html"]) {
      const answer = await get(p);
      expect(answer.headers["content-security-policy"], p).toBe(PAGE_CSP);
      expect(answer.headers["x-content-type-options"], p).toBe("nosniff");
      expect(PAGE_CSP).not.toMatch(/unsafe/);
      expect(PAGE_CSP).toContain("script-src 'self'");
    }
    expect((await get("/nope.html")).status).toBe(404);
    expect((await get("/sweeps.html")).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it("serves the live script and the status JSON a live page polls", async () => {
    const script = await get("/live.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.headers["content-security-policy"]).toBe(PAGE_CSP);
    const sweep = await get("/api/sweeps/nightly/status.json");
    expect(sweep.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(sweep.body.toString())).toMatchObject({
      sweep: "nightly",
      status: "finished",
      finished: true,
      total: 4,
      counts: [
        { status: "completed", runs: 2, label: "finished; its grade counts" },
        { status: "agent_error", runs: 2 },
      ],
    });
    const id = hostileRunId();
    const run = JSON.parse((await get(`/api/runs/${fileSafeName(id)}/status.json`)).body.toString());
    expect(run).toMatchObject({ run: id, finished: true, outcome: { status: "completed" } });
    expect((await get("/api/sweeps/nobody/status.json")).status).toBe(404);
  });

  it("serves a run's whole log and its regular files as downloads that cannot run", async () => {
    const id = hostileRunId();
    const runDir = store.sqlite.prepare("select workspace from runs where id = ?").pluck().get(id) as string;
    const log = await get(`/runs/${fileSafeName(id)}/agent.log`);
    expect(log.status).toBe(200);
    expect(log.body.equals(readFileSync(path.join(runDir, "agent.log")))).toBe(true);
    expect(log.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(log.headers["content-disposition"]).toMatch(/^attachment;/);
    const file = await get(`/runs/${fileSafeName(id)}/files/logs/${encodeURIComponent(HOSTILE_FILE_NAME)}`);
    expect(file.status).toBe(200);
    expect(file.body.toString()).toContain("<script>");
    expect(file.headers["content-type"]).toBe("application/octet-stream");
    expect(file.headers["content-security-policy"]).toBe(DOWNLOAD_CSP);
    expect(file.headers["content-disposition"]).toMatch(/^attachment;/);
  });

  it("refuses '..', absolute paths and symbolic links in downloads", async () => {
    const run = `/runs/${fileSafeName(hostileRunId())}/files`;
    for (const p of [
      `${run}/../../../../../etc/passwd`,
      `${run}/logs/../../../../etc/passwd`,
      `${run}/%2e%2e/%2e%2e/%2e%2e/etc/passwd`,
      `${run}/%2Fetc%2Fpasswd`,
      `${run}/logs%2F..%2F..%2Fagent.log`,
    ]) {
      const answer = await get(p);
      expect(answer.status, p).toBe(400);
      expect(answer.body.toString(), p).not.toContain("root:");
    }
    const link = await get(`${run}/logs/passwd-link.txt`);
    expect(link.status).toBe(404);
    expect(link.body.toString()).toMatch(/symbolic link/);
    expect(link.body.toString()).not.toContain("root:");
    expect((await get(`${run}/missing.txt`)).status).toBe(404);
    expect((await get(`/runs/${fileSafeName("no-such-run")}/agent.log`)).status).toBe(404);
  });

  it("answers a filter the store does not know with bench's message, escaped", async () => {
    const answer = await get("/?sweep=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(answer.status).toBe(400);
    const body = answer.body.toString();
    expect(body).toContain("no sweep &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;");
    expect(body).not.toContain("<script");
  });

  it("refuses other methods and other Host headers", async () => {
    expect((await get("/", { method: "POST" })).status).toBe(405);
    expect((await get("/", { method: "DELETE" })).status).toBe(405);
    expect((await get("/", { host: "evil.example" })).status).toBe(403);
    expect((await get("/", { host: `localhost:${new URL(server.url).port}` })).status).toBe(200);
    const head = await get("/index.html", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe("starting and stopping", () => {
  it("says which port is taken instead of failing with a stack trace", async () => {
    const port = Number(new URL(server.url).port);
    const second = startViewerServer(
      { store, splitMembers: registrySplitMembers(), clock: Date.now },
      { port, reportThread: false },
    );
    await expect(second).rejects.toMatchObject({
      code: "USAGE",
      message: `--port ${port}: another program already listens on 127.0.0.1:${port}.`,
    });
  });

  it("stops while report pages are still being made without calling it a bug", async () => {
    const stopErrors: unknown[] = [];
    const another = await startViewerServer(
      { store, splitMembers: registrySplitMembers(), clock: Date.now, onError: (e) => stopErrors.push(e) },
      { port: 0 },
    );
    // The warm-up (and this request) wait for the report thread, which is still starting.
    const url = new URL("index.html?split=low", another.url);
    const pending = fetch(url).then(
      (response) => response.status,
      () => "closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await another.close();
    expect(await pending).toMatch(/^(503|closed)$/);
    expect(stopErrors).toEqual([]);
  });
});
