import { describe, expect, it } from "vitest";
import { scoreLogSvg } from "./score-log-svg.js";

describe("scoreLogSvg", () => {
  it("draws each series as a line through its points, in time order, with a legend", () => {
    const svg = scoreLogSvg("Score log of r1", [
      {
        name: "raw score",
        points: [
          { x: 2, y: 0.5 },
          { x: 0.5, y: 0.1 },
          { x: 1, y: 0.3 },
        ],
      },
      { name: "normalized score", points: [{ x: 1, y: 0.2 }] },
    ])!;
    expect(svg).toMatch(/^<\?xml/);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    const first = /points="([^"]+)"/
      .exec(svg)![1]!
      .split(" ")
      .map((p) => Number(p.split(",")[0]));
    expect([...first].sort((a, b) => a - b)).toEqual(first); // x increasing
    expect(svg).toContain(">raw score<");
    expect(svg).toContain(">normalized score<");
  });

  it("escapes every text and has nothing active in it", () => {
    const svg = scoreLogSvg('<script>alert(1)</script> & "x"', [{ name: "<b>", points: [{ x: 0, y: 1 }] }])!;
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&#60;script&#62;");
    expect(svg).not.toMatch(/href|on[a-z]+=/i);
  });

  it("is null without a finite point", () => {
    expect(scoreLogSvg("t", [{ name: "raw", points: [{ x: 1, y: Number.NaN }] }])).toBeNull();
    expect(scoreLogSvg("t", [])).toBeNull();
  });
});
