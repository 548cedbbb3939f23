// A run's score log as a small SVG line chart, drawn by hand rather than through Vega: an export of a
// store with thousands of RE-bench runs draws one per run, and this takes well under a millisecond
// where Vega takes a tenth of a second. Every text is escaped; the picture has no script and no link.

export interface ScoreLogSeries {
  name: string;
  /** x: hours since the run started; y: the score. */
  points: readonly { x: number; y: number }[];
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { left: 64, right: 150, top: 34, bottom: 42 };
const COLOURS = ["#4e79a7", "#f28e2b"] as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A short, exact-enough label for an axis value. */
function label(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  return abs >= 1e5 || abs < 1e-3 ? value.toExponential(2) : String(Number(value.toPrecision(4)));
}

function extent(values: readonly number[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low === high) return [low - (Math.abs(low) || 1) / 2, high + (Math.abs(high) || 1) / 2];
  return [low, high];
}

/** The chart, or null when no series has a finite point. */
export function scoreLogSvg(title: string, series: readonly ScoreLogSeries[]): string | null {
  const drawn = series
    .map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) }))
    .filter((s) => s.points.length > 0)
    .slice(0, COLOURS.length);
  if (drawn.length === 0) return null;
  const all = drawn.flatMap((s) => s.points);
  const [x0, x1] = extent([0, ...all.map((p) => p.x)]);
  const [y0, y1] = extent(all.map((p) => p.y));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - ((y - y0) / (y1 - y0)) * plotH;
  const f = (n: number) => n.toFixed(1);
  const ticks = (low: number, high: number) => [0, 0.25, 0.5, 0.75, 1].map((t) => low + t * (high - low));
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
  ];
  for (const y of ticks(y0, y1)) {
    parts.push(
      `<line x1="${MARGIN.left - 4}" x2="${MARGIN.left + plotW}" y1="${f(sy(y))}" y2="${f(sy(y))}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 7}" y="${f(sy(y) + 4)}" font-size="11" text-anchor="end">${escapeXml(label(y))}</text>`,
    );
  }
  for (const x of ticks(x0, x1)) {
    parts.push(
      `<line x1="${f(sx(x))}" x2="${f(sx(x))}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 4}" stroke="#999"/>`,
      `<text x="${f(sx(x))}" y="${MARGIN.top + plotH + 17}" font-size="11" text-anchor="middle">${escapeXml(label(x))}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 6}" font-size="12" text-anchor="middle">hours since the run started</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" font-size="12" text-anchor="middle">score</text>`,
  );
  drawn.forEach((s, i) => {
    const colour = COLOURS[i]!;
    const sorted = [...s.points].sort((a, b) => a.x - b.x);
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${sorted.map((p) => `${f(sx(p.x))},${f(sy(p.y))}`).join(" ")}"/>`,
      ...sorted.map((p) => `<circle cx="${f(sx(p.x))}" cy="${f(sy(p.y))}" r="3" fill="${colour}"/>`),
      `<line x1="${WIDTH - MARGIN.right + 14}" x2="${WIDTH - MARGIN.right + 34}" y1="${MARGIN.top + 8 + i * 18}" y2="${MARGIN.top + 8 + i * 18}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${WIDTH - MARGIN.right + 40}" y="${MARGIN.top + 12 + i * 18}" font-size="11">${escapeXml(s.name)}</text>`,
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif">
${parts.join("\n")}
</svg>
`;
}
