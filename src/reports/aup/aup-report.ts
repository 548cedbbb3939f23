// The AUP report as tables and pictures: AUP per method in both variants, the scores the profiles
// were computed from, and one performance-profile plot per variant. Result sets kept apart (run groups
// of one import, see result-sets.ts) each get their own profiles: the AUP table gains a run-group
// column and ranks within each group, and every group has its own scores table and plots.

import { lineChartSpec } from "../plots/line-chart-spec.js";
import { type PlotRequest, safeFileStem } from "../plots/render-svg.js";
import type { Column, Report, Row, Table } from "../table-model.js";
import { AUP_VARIANTS, type AupAnalysis, type AupVariant } from "./aup-analysis.js";
import { runGroupLabel } from "./result-sets.js";

/** One pool's analysis; `runGroup` is set when several run groups are reported apart. */
export interface LabelledAnalysis {
  runGroup?: string | null;
  analysis: AupAnalysis;
}

function fixedTau(value: number): string {
  return Number(value.toFixed(6)).toString();
}

function grouped(sets: readonly LabelledAnalysis[]): boolean {
  return sets.some((set) => set.runGroup !== undefined);
}

function poolFootnotes(analysis: AupAnalysis, prefix: string): string[] {
  const { result, baseline } = analysis;
  return [
    `${result.tasks.length} tasks; ${result.methods.length} methods, "${baseline}" being the task's baseline score counted as a method.`,
    analysis.tauMaxGiven
      ? `tau_max = ${fixedTau(result.tauMax)} (--tau-max; the data's own is ${fixedTau(analysis.dataTauMax)}).`
      : `tau_max = ${fixedTau(result.tauMax)}, from the data (both variants together), as MLGym computes it.`,
    ...analysis.notes,
    ...(analysis.variants.includes("last_submission")
      ? []
      : [
          "No run records a last-submission score (grades.last_score): only the best-attempt variant is shown.",
        ]),
    ...analysis.leftOut.map(({ task, reason }) => `Left out: ${task} (${reason}).`),
  ].map((note) => `${prefix}${note}`);
}

function aupTable(sets: readonly LabelledAnalysis[]): Table {
  const apart = grouped(sets);
  const variants = sets.some((set) => set.analysis.variants.includes("last_submission"))
    ? (["best_attempt", "last_submission"] as const)
    : (["best_attempt"] as const);
  const columns: Column[] = [
    ...(apart ? [{ key: "run_group", label: "Run group", kind: "text" } as Column] : []),
    { key: "rank", label: "Rank", kind: "integer" },
    { key: "method", label: "Method", kind: "text" },
    ...variants.map(
      (v): Column => ({
        key: `aup_${v}`,
        label: `AUP ${AUP_VARIANTS[v].toLowerCase()}`,
        kind: "number",
        decimals: 3,
      }),
    ),
  ];
  const rows: Row[] = [];
  const footnotes: string[] = [];
  for (const { runGroup, analysis } of sets) {
    const { result } = analysis;
    const first = analysis.variants[0]!;
    const methods = [...result.methods].sort(
      (a, b) => result.variants[first]!.aupExact[b]! - result.variants[first]!.aupExact[a]!,
    );
    methods.forEach((method, i) => {
      const row: Row = apart ? { run_group: runGroupLabel(runGroup ?? null) } : {};
      row.rank = i + 1;
      row.method = method;
      for (const v of variants) row[`aup_${v}`] = result.variants[v]?.aup[method] ?? null;
      rows.push(row);
    });
    footnotes.push(...poolFootnotes(analysis, apart ? `${runGroupLabel(runGroup ?? null)}: ` : ""));
  }
  footnotes.push(
    "A method's score on a task is its best run (best attempt: grades.score; last submission: grades.last_score).",
    "Infeasible (missing, negative, or worse than the baseline) counts as 1.05 × the task's worst feasible ratio.",
    "AUP is relative to the pool: adding or removing a method can change every other method's AUP.",
  );
  return {
    id: "aup",
    title: apart
      ? "AUP per run group: area under the performance profile (higher is better)"
      : "AUP: area under the performance profile (higher is better)",
    columns,
    rows,
    footnotes,
  };
}

