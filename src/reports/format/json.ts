// Renders a report as JSON for scripts: the table model itself, with raw numbers (full precision),
// `{ mean, sem }` and `{ low, high }` objects, null for no value, and each column's unit beside its key.

import type { Report } from "../table-model.js";

export function renderJson(report: Report): string {
  const value = {
    title: report.title,
    tables: report.tables.map((table) => ({
      id: table.id,
      title: table.title,
      columns: table.columns.map(({ key, label, kind, unit }) => ({ key, label, kind, unit: unit ?? null })),
      rows: table.rows,
      footnotes: table.footnotes,
    })),
    notes: report.notes,
    figures: report.figures,
    ...(report.knownIssues && report.knownIssues.length > 0 ? { known_issues: report.knownIssues } : {}),
  };
  // Non-finite numbers have no JSON form: null, as for a missing value.
  return `${JSON.stringify(value, (_key, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
}
