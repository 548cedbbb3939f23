// `bench report aup`: per-agent, per-task scores aggregated by the store, split into the result sets
// that may be pooled (result-sets.ts), then profiles, AUP and plots per set.

import { BenchError } from "../../errors.js";
import type { StoreDb } from "../../store/open-store.js";
import type { PlotRequest } from "../plots/render-svg.js";
import { selectAupScores } from "../queries/aup-scores.js";
import { type ResolvedFilter, withSplit } from "../report-filters.js";
import type { Report } from "../table-model.js";
import { analyzeAup } from "./aup-analysis.js";
import { aupPlots, aupReport, type LabelledAnalysis } from "./aup-report.js";
import { runGroupLabel, splitResultSets } from "./result-sets.js";

export interface AupRequest {
  filter: ResolvedFilter;
  /** --tau-max as typed. */
  tauMax?: string | undefined;
  split?: string | undefined;
}

export function parseTauMax(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new BenchError("USAGE", `--tau-max: expected a positive number such as 1.5, got "${text}".`, {
      hint: "tau_max is the right end of the log10 performance-ratio axis; MLGym's tables use 1.2 or 1.5.",
    });
  }
  return value;
}

export function aupFromStore(db: StoreDb, request: AupRequest): { report: Report; plots: PlotRequest[] } {
  const tauMax = parseTauMax(request.tauMax);
  const filter = withSplit(db, request.filter.filter, request.split);
  const { sets, separate } = splitResultSets(selectAupScores(db, filter));
  const analyses = sets.map(({ runGroup, rows }): LabelledAnalysis => {
    try {
      const analysis = analyzeAup(rows, request.filter.labels, { tauMax });
      return separate ? { runGroup, analysis } : { analysis };
    } catch (error) {
      if (!separate || !(error instanceof BenchError)) throw error;
      throw new BenchError(error.code, `run group ${runGroupLabel(runGroup)}: ${error.message}`, {
        hint: error.hint,
        cause: error,
      });
    }
  });
  const report = aupReport(analyses);
  const filters = [request.filter.description, request.split ? `split ${request.split}` : ""].filter(Boolean);
  if (filters.length > 0) report.notes.push(`Filters: ${filters.join("; ")}.`);
  return { report, plots: aupPlots(analyses) };
}
