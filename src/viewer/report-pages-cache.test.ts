// The report pages over HTTP while the store changes: made on the second thread, kept until the store
// changes, then the copy made before the change answers at once while a fresh one is made, and the
// fresh one follows. MLGym's real scores, imported as users import them; the change is a second import.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bench } from "../cli/test-support/run-bench.js";
import { packageRoot } from "../registry/package-root.js";
import { registrySplitMembers } from "../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../reports/open-report-store.js";
import type { Store } from "../store/open-store.js";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import { routeOf } from "./page-paths.js";
import { ReportPages } from "./report-pages-cache.js";
import { startViewerServer, type ViewerServer } from "./server.js";

const SHARED = path.resolve(process.env.BENCH_SHARED_DIR ?? path.join(packageRoot(), "..", "shared"));
const MLGYM = path.join(SHARED, "mlgym", "scores.csv");
const MAP =
  "agent=model,competition=task_id,score=best_attempt_at4,last_score=best_submission_at4,baseline=baseline,direction=direction,group=dataset";
const DATASET = "v1_b813721_repo_table";
const NEW_MODEL = "zz-new-model";

let temp: TempStore;
let db: string;
let store: Store;
let server: ViewerServer;
const errors: unknown[] = [];

async function importCsv(file: string): Promise<void> {
  const imported = await bench("import", "csv", file, "--map", MAP, "--db", db);
  expect(imported.code, imported.stderr).toBe(0);
}

/** One dataset of MLGym's file, its models' rows again under a new model's name when `renamed`. */
function datasetCsv(renamed: boolean): string {
  const [header, ...lines] = readFileSync(MLGYM, "utf8").trim().split(/\r?\n/);
  const rows = lines.filter((line) => line.startsWith(`${DATASET},`));
  const model = header!.split(",").indexOf("model");
  const out = renamed
    ? rows
        .filter((line) => line.split(",")[model] === "gpt4o2")
        .map((line) =>
          line
            .split(",")
            .map((cell, i) => (i === model ? NEW_MODEL : cell))
            .join(","),
        )
    : rows;
  const file = path.join(temp.dir, renamed ? "new-model.csv" : "mlgym.csv");
  writeFileSync(file, `${[header, ...out].join("\n")}\n`);
  return file;
}

async function aupPage(): Promise<string> {
  const response = await fetch(new URL("aup.html", server.url));
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  if (!existsSync(MLGYM)) return;
  temp = openTempStore();
  temp.close();
  db = path.join(temp.dir, "bench.db");
  await importCsv(datasetCsv(false));
  store = openReportStore(db);
  server = await startViewerServer(
    { store, splitMembers: registrySplitMembers(), clock: Date.now, onError: (e) => errors.push(e) },
    { port: 0 },
  );
}, 60_000);
afterAll(async () => {
  await server?.close();
  store?.close();
  temp?.dispose();
});

describe.skipIf(!existsSync(MLGYM))("report pages made on the second thread", () => {
  it("keep a page until the store changes, then answer with it while the fresh one is made", async () => {
    const before = await aupPage();
    expect(before).toContain("gpt4o2");
    expect(before).not.toContain(NEW_MODEL);
    expect(await aupPage()).toBe(before);
    expect(readFileSync(datasetCsv(true), "utf8")).toContain(NEW_MODEL);
    await importCsv(datasetCsv(true));
    // The copy made before the import, at once; then the fresh page, with the new model in it.
    expect(await aupPage()).toBe(before);
    let after = before;
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await aupPage();
    }
    expect(after).toContain(NEW_MODEL);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe.skipIf(!existsSync(MLGYM))("the warm-up", () => {
  it("resolves once the leaderboard is made: its first visitor gets the copy at once", async () => {
    const pages = new ReportPages({ store, splitMembers: registrySplitMembers(), clock: Date.now });
    try {
      await pages.warm();
      // Both promises of the race settled already: the answer wins when it was in the cache.
      const pending = Symbol("pending");
      const atOnce = async (query: string) =>
        (await Promise.race([
          pages.answer(routeOf(["index.html"])!, new URLSearchParams(query)),
          Promise.resolve(pending),
        ])) === pending
          ? "still being made"
          : "made";
      expect(await atOnce("")).toBe("made");
      // A page nobody asked for yet is made on request: the same race tells them apart.
      expect(await atOnce("split=low")).toBe("still being made");
    } finally {
      await pages.close();
    }
  }, 60_000);
});
