// One run's page: its timeline, its outcome and what that outcome counts as, its grade report (the
// reference's fields), its notes, its LLM usage, its score log (a table and a plot over time), its
// in-run validation requests, the end of its agent's log with a link to all of it, and the files of its
// folder. The log and the files are the agent's own writing: the log is cleaned
// of terminal control sequences as `bench runs show` cleans it, then escaped like every other value.

import { agentLabels } from "../../reports/agent-labels.js";
import { humanDuration, iso } from "../../reports/format/run-cells.js";
import { scoreLogSvg } from "../../reports/plots/score-log-svg.js";
import { selectRunUsage, usdText } from "../../reports/queries/run-usage.js";
import { selectAgents } from "../../reports/queries/store-catalog.js";
import { readLogTail } from "../../runtimes/agent-log-file.js";
import { runDirLayout } from "../../runtimes/run-dir.js";
import { getGrade, gradeToReport } from "../../store/grades-repo.js";
import type { Store } from "../../store/open-store.js";
import { getRun, type RunRow } from "../../store/runs-repo.js";
import { readScoreLog } from "../../store/score-log-repo.js";
import { readValidations } from "../../store/validations-repo.js";
import { html, type SafeHtml } from "../html.js";
import { runIsLive } from "../live-status.js";
import { paths, relativeHref } from "../page-paths.js";
import { listRunFiles } from "../run-files.js";
import { fieldsTable, link, type PageContext, pageShell } from "./layout.js";
import { PageNotFound } from "./page-not-found.js";
import { outcomeClass } from "./runs-table.js";

/** Lines of the agent's log the page shows, and the longest line shown whole. */
export const LOG_TAIL_LINES = 100;
export const LOG_TAIL_LINE_CHARS = 500;

function timeline(run: RunRow, nowMs: number): SafeHtml {
  const duration =
    run.startedAtMs === null
      ? "-"
      : `${humanDuration((run.finishedAtMs ?? nowMs) - run.startedAtMs)}${run.finishedAtMs === null ? " so far" : ""}`;
  // Time spent waiting (bench's queue, then the cluster's: a Slurm job records its real start) apart
  // from the run's own time.
  const waited =
    run.startedAtMs === null
      ? run.finishedAtMs === null
        ? `${humanDuration(nowMs - run.queuedAtMs)} so far`
        : "-"
      : humanDuration(Math.max(0, run.startedAtMs - run.queuedAtMs));
  return fieldsTable([
    ["queued", iso(run.queuedAtMs)],
    ["waited to start", waited],
    ["started", iso(run.startedAtMs)],
    ["finished", iso(run.finishedAtMs)],
    ["duration", duration],
    ["time limit", run.timeLimitMs === null ? "-" : humanDuration(run.timeLimitMs)],
  ]);
}

function gradeSection(store: Store, run: RunRow): SafeHtml {
  const grade = getGrade(store.db, run.id);
  if (grade === undefined) return html`<p class="muted">Not graded.</p>`;
  const report = gradeToReport(grade);
  const text = (value: unknown) =>
    value === null || value === undefined ? "-" : typeof value === "string" ? value : JSON.stringify(value);
  return html`<table class="fields grade" data-table="grade"><tbody>${Object.entries(report).map(
    ([key, value]) =>
      html`<tr><th scope="row">${key}</th><td class="wrap" data-key="${key}">${text(value)}</td></tr>`,
  )}</tbody></table>`;
}

