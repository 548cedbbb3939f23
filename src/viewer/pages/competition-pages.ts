// The competitions list (every competition the store refers to, with its graded runs) and one
// competition's page: what it is, its known issues (from bench's registry), the medal thresholds its
// runs were graded against, a plot of the runs' scores over the real leaderboard's distribution, and
// every run's score, a page at a time.

import type { CompetitionManifest } from "../../config/competition-schema.js";
import { readLeaderboard } from "../../grading/leaderboard.js";
import { type Competition, loadCompetition } from "../../registry/competition-registry.js";
import { agentLabels } from "../../reports/agent-labels.js";
import { renderSvg } from "../../reports/plots/render-svg.js";
import { scoreDistributionSpec } from "../../reports/plots/score-distribution-spec.js";
import {
  type CompetitionRow,
  selectAgents,
  selectCompetitions,
} from "../../reports/queries/store-catalog.js";
import type { Store } from "../../store/open-store.js";
import { queryRunList } from "../../store/runs-query.js";
import { html, type SafeHtml } from "../html.js";
import { PAGE_SIZE, paths, relativeHref } from "../page-paths.js";
import {
  competitionRunScores,
  competitionThresholds,
  gradedRunsByCompetition,
  SCORE_PLOT_RUNS,
  sweepCompetitionIds,
} from "../viewer-queries.js";
import { fieldsTable, link, type PageContext, pager, pageShell } from "./layout.js";
import { PageNotFound } from "./page-not-found.js";
import { runsTable } from "./runs-table.js";

/** The store's competitions, or those the site's sweep ran. */
export function siteCompetitions(store: Store, sweep: string | undefined): CompetitionRow[] {
  const all = selectCompetitions(store.db);
  if (sweep === undefined) return all;
  const ran = sweepCompetitionIds(store.db, sweep);
  return all.filter((competition) => ran.has(competition.id));
}

function siteCompetition(store: Store, id: string, sweep: string | undefined): CompetitionRow {
  const competition = siteCompetitions(store, sweep).find((c) => c.id === id);
  if (competition === undefined)
    throw new PageNotFound(
      `there is no competition "${id}" ${sweep === undefined ? "in the store" : `among sweep ${sweep}'s runs`}.`,
    );
  return competition;
}

export function competitionsPage(store: Store, page: PageContext): string {
  const competitions = siteCompetitions(store, page.sweep);
  const graded = gradedRunsByCompetition(store.db, page.sweep);
  const body =
    competitions.length === 0
      ? html`<p class="muted">No competition in the store yet.</p>`
      : html`<table class="competitions"><thead><tr><th>competition</th><th>name</th><th>kind</th><th>better</th><th>splits</th><th class="num">graded runs</th></tr></thead><tbody>${competitions.map(
          (c) =>
            html`<tr><td>${link(page, paths.competition(c.id), c.id)}</td><td>${c.name}</td><td>${c.kind}</td><td>${c.direction ?? "-"}</td><td>${c.splits.join(", ")}</td><td class="num">${graded.get(c.id) ?? 0}</td></tr>
`,
        )}</tbody></table>`;
  return pageShell(page, "Competitions", body);
}

/** The registry's entry for `id`, or undefined when bench's registry does not have it (imported results). */
async function registryEntry(id: string): Promise<Competition | undefined> {
  try {
    return await loadCompetition(id);
  } catch {
    return undefined;
  }
}

function knownIssuesSection(manifest: CompetitionManifest | undefined): SafeHtml {
  const issues = manifest?.known_issues ?? [];
  if (issues.length === 0) return html``;
  return html`<h2>Known issues</h2>
<ul class="known-issues" data-table="known_issues">${issues.map(
    (issue) =>
      html`<li data-kind="${issue.kind}"><strong>${issue.kind}</strong>: ${issue.text}${issue.ref === null ? "" : html` <span class="muted">(${issue.ref})</span>`}</li>`,
  )}</ul>${issues.some((issue) => issue.kind === "leak") ? html`<p class="muted">A leak lets an agent read test labels from the public data: medals here say little. <code>bench report --exclude-known-leaks</code> leaves such competitions out.</p>` : ""}`;
}

