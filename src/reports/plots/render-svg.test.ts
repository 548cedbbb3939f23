import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { axisLabels, lineLooks, plotAreaWidth } from "../test-support/svg-parts.js";
import { lineChartSpec } from "./line-chart-spec.js";
import { renderSvg, safeFileStem, writePlots } from "./render-svg.js";

const dir = mkdtempSync(path.join(tmpdir(), "bench-plots-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = lineChartSpec({
  title: "score@k, time limit 30m",
  subtitle: "band: 95% bootstrap interval",
  xTitle: "k (runs per task)",
  yTitle: "score@k",
  xScale: "log",
  showPoints: true,
  series: [
    {
      name: "o1-preview",
      points: [1, 2, 4, 8].map((k) => ({ x: k, y: 0.1 * Math.log2(2 * k), low: 0.05, high: 0.5 })),
    },
    { name: "Claude <3.5> & co", points: [1, 2, 4].map((k) => ({ x: k, y: 0.05 * k })) },
  ],
});

describe("renderSvg", () => {
  it("draws a self-contained SVG: well-formed XML with width, height and viewBox, text as <text>", async () => {
    const svg = await renderSvg(spec);
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg).svg;
    expect(root.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(Number(root.width)).toBeGreaterThan(500);
    expect(Number(root.height)).toBeGreaterThan(300);
    expect(root.viewBox).toBe(`0 0 ${root.width} ${root.height}`);
    // Titles, axis titles and legend labels are real text (escaped), not paths or images.
    for (const text of [
      "score@k, time limit 30m",
      "k (runs per task)",
      "o1-preview",
      "Claude &lt;3.5&gt; &amp; co",
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    // Nothing that a Markdown viewer would refuse or fetch: no scripts, images, or foreign content.
    expect(svg).not.toMatch(/<script|<image|<foreignObject|href="http/);
  });

  it("writes one file per plot under --plots, with portable names, and returns them as figures", async () => {
    const figures = await writePlots(path.join(dir, "nested"), [
      { name: "rebench-score-at-k-30m", title: "t", spec },
    ]);
    expect(figures).toHaveLength(1);
    expect(figures[0]!.path.endsWith(path.join("nested", "rebench-score-at-k-30m.svg"))).toBe(true);
    expect(readFileSync(path.join(dir, "nested", "rebench-score-at-k-30m.svg"), "utf8")).toMatch(/^<\?xml/);
    expect(safeFileStem("head_9d40c1b_test_results(v1 MountainCar)")).toBe(
      "head_9d40c1b_test_results-v1-MountainCar",
    );
  });

  it("gives each of 20 series its own look: ten colours, then the same colours dashed", async () => {
    const svg = await renderSvg(
      lineChartSpec({
        title: "twenty agents",
        xTitle: "x",
        yTitle: "y",
        series: Array.from({ length: 20 }, (_, i) => ({
          name: `agent ${i}`,
          points: [0, 1].map((x) => ({ x, y: x + i })),
        })),
      }),
    );
    const looks = lineLooks(svg);
    expect(looks).toHaveLength(20);
    expect(new Set(looks.map((look) => `${look.stroke} ${look.dash}`)).size).toBe(20);
    expect(new Set(looks.slice(0, 10).map((look) => look.stroke)).size).toBe(10);
    const dashOf = (name: string) => looks.find((look) => look.series === name)!.dash;
    expect(dashOf("agent 12")).not.toBe(dashOf("agent 2"));
  });

  it("draws charts at least 800 px wide", async () => {
    expect(plotAreaWidth(await renderSvg(spec))).toBeGreaterThanOrEqual(800);
  });

  it("puts whole-number ticks on a count axis, even when it spans only k = 1 to 2", async () => {
    const counts = (xScale: "log" | "linear") =>
      lineChartSpec({
        title: "pass@k",
        xTitle: "k",
        yTitle: "pass@k (%)",
        xScale,
        xInteger: true,
        showPoints: true,
        series: [{ name: "a", points: [1, 2].map((k) => ({ x: k, y: 10 * k })) }],
      });
    expect(axisLabels(await renderSvg(counts("log")), "X")).toEqual(["1", "2"]);
    const linear = axisLabels(await renderSvg(counts("linear")), "X");
    for (const label of linear) expect(label).toMatch(/^\d+$/);
  });
});
