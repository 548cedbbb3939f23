// `bench view`: a local web application over the results store (src/viewer/): the leaderboard, the
// RE-bench, AUP and compare reports, sweeps (following a running one), competitions and runs as linked
// pages, read-only, on 127.0.0.1 by default; it prints its URL and serves until Ctrl-C. With
// --export DIR it writes the same pages as static files instead; --sweep S makes that export one sweep's.

import type { Command } from "commander";
import { BenchError } from "../../errors.js";
import { registrySplitMembers } from "../../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../../reports/open-report-store.js";
import type { Store } from "../../store/open-store.js";
import { exportSite } from "../../viewer/export-site.js";
import { startViewerServer } from "../../viewer/server.js";
import type { Viewer } from "../../viewer/site.js";

interface ViewFlags {
  db?: string;
  host: string;
  port: string;
  export?: string;
  sweep?: string;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(port) || port > 65_535) {
    throw new BenchError("USAGE", `--port: expected a port number from 0 to 65535, got "${text}".`, {
      hint: "0 (the default) picks a free port and prints it.",
    });
  }
  return port;
}

/** Resolves on Ctrl-C or SIGTERM, and stops listening for both. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** Runs above which an export of the whole store is worth a word: each run is a page (~3 ms) and a log. */
export const LARGE_EXPORT_RUNS = 50_000;

/** What to say before exporting a whole store of `runs` runs: how long, and how to export one sweep. */
export function largeExportNote(runs: number): string | null {
  if (runs <= LARGE_EXPORT_RUNS) return null;
  const minutes = Math.ceil((runs * 3) / 60_000);
  return `bench view: note: the store holds ${runs} runs and the export writes a page for each (about ${minutes} min); --sweep NAME exports one sweep's site.`;
}

function warnLargeExport(store: Store): void {
  const note = largeExportNote(store.sqlite.prepare("select count(*) from runs").pluck().get() as number);
  if (note !== null) process.stderr.write(`${note}\n`);
}

export function registerViewCommand(program: Command): void {
  program
    .command("view")
    .description(
      "A local web page of the results store: leaderboard, RE-bench, AUP, compare, sweeps (live while they run), competitions and runs (read-only; Ctrl-C stops).",
    )
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .option(
      "--host <host>",
      "address to listen on (anything but loopback shows the store to your network)",
      "127.0.0.1",
    )
    .option("--port <port>", "port to listen on (0: any free port)", "0")
    .option("--export <dir>", "write the pages as static files into this folder instead of serving them")
    .option(
      "--sweep <name>",
      "with --export: that sweep's results only (its runs, the competitions it ran, reports of its runs)",
    )
    .action(async (flags: ViewFlags) => {
      const port = parsePort(flags.port);
      if (flags.sweep !== undefined && flags.export === undefined) {
        throw new BenchError(
          "USAGE",
          "--sweep goes with --export: it scopes the exported site to one sweep.",
          {
            hint: "served, the leaderboard filters by sweep (its Sweep field, or index.html?sweep=NAME) and each sweep has its page.",
          },
        );
      }
      const store = openReportStore(flags.db);
      const viewer: Viewer = {
        store,
        splitMembers: registrySplitMembers(),
        clock: Date.now,
        ...(flags.sweep === undefined ? {} : { sweep: flags.sweep }),
        onError: (error) =>
          process.stderr.write(
            `bench: internal error while making a page (a bug in bench):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
          ),
      };
      try {
        if (flags.export !== undefined) {
          if (flags.sweep === undefined) warnLargeExport(store);
          const summary = await exportSite(viewer, flags.export);
          process.stdout.write(
            `Wrote ${summary.pages} pages, ${summary.plots} plots and ${summary.logs} agent logs${flags.sweep === undefined ? "" : ` of sweep ${flags.sweep}`} into ${flags.export}; open ${flags.export}/index.html.\n`,
          );
          return;
        }
        const server = await startViewerServer(viewer, { host: flags.host, port });
        if (!["127.0.0.1", "::1", "localhost"].includes(flags.host)) {
          process.stderr.write(
            `bench: note: listening on ${flags.host}: anyone who can reach it can read the store (there is no login).\n`,
          );
        }
        // The URL once the leaderboard is ready (about a second on a store of a million runs), so that
        // the first visit does not wait for the report thread; the wait is said when it is long.
        const slow = setTimeout(
          () => process.stderr.write("bench view: making the leaderboard before the first visit ...\n"),
          1000,
        );
        await server.landing;
        clearTimeout(slow);
        process.stdout.write(`bench view: ${server.url} (store ${store.path}; Ctrl-C stops)\n`);
        await untilStopped();
        await server.close();
      } finally {
        store.close();
      }
    });
}
