// `bench runs`: `runs list` (runs-list.ts) and `runs show ID`: one run's timeline, where its files are,
// the last lines of its agent's log, its notes, its score log and its grade. ID is the full run id or a
// unique start of it or of its short id.

import type { Command } from "commander";
import { eq } from "drizzle-orm";
import { iso } from "../../reports/format/run-cells.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { selectRunUsage, usageFields } from "../../reports/queries/run-usage.js";
import { readLogTail } from "../../runtimes/agent-log-file.js";
import { runDirLayout } from "../../runtimes/run-dir.js";
import { getGrade, gradeToReport } from "../../store/grades-repo.js";
import { resolveRunRef } from "../../store/run-lookup.js";
import { agentsTable } from "../../store/schema.js";
import { readScoreLog } from "../../store/score-log-repo.js";
import { readValidations, type ValidationRow } from "../../store/validations-repo.js";
import { formatTable, printJson } from "../output.js";
import { registerRunsListCommand } from "./runs-list.js";

/** Lines of the agent's log `runs show` prints, and the longest line it prints whole. */
export const LOG_TAIL_LINES = 20;
export const LOG_TAIL_LINE_CHARS = 200;

/** How often the agent checked its submission in the run (in-run validation), by verdict. */
function validationSummary(rows: readonly ValidationRow[]) {
  const by = (verdict: ValidationRow["verdict"]) => rows.filter((row) => row.verdict === verdict).length;
  return {
    count: rows.length,
    valid: by("valid"),
    invalid: by("invalid"),
    rate_limited: by("rate_limited"),
    error: by("error"),
    requests: rows.map((row) => ({
      at: iso(row.atMs),
      elapsed_ms: row.elapsedMs,
      verdict: row.verdict,
      message: row.message,
    })),
  };
}

function validationCell(summary: ReturnType<typeof validationSummary>): string {
  if (summary.count === 0) return "none";
  const parts = (["valid", "invalid", "rate_limited", "error"] as const)
    .filter((verdict) => summary[verdict] > 0)
    .map((verdict) => `${summary[verdict]} ${verdict.replace("_", "-")}`);
  const first = summary.requests[0]!;
  const last = summary.requests[summary.requests.length - 1]!;
  return `${summary.count} (${parts.join(", ")}), ${Math.round(first.elapsed_ms / 1000)} s to ${Math.round(last.elapsed_ms / 1000)} s into the run`;
}

export function registerRunsCommand(program: Command): void {
  const runs = program.command("runs").description("Find and inspect runs.");
  registerRunsListCommand(runs);
  runs
    .command("show <id>")
    .description(
      "A run's timeline, files, the end of its agent's log, notes, score log and grade (id: full, or a unique start of it or of its short id).",
    )
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .option("--json", "print JSON")
    .action((id: string, flags: { db?: string; json?: boolean }) => {
      const store = openReportStore(flags.db);
      try {
        const { run, shortIds } = resolveRunRef(store.db, id);
        const agent = store.db.select().from(agentsTable).where(eq(agentsTable.id, run.agentId)).get();
        const grade = getGrade(store.db, run.id);
        const scoreLog = readScoreLog(store.db, run.id);
        const usage = selectRunUsage(store.db, run.id);
        const validations = readValidations(store.db, run.id);
        const layout = run.workspace ? runDirLayout(run.workspace) : null;
        const tail = layout ? readLogTail(layout.agentLog, LOG_TAIL_LINES, LOG_TAIL_LINE_CHARS) : null;
        const info = {
          id: run.id,
          short_id: shortIds.of(run.id),
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
          log_tail: tail?.lines ?? null,
          log_problem: layout
            ? tail!.problem
            : "the run has no folder of its own (imported, or not started).",
          score_log: scoreLog.map((e) => ({
            at: iso(e.atMs),
            elapsed_ms: e.elapsedMs,
            raw_score: e.rawScore,
            normalized_score: e.normalizedScore,
            message: e.message,
          })),
          grade: grade ? gradeToReport(grade) : null,
          validations: validationSummary(validations),
          usage: usage && {
            tokens: usage.totals.tokens,
            cost_usd: usage.totals.costUsd,
            cost_complete: !usage.totals.costIncomplete,
            by_model: usage.byModel,
          },
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
          ...(usage === null ? [] : usageFields(usage.totals)),
          ["validations", validationCell(info.validations)],
        ];
        let out = `${info.id} (short id ${info.short_id})\n${formatTable(["field", "value"], rows)}\n`;
        if (info.notes.length > 0) out += `\nNotes:\n${info.notes.map((note) => `  - ${note}`).join("\n")}\n`;
        if (tail !== null) {
          out +=
            tail.lines.length > 0
              ? `\nLast lines of the agent's log (bench logs ${info.short_id} prints it all):\n${tail.lines.map((line) => `  ${line}`).join("\n")}\n`
              : `\nAgent's log: ${tail.problem ?? "empty"}\n`;
        }
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