/** The runs' scores over the competition's real leaderboard, as SVG; a 404 page when there is nothing to draw. */
export async function competitionScoresSvg(
  store: Store,
  id: string,
  sweep: string | undefined,
): Promise<string> {
  const competition = siteCompetition(store, id, sweep);
  const entry = await registryEntry(id);
  const leaderboard = entry?.leaderboardPath ? (await readLeaderboard(entry.leaderboardPath)).scores : null;
  const { total, runs } = competitionRunScores(store.db, id, SCORE_PLOT_RUNS, sweep);
  if (leaderboard === null && runs.length === 0)
    throw new PageNotFound(`competition "${id}" has neither a leaderboard nor a scored run to draw.`);
  const labels = agentLabels(selectAgents(store.db));
  const thresholds = competitionThresholds(store.db, id, sweep)[0];
  const lowerIsBetter = thresholds?.lowerIsBetter ?? competition.direction === "lower";
  return renderSvg(
    scoreDistributionSpec({
      title: `${id}: runs against the real leaderboard`,
      subtitle:
        total > runs.length
          ? `the ${runs.length} most recently graded of ${total} scored runs`
          : `${total} scored run${total === 1 ? "" : "s"}${leaderboard === null ? "; no leaderboard" : `; ${leaderboard.length} leaderboard entries`}`,
      leaderboard: leaderboard === null ? [] : [...leaderboard],
      runs: runs.map((run) => ({
        agent: labels.get(run.agentId) ?? `agent ${run.agentId}`,
        score: run.score,
      })),
      thresholds,
      lowerIsBetter,
    }),
  );
}

export async function competitionPage(
  store: Store,
  page: PageContext,
  id: string,
  at: number,
  nowMs: number,
): Promise<string> {
  const competition = siteCompetition(store, id, page.sweep);
  const thresholds = competitionThresholds(store.db, id, page.sweep);
  const { total, rows } = queryRunList(
    store.db,
    { competitionId: id, sweepId: page.sweep },
    { limit: PAGE_SIZE, offset: (at - 1) * PAGE_SIZE },
  );
  if (at > 1 && rows.length === 0)
    throw new PageNotFound(`there is no page ${at} of the competition's runs.`);
  const labels = agentLabels(selectAgents(store.db));
  const value = (n: number | null) => (n === null ? "-" : String(n));
  const entry = await registryEntry(id);
  const scored = competitionRunScores(store.db, id, 1, page.sweep).total;
  const plot =
    entry?.leaderboardPath || scored > 0
      ? html`<h2>Scores against the leaderboard</h2>
<figure class="plot"><img src="${relativeHref(page.path, paths.competitionScores(id))}" alt="Histogram of the real leaderboard's scores with this competition's runs drawn over it"><figcaption>The real leaderboard's scores (bars), the medal thresholds (dashed) and ${scored > SCORE_PLOT_RUNS ? `the ${SCORE_PLOT_RUNS} most recently graded of ${scored} scored runs` : "every scored run"} (one colour per agent).</figcaption></figure>`
      : html``;
  const body = html`${fieldsTable([
    ["name", competition.name],
    ["kind", competition.kind],
    ["better", competition.direction ?? "-"],
    ["splits", competition.splits.join(", ") || "-"],
  ])}
${knownIssuesSection(entry?.manifest)}
<h2>Medal thresholds</h2>
${
  thresholds.length === 0
    ? html`<p class="muted">No graded run yet, so no thresholds recorded.</p>`
    : html`<table class="thresholds" data-table="thresholds"><thead><tr><th class="num">gold</th><th class="num">silver</th><th class="num">bronze</th><th class="num">median</th><th>lower is better</th><th class="num">graded runs</th></tr></thead><tbody>${thresholds.map(
        (t) =>
          html`<tr><td class="num">${value(t.gold)}</td><td class="num">${value(t.silver)}</td><td class="num">${value(t.bronze)}</td><td class="num">${value(t.median)}</td><td>${t.lowerIsBetter === null ? "-" : t.lowerIsBetter ? "yes" : "no"}</td><td class="num">${t.runs}</td></tr>`,
      )}</tbody></table>${thresholds.length > 1 ? html`<p class="muted">Runs were graded against more than one set of thresholds (a re-generated leaderboard, or imported grades).</p>` : ""}`
}
${plot}
<h2>Runs</h2>
${runsTable(page, rows, { labels, nowMs, sweep: true })}
${pager(page, at, total, PAGE_SIZE, (n) => paths.competition(id, n))}`;
  return pageShell(page, `Competition ${competition.id}`, body);
}
