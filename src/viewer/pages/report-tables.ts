// A report of src/reports/ (the table model every format renders) as HTML tables: the same cell text
// the terminal and Markdown print (cell-text.ts), numbers right-aligned, and each cell's exact value,
// as `bench report --format json` gives it, in a data-value attribute for scripts and tests.

import { cellText, isRightAligned } from "../../reports/format/cell-text.js";
import { headerText, type Report, type Table } from "../../reports/table-model.js";
import { html, type SafeHtml } from "../html.js";

/** JSON's form of a value (non-finite numbers are null there too). */
function jsonValue(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v) =>
    typeof v === "number" && !Number.isFinite(v) ? null : v,
  );
}

export function tableHtml(table: Table): SafeHtml {
  const cls = (column: Table["columns"][number]) => (isRightAligned(column) ? "num" : null);
  return html`<section class="report-table" id="table-${table.id}">
<h2>${table.title}</h2>
<table data-table="${table.id}">
<thead><tr>${table.columns.map((column) => html`<th scope="col" class="${cls(column)}" data-key="${column.key}">${headerText(column)}</th>`)}</tr></thead>
<tbody>${table.rows.map(
    (row) =>
      html`<tr>${table.columns.map(
        (column) =>
          html`<td class="${cls(column)}" data-key="${column.key}" data-value="${jsonValue(row[column.key])}">${cellText(column, row[column.key])}</td>`,
      )}</tr>
`,
  )}</tbody>
</table>
${table.rows.length === 0 ? html`<p class="muted">No rows.</p>` : ""}
${table.footnotes.length > 0 ? html`<ul class="footnotes">${table.footnotes.map((note) => html`<li>${note}</li>`)}</ul>` : ""}
</section>`;
}

export function reportHtml(report: Report): SafeHtml {
  return html`${report.tables.map(tableHtml)}${report.notes.map((note) => html`<p>${note}</p>`)}`;
}