function usageSection(store: Store, run: RunRow): SafeHtml {
  const usage = selectRunUsage(store.db, run.id);
  if (usage === null) return html`<p class="muted">The run recorded no LLM usage.</p>`;
  const num = (n: number | null) => (n === null ? "-" : Math.round(n).toLocaleString("en-US"));
  const usd = (n: number | null) => (n === null ? "-" : usdText(n));
  const t = usage.totals;
  return html`<table class="usage" data-table="usage"><thead><tr><th>model</th><th class="num">calls</th><th class="num">input tokens</th><th class="num">output tokens</th><th class="num">tokens</th><th class="num">cost</th><th class="num">unpriced calls</th></tr></thead><tbody>${usage.byModel.map(
    (m) =>
      html`<tr><td>${m.model ?? "(not named)"}</td><td class="num">${num(m.calls)}</td><td class="num">${num(m.input_tokens)}</td><td class="num">${num(m.output_tokens)}</td><td class="num">${num(m.tokens)}</td><td class="num" data-key="cost_usd">${usd(m.cost_usd)}</td><td class="num">${m.unpriced_calls}</td></tr>`,
  )}<tr class="total"><th scope="row">total</th><td class="num">${num(t.calls)}</td><td class="num">${num(t.inputTokens)}</td><td class="num">${num(t.outputTokens)}</td><td class="num" data-key="tokens">${num(t.tokens)}</td><td class="num" data-key="total_cost_usd">${usd(t.costUsd)}</td><td class="num">${t.unpricedCalls}</td></tr></tbody></table>${t.costIncomplete ? html`<p class="muted">Part of the usage has no known cost: the cost is a lower bound.</p>` : ""}`;
}

/** A run's score log drawn over time (raw and, where known, normalized score), as SVG. */
export function runScoreLogSvg(store: Store, id: string): string {
  const run = getRun(store.db, id);
  if (run === undefined) throw new PageNotFound(`there is no run "${id}" in the store.`);
  const entries = readScoreLog(store.db, run.id);
  const hours = (ms: number) => ms / 3_600_000;
  const svg = scoreLogSvg(`Score log of ${run.id}`, [
    {
      name: "raw score",
      points: entries.flatMap((e) => (e.rawScore === null ? [] : [{ x: hours(e.elapsedMs), y: e.rawScore }])),
    },
    {
      name: "normalized score",
      points: entries.flatMap((e) =>
        e.normalizedScore === null ? [] : [{ x: hours(e.elapsedMs), y: e.normalizedScore }],
      ),
    },
  ]);
  if (svg === null) throw new PageNotFound(`run "${id}" has no scored entry in its score log.`);
  return svg;
}

function scoreLogSection(store: Store, run: RunRow, page: PageContext): SafeHtml {
  const entries = readScoreLog(store.db, run.id);
  if (entries.length === 0) return html`<p class="muted">No intermediate scores were requested.</p>`;
  const scored = entries.some((e) => e.rawScore !== null || e.normalizedScore !== null);
  const num = (n: number | null) => (n === null ? "-" : String(n));
  const plot = scored
    ? html`<figure class="plot"><img src="${relativeHref(page.path, paths.runScoreLog(run.id))}" alt="The run's scores over time"><figcaption>Scores over the run's time.</figcaption></figure>`
    : html``;
  return html`${plot}<table class="score-log" data-table="score_log"><thead><tr><th>at (UTC)</th><th class="num">elapsed</th><th class="num">raw score</th><th class="num">normalized</th><th>message</th></tr></thead><tbody>${entries.map(
    (e) =>
      html`<tr><td>${iso(e.atMs)}</td><td class="num">${humanDuration(e.elapsedMs)}</td><td class="num">${num(e.rawScore)}</td><td class="num">${num(e.normalizedScore)}</td><td class="wrap">${e.message ?? ""}</td></tr>`,
  )}</tbody></table>`;
}

/** Requests shown; a run that validated more often says how many are left out. */
export const VALIDATIONS_SHOWN = 200;

function validationsSection(store: Store, run: RunRow): SafeHtml {
  const rows = readValidations(store.db, run.id);
  if (rows.length === 0)
    return html`<p class="muted">The agent did not ask bench to validate a submission.</p>`;
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1);
  const summary = [...counts].map(([verdict, n]) => `${n} ${verdict.replace("_", " ")}`).join(", ");
  const shown = rows.slice(-VALIDATIONS_SHOWN);
  return html`<p data-validations="${rows.length}">${rows.length} request${rows.length === 1 ? "" : "s"}: ${summary}.${rows.length > shown.length ? ` The last ${shown.length} are shown.` : ""}</p>
<table class="validations" data-table="validations"><thead><tr><th>at (UTC)</th><th class="num">elapsed</th><th>verdict</th><th>answer given to the agent</th></tr></thead><tbody>${shown.map(
    (v) =>
      html`<tr><td>${iso(v.atMs)}</td><td class="num">${humanDuration(v.elapsedMs)}</td><td>${v.verdict}</td><td class="wrap">${v.message}</td></tr>`,
  )}</tbody></table>`;
}

