import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../table-model.js";
import { renderReport } from "./render-report.js";

function sample(): Report {
  return {
    title: "Sample report",
    tables: [
      {
        id: "scores",
        title: "Scores",
        columns: [
          { key: "agent", label: "Agent", kind: "text" },
          { key: "runs", label: "Runs", kind: "integer" },
          { key: "any_medal", label: "Any medal", kind: "mean-sem", unit: "%" },
          { key: "score", label: "Score", kind: "number", decimals: 3 },
          { key: "ci95", label: "95% CI", kind: "interval", decimals: 2 },
        ],
        rows: [
          {
            agent: "aide",
            runs: 12,
            any_medal: { mean: 16.875, sem: 1.0625 },
            score: 0.123456789,
            ci95: { low: 0.1, high: 0.25 },
          },
          { agent: 'pipe|agent, "quoted"', runs: 3, any_medal: null, score: -0.00001, ci95: null },
        ],
        footnotes: ["Seeds: complete seeds only."],
      },
      {
        id: "second",
        title: "Second table",
        columns: [{ key: "x", label: "X", kind: "number" }],
        rows: [{ x: Number.NaN }],
        footnotes: [],
      },
    ],
    notes: ["aide beats mlab by 4.2 points."],
    figures: [{ title: "pass@k", path: "plots/pass at k.svg" }],
  };
}

describe("report renderers", () => {
  it("terminal: aligned columns with units in headers, mean ± sem, '-' for no value, footnotes and plots", () => {
    const text = renderReport(sample(), "terminal");
    const lines = text.split("\n");
    expect(lines.slice(0, 2)).toEqual(["Sample report", "============="]);
    const header = lines.find((l) => l.startsWith("Agent"))!;
    expect(header).toMatch(/Agent\s+Runs\s+Any medal \(%\)\s+Score\s+95% CI/);
    const aide = lines.find((l) => l.startsWith("aide"))!;
    expect(aide).toMatch(/aide\s+12\s+16\.9 ± 1\.1\s+0\.123\s+0\.10 to 0\.25/);
    const other = lines.find((l) => l.startsWith("pipe"))!;
    // Numbers are right-aligned under their header, and -0.000 prints as 0.000.
    expect(other).toMatch(/\s+3\s+-\s+0\.000\s+-$/);
    expect(aide.indexOf("12") + 2).toBe(other.indexOf(" 3") + 2);
    expect(text).toContain("* Seeds: complete seeds only.");
    expect(text).toContain("aide beats mlab by 4.2 points.");
    expect(text).toContain("plots/pass at k.svg  (pass@k)");
  });

  it("markdown: GFM tables with right-aligned numbers, escaped pipes, footnote lists and embedded plots", () => {
    const text = renderReport(sample(), "markdown");
    expect(text).toContain("# Sample report");
    expect(text).toContain("## Scores");
    expect(text).toContain("| Agent | Runs | Any medal (%) | Score | 95% CI |");
    expect(text).toContain("| --- | ---: | ---: | ---: | ---: |");
    expect(text).toContain('| pipe\\|agent, "quoted" | 3 | - | 0.000 | - |');
    expect(text).toContain("- Seeds: complete seeds only.");
    expect(text).toContain("![pass@k](plots/pass%20at%20k.svg)");
  });

  it("csv: the main table only, full precision, mean/sem and low/high in their own columns, RFC 4180 quoting", () => {
    const text = renderReport(sample(), "csv");
    // Nothing but the header and the rows: no section line, no footnotes, no second table, no plots.
    expect(text.split("\r\n")).toEqual([
      "agent,runs,any_medal_mean,any_medal_sem,score,ci95_low,ci95_high",
      "aide,12,16.875,1.0625,0.123456789,0.1,0.25",
      '"pipe|agent, ""quoted""",3,,,-0.00001,,',
      "",
    ]);
    expect(text).not.toContain("#");
  });

  it("markdown: plot links are relative to the folder the Markdown file is written into", () => {
    const report = sample();
    report.figures = [{ title: "pass@k", path: path.join("out", "plots", "pass at k.svg") }];
    expect(renderReport(report, "markdown", { outputDir: "out" })).toContain(
      "![pass@k](plots/pass%20at%20k.svg)",
    );
    expect(renderReport(report, "markdown", { outputDir: path.join("out", "md") })).toContain(
      "![pass@k](../plots/pass%20at%20k.svg)",
    );
    // Without a file, links are relative to the working directory, where the figure's path starts.
    expect(renderReport(report, "markdown")).toContain("![pass@k](out/plots/pass%20at%20k.svg)");
  });

  it("json: the table model with raw values, units, and null for non-finite numbers", () => {
    const value = JSON.parse(renderReport(sample(), "json"));
    expect(value.title).toBe("Sample report");
    expect(value.tables[0].columns[2]).toEqual({
      key: "any_medal",
      label: "Any medal",
      kind: "mean-sem",
      unit: "%",
    });
    expect(value.tables[0].rows[0].any_medal).toEqual({ mean: 16.875, sem: 1.0625 });
    expect(value.tables[0].rows[0].score).toBe(0.123456789);
    expect(value.tables[1].rows[0].x).toBeNull();
    expect(value.figures[0].path).toBe("plots/pass at k.svg");
  });
});
