// `bench runs show ID`: one run's timeline, where its files are, its score log and its grade.

import type { Command } from "commander";
import { eq } from "drizzle-orm";
import { BenchError } from "../../errors.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { runDirLayout } from "../../runtimes/run-dir.js";
import { getGrade, gradeToReport } from "../../store/grades-repo.js";
import { getRun } from "../../store/runs-repo.js";
import { agentsTable } from "../../store/schema.js";
import { readScoreLog } from "../../store/score-log-repo.js";
import { formatTable, printJson } from "../output.js";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function registerRunsCommand(program: Command): void {
  program
    .command("runs")
    .description("Inspect runs.")
    .command("show <id>")
    .description("A run's timeline, logs path, score log and grade.")
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .option("--json", "print JSON")
    .action((id: string, flags: { db?: string; json?: boolean }) => {
      const store = openReportStore(flags.db);
      try {
        const run = getRun(store.db, id);
        if (run === undefined) {
          throw new BenchError("USAGE", `no run with id "${id}" in ${store.path}.`, {
            hint: "`bench status --json` lists the runs of a sweep with their ids.",
          });
        }
        const agent = store.db.select().from(agentsTable).where(eq(agentsTable.id, run.agentId)).get();
        const grade = getGrade(store.db, id);
        const scoreLog = readScoreLog(store.db, id);
        const layout = run.workspace ? runDirLayout(run.workspace) : null;
        const info = {
          id: run.id,
          sweep: run.sweepId,
          agent: agent ? { name: agent.name, version: agent.version, content_hash: agent.contentHash } : null,
          competition: run.competitionId,
          seed: run.seed,
          status: run.status,
          attempt: run.attempt,
          runtime: run.runtime,
          gpus: run.gpus,
          exit_code: run.exitCode,
          error: run.error,
          notes: run.notes ?? [],
          timeline: {
            queued_at: iso(run.queuedAtMs),
            started_at: iso(run.startedAtMs),
            finished_at: iso(run.finishedAtMs),
          },
          files: layout
            ? { run_dir: layout.root, agent_log: layout.agentLog, submission: layout.submissionFile }
            : null,
          score_log: scoreLog.map((e) => ({
            at: iso(e.atMs),
            elapsed_ms: e.elapsedMs,
            raw_score: e.rawScore,
            normalized_score: e.normalizedScore,
            message: e.message,
          })),
          grade: grade ? gradeToReport(grade) : null,
        };
        if (flags.json) return printJson(info);
        const rows: [string, unknown][] = [
          ["agent", info.agent ? `${info.agent.name} (${info.agent.content_hash.slice(0, 12)})` : "-"],
          ["competition", `${info.competition} seed ${info.seed}`],
          ["status", `${info.status} (attempt ${info.attempt})`],
          ["queued", info.timeline.queued_at],
          ["started", info.timeline.started_at],
          ["finished", info.timeline.finished_at],
          ["runtime", `${info.runtime ?? "-"}${info.gpus?.length ? `, GPUs ${info.gpus.join(",")}` : ""}`],
          ["exit code", info.exit_code],
          ["error", info.error],
          ["agent log", info.files?.agent_log],
          [
            "score",
            info.grade
              ? info.grade.valid_submission
                ? info.grade.score
                : `invalid: ${info.grade.error}`
              : "not graded",
          ],
        ];
        let out = `${info.id}\n${formatTable(["field", "value"], rows)}\n`;
        if (info.notes.length > 0) out += `\nNotes:\n${info.notes.map((note) => `  - ${note}`).join("\n")}\n`;
        if (info.score_log.length > 0) {
          out += `\nScore log:\n${formatTable(
            ["at", "elapsed", "raw score", "message"],
            info.score_log.map((e) => [e.at, `${Math.round(e.elapsed_ms / 1000)} s`, e.raw_score, e.message]),
          )}\n`;
        }
        process.stdout.write(out);
      } finally {
        store.close();
      }
    });
}
