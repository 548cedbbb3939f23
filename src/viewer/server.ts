// `bench view`'s web server: node:http on loopback by default, read-only, GET and HEAD only. Each
// request's path is split and decoded segment by segment (never normalized: "/runs/x/files/../.." must
// reach the file check as "..", and be refused there, rather than quietly become another path), routed
// (page-paths.ts) and answered by the site (site.ts) with the security headers on every response; the
// report pages, which take seconds on a large store, are made on a second thread and kept until the
// store changes (report-pages-cache.ts), so that this thread answers every other page at once.
// Bound to loopback, it also checks the Host header, so that a web page whose domain an attacker
// re-binds to 127.0.0.1 cannot read the store through the visitor's browser.

import { closeSync, createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BenchError } from "../errors.js";
import { routeOf } from "./page-paths.js";
import { isReportRoute, ReportPages, ViewerStopping } from "./report-pages-cache.js";
import { DOWNLOAD_CSP, PAGE_CSP, PLOT_CSP, securityHeaders } from "./security-headers.js";
import { respond, type SiteResponse, type Viewer } from "./site.js";

export interface ViewerServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /**
   * Make the report pages on a second thread, kept until the store changes (report-pages-cache.ts).
   * Default true; false makes every page on the server's thread, always fresh.
   */
  reportThread?: boolean;
}

export interface ViewerServer {
  readonly url: string;
  readonly server: Server;
  /**
   * Resolves once the leaderboard, the page a visitor lands on, is made on the report thread (at once
   * without one): `bench view` prints its URL then, so that no first visit waits for the thread to start.
   */
  readonly landing: Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** Host header values a loopback server answers: its own address and localhost, with its port. */
function allowedHosts(host: string, port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`]);
}

/** The path's segments, each percent-decoded; null when one does not decode. */
export function pathSegments(pathname: string): string[] | null {
  try {
    return pathname.slice(1).split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...securityHeaders(PAGE_CSP),
    "Content-Type": "text/plain; charset=utf-8",
    ...extra,
  });
  res.end(`${text}\n`);
}

const CONTENT_TYPES = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

function send(req: IncomingMessage, res: ServerResponse, answer: SiteResponse): void {
  if (answer.kind === "file") {
    const attachment = `attachment; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`;
    res.writeHead(200, {
      ...securityHeaders(DOWNLOAD_CSP),
      "Content-Type": answer.contentType,
      "Content-Length": String(answer.size),
      "Content-Disposition": attachment,
    });
    if (req.method === "HEAD") {
      closeSync(answer.fd);
      res.end();
      return;
    }
    // Sends what was there when it was opened, at most `size` bytes, even if the agent writes on.
    const stream = createReadStream("", { fd: answer.fd, start: 0, end: Math.max(0, answer.size - 1) });
    if (answer.size === 0) {
      stream.destroy();
      res.end();
      return;
    }
    stream.on("error", () => res.destroy());
    stream.pipe(res);
    return;
  }
  const type = CONTENT_TYPES[answer.kind];
  const body = Buffer.from(answer.body, "utf8");
  res.writeHead(answer.status, {
    ...securityHeaders(answer.kind === "svg" ? PLOT_CSP : PAGE_CSP),
    "Content-Type": type,
    "Content-Length": String(body.length),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** What the user can do about a port or address the server cannot listen on. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    return new BenchError("USAGE", `--port ${port}: another program already listens on ${host}:${port}.`, {
      hint: "stop it (an earlier bench view?), or choose another --port (0 picks a free one).",
      cause: error,
    });
  }
  if (code === "EADDRNOTAVAIL" || code === "EACCES" || code === "ENOTFOUND") {
    return new BenchError("USAGE", `--host ${host} --port ${port}: cannot listen there (${code}).`, {
      hint:
        code === "EACCES"
          ? "ports below 1024 need privileges: choose a port from 1024 up, or 0 for any free one."
          : "give an address of this machine (127.0.0.1 by default, 0.0.0.0 for all of them).",
      cause: error,
    });
  }
  return error;
}

/** Starts the server; resolves once it listens. */
export async function startViewerServer(
  viewer: Viewer,
  options: ViewerServerOptions = {},
): Promise<ViewerServer> {
  const host = options.host ?? "127.0.0.1";
  const reports = options.reportThread === false ? undefined : new ReportPages(viewer);
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      plain(res, 405, "bench view is read-only: only GET and HEAD.", { Allow: "GET, HEAD" });
      return;
    }
    if (LOOPBACK.has(host) && !hosts.has((req.headers.host ?? "").toLowerCase())) {
      plain(res, 403, "unexpected Host header: open the URL bench view printed.");
      return;
    }
    const raw = req.url ?? "/";
    const question = raw.indexOf("?");
    const pathname = question < 0 ? raw : raw.slice(0, question);
    const query = new URLSearchParams(question < 0 ? "" : raw.slice(question + 1));
    const segments = pathname.startsWith("/") ? pathSegments(pathname) : null;
    if (segments === null) {
      plain(res, 400, "the request's path is not a valid URL path.");
      return;
    }
    const route = routeOf(segments);
    const answer =
      reports !== undefined && route !== null && isReportRoute(route)
        ? reports.answer(route, query)
        : respond(viewer, route, segments.join("/"), query, { static: false });
    answer
      .then((answer) => send(req, res, answer))
      .catch((error: unknown) => {
        // A page still being made when the viewer stops is no error of bench's.
        const stopping = error instanceof ViewerStopping;
        if (!stopping) viewer.onError?.(error);
        if (!res.headersSent) plain(res, stopping ? 503 : 500, stopping ? error.message : "internal error");
        else res.destroy();
      });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    throw listenError(error, host, options.port ?? 0);
  }
  const landing = reports?.warm() ?? Promise.resolve();
  const address = server.address() as AddressInfo;
  hosts = allowedHosts(host.includes(":") ? `[${host}]` : host, address.port);
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    server,
    landing,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => reports?.close()),
  };
}