function logSection(page: PageContext, run: RunRow): SafeHtml {
  if (run.workspace === null)
    return html`<p class="muted">The run has no folder of its own (imported, or not started).</p>`;
  const tail = readLogTail(runDirLayout(run.workspace).agentLog, LOG_TAIL_LINES, LOG_TAIL_LINE_CHARS);
  if (tail.problem !== null) return html`<p class="muted">${tail.problem}</p>`;
  return html`<p>The last ${tail.lines.length} lines (${link(page, paths.runLog(run.id), "download the whole log")}):</p>
<pre class="log">${tail.lines.join("\n")}</pre>`;
}

function filesSection(page: PageContext, run: RunRow): SafeHtml {
  if (run.workspace === null) return html`<p class="muted">No files.</p>`;
  const { entries, more } = listRunFiles(run.workspace);
  if (entries.length === 0) return html`<p class="muted">No files.</p>`;
  const name = (entry: (typeof entries)[number]) => {
    if (entry.kind !== "file")
      return html`${entry.relative} <span class="muted">(${entry.kind === "link" ? "a symbolic link: not followed" : "not a regular file"})</span>`;
    return page.static
      ? html`${entry.relative}`
      : link(page, paths.runFile(run.id, entry.relative), entry.relative);
  };
  return html`<table class="files"><thead><tr><th>file</th><th class="num">bytes</th></tr></thead><tbody>${entries.map(
    (entry) =>
      html`<tr><td class="wrap">${name(entry)}</td><td class="num">${entry.kind === "file" ? entry.bytes : "-"}</td></tr>`,
  )}</tbody></table>${more ? html`<p class="muted">More files than shown; the folder is ${run.workspace}.</p>` : ""}${page.static ? html`<p class="muted">Files are served by bench view; an export keeps only the agent's log.</p>` : ""}`;
}

export function runPage(store: Store, page: PageContext, id: string, nowMs: number): string {
  const run = getRun(store.db, id);
  if (run === undefined || (page.sweep !== undefined && run.sweepId !== page.sweep))
    throw new PageNotFound(`there is no run "${id}" ${page.sweep === undefined ? "in the store" : "here"}.`);
  const label = agentLabels(selectAgents(store.db)).get(run.agentId) ?? String(run.agentId);
  const outcome = outcomeClass(run.status);
  const notes = run.notes ?? [];
  const live = runIsLive(run.status) && !page.static;
  const body = html`${fieldsTable([
    ["agent", label],
    ["competition", link(page, paths.competition(run.competitionId), run.competitionId)],
    ["sweep", run.sweepId === null ? null : link(page, paths.sweep(run.sweepId), run.sweepId)],
    ["seed", run.seed],
    ["run group", run.runGroup],
    [
      "outcome",
      html`<span class="${outcome.cls}" data-status="${run.status}" data-live-field="outcome">${run.status}</span>: <span data-live-field="outcome-label">${outcome.label}</span>${live ? html` <span class="muted" data-live-note>(following the run)</span>` : ""}`,
    ],
    ["reason", run.error],
    ["exit code", run.exitCode],
    ["attempt", run.attempt],
    ["runtime", `${run.runtime ?? "-"}${run.gpus?.length ? `, GPUs ${run.gpus.join(",")}` : ""}`],
    ["folder", run.workspace],
  ])}
<h2>Timeline</h2>
${timeline(run, nowMs)}
<h2>Notes</h2>
${notes.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>`}
<h2>Grade</h2>
${gradeSection(store, run)}
<h2>LLM usage</h2>
${usageSection(store, run)}
<h2>Score log</h2>
${scoreLogSection(store, run, page)}
<h2>Validation requests</h2>
${validationsSection(store, run)}
<h2>Agent's log</h2>
${logSection(page, run)}
<h2>Files</h2>
${filesSection(page, run)}`;
  return pageShell(page, `Run ${run.id}`, body, live ? paths.runStatus(run.id) : undefined);
}