/** A table id from a run group's name: snake_case, unique among the report's tables. */
function scoresTableId(runGroup: string | null | undefined, taken: Set<string>): string {
  const base =
    runGroup === undefined
      ? "aup_scores"
      : `aup_scores_${runGroupLabel(runGroup)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "_")
          .replace(/^_+|_+$/g, "")}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

function scoresTable({ runGroup, analysis }: LabelledAnalysis, id: string, variant: AupVariant): Table {
  const { result } = analysis;
  const methodKey = (i: number) => `method_${i + 1}`;
  const columns: Column[] = [
    { key: "task", label: "Task", kind: "text" },
    { key: "better", label: "Better", kind: "text" },
    ...result.methods.map(
      (method, i): Column => ({ key: methodKey(i), label: method, kind: "number", decimals: 4 }),
    ),
  ];
  const rows = result.tasks.map((task): Row => {
    const row: Row = { task, better: analysis.directions[task] === "minimize" ? "lower" : "higher" };
    result.methods.forEach((method, i) => {
      const score = analysis.scores[variant]![task]![method];
      row[methodKey(i)] = score === undefined || score === null || Number.isNaN(score) ? null : score;
    });
    return row;
  });
  const where = runGroup === undefined ? "" : ` in run group ${runGroupLabel(runGroup)}`;
  return {
    id,
    title: `Scores per task${where} (${AUP_VARIANTS[variant].toLowerCase()}, best run per method)`,
    columns,
    rows,
    footnotes: [
      `Columns ${result.methods.map((m, i) => `${methodKey(i)} = ${m}`).join(", ")} in CSV and JSON.`,
    ],
  };
}

export function aupReport(sets: readonly LabelledAnalysis[]): Report {
  const taken = new Set(["aup"]);
  const notes: string[] = [];
  if (grouped(sets)) {
    notes.push(
      `The runs come from ${sets.length} run groups that share agents and tasks (result sets of one import): ` +
        "each group has its own profiles, pool and tau_max, as its authors computed them; " +
        "pooling them would score each agent by its best result across the sets. One group alone: --run-group NAME.",
    );
  }
  return {
    title: "AUP report (performance profiles)",
    // Per run group, the scores of each variant: best attempt first (its table keeps the plain id), then
    // the last submission where the runs have one (the same id with _last_submission).
    tables: [
      aupTable(sets),
      ...sets.flatMap((set) => {
        const id = scoresTableId(set.runGroup, taken);
        return set.analysis.variants.map((variant, i) =>
          scoresTable(set, i === 0 ? id : `${id}_${variant}`, variant),
        );
      }),
    ],
    notes,
    figures: [],
  };
}

export function aupPlots(sets: readonly LabelledAnalysis[]): PlotRequest[] {
  return sets.flatMap(({ runGroup, analysis }) => {
    const { result } = analysis;
    const group = runGroup === undefined ? "" : runGroupLabel(runGroup);
    return analysis.variants.map((variant) => ({
      name: `aup-profiles-${group === "" ? "" : `${safeFileStem(group)}-`}${variant.replace("_", "-")}`,
      title: `performance profiles, ${AUP_VARIANTS[variant].toLowerCase()}${group === "" ? "" : `, run group ${group}`}`,
      spec: lineChartSpec({
        title: `Performance profiles: ${AUP_VARIANTS[variant].toLowerCase()}${group === "" ? "" : ` (${group})`}`,
        subtitle: `${result.tasks.length} tasks; AUP is the area under each curve up to tau_max = ${fixedTau(result.tauMax)}`,
        xTitle: "τ (log10 of the performance ratio)",
        yTitle: "ρ(τ): fraction of tasks",
        interpolate: "step-after",
        yDomain: [0, 1],
        series: result.methods.map((method) => {
          const rho = result.variants[variant]!.profiles[method]!;
          return {
            name: `${method} (${result.variants[variant]!.aup[method]!.toFixed(3)})`,
            points: Array.from(result.grid, (x, i) => ({ x, y: rho[i]! })),
          };
        }),
      }),
    }));
  });
}
