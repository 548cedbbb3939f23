// Where each page lives. The server and the static export share one set of paths, so a page renders
// the same relative links in both: `runs/<id>.html` is a URL path on the server and a file in the export.
// Ids from the store (run ids hold ":", sweep names any character) become file names through an
// injective escape of everything outside [A-Za-z0-9-], so no id can form "..", a "/", a URL scheme, or
// a name that reads as another page ("x.p2.html").

/** Rows on one page of a list. */
export const PAGE_SIZE = 100;

/** The file-name form of an id: "nightly:a.b:1" → "nightly_3aa_2eb_3a1". Injective ("_" is escaped too). */
export function fileSafeName(id: string): string {
  let out = "";
  for (const ch of id) {
    if (/[A-Za-z0-9-]/.test(ch)) out += ch;
    else out += [...Buffer.from(ch, "utf8")].map((byte) => `_${byte.toString(16).padStart(2, "0")}`).join("");
  }
  return out === "" ? "_" : out;
}

/** The id back from its file-name form; null when `name` is not one `fileSafeName` makes. */
export function idFromFileSafeName(name: string): string | null {
  if (name === "_") return "";
  if (!/^(?:[A-Za-z0-9-]|_[0-9a-f]{2})+$/.test(name)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < name.length; ) {
    if (name[i] === "_") {
      bytes.push(Number.parseInt(name.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(name.charCodeAt(i));
      i += 1;
    }
  }
  const id = Buffer.from(bytes).toString("utf8");
  return fileSafeName(id) === name ? id : null;
}

/** "x.html" for page 1, "x.p2.html" for page 2. */
function paged(base: string, page: number): string {
  return page <= 1 ? `${base}.html` : `${base}.p${page}.html`;
}

export const paths = {
  stylesheet: "style.css",
  /** The live part's script (served only: an export has no live part). */
  liveScript: "live.js",
  /** The JSON a live page polls. */
  sweepStatus: (id: string) => `api/sweeps/${fileSafeName(id)}/status.json`,
  runStatus: (id: string) => `api/runs/${fileSafeName(id)}/status.json`,
  leaderboard: "index.html",
  sweeps: (page = 1) => paged("sweeps", page),
  sweep: (id: string, page = 1) => paged(`sweeps/${fileSafeName(id)}`, page),
  competitions: "competitions.html",
  rebench: "rebench.html",
  aup: "aup.html",
  /** Served only: the two sides come from the query (?a=...&b=...), so an export has no such page. */
  compare: "compare.html",
  /** A plot of a report page, by its file stem (render-svg.ts's safeFileStem: [A-Za-z0-9._-]). */
  plot: (report: PlotReport, stem: string) => `plots/${report}/${stem}.svg`,
  competition: (id: string, page = 1) => paged(`competitions/${fileSafeName(id)}`, page),
  /** A competition's runs over its real leaderboard's distribution (SVG). */
  competitionScores: (id: string) => `competitions/${fileSafeName(id)}/scores.svg`,
  run: (id: string) => `runs/${fileSafeName(id)}.html`,
  /** A run's score log over time (SVG). */
  runScoreLog: (id: string) => `runs/${fileSafeName(id)}/score-log.svg`,
  /** The whole agent.log of a run. */
  runLog: (id: string) => `runs/${fileSafeName(id)}/agent.log`,
  /** A file of the run's folder, by its path relative to that folder ("/"-separated). */
  runFile: (id: string, relative: string) =>
    `runs/${fileSafeName(id)}/files/${relative.split("/").map(encodeURIComponent).join("/")}`,
} as const;

/** A link from the page at `from` to the path `to`, both relative to the site's root. */
export function relativeHref(from: string, to: string): string {
  const depth = from.split("/").length - 1;
  return "../".repeat(depth) + to;
}

/** The report pages that draw plots. */
export type PlotReport = "leaderboard" | "rebench" | "aup";

/** What a request path names. */
export type Route =
  | { kind: "stylesheet" }
  | { kind: "live-script" }
  | { kind: "sweep-status"; id: string }
  | { kind: "run-status"; id: string }
  | { kind: "leaderboard" }
  | { kind: "sweeps"; page: number }
  | { kind: "sweep"; id: string; page: number }
  | { kind: "competitions" }
  | { kind: "rebench" }
  | { kind: "aup" }
  | { kind: "compare" }
  | { kind: "plot"; report: PlotReport; stem: string }
  | { kind: "competition"; id: string; page: number }
  | { kind: "competition-scores"; id: string }
  | { kind: "run"; id: string }
  | { kind: "run-score-log"; id: string }
  | { kind: "run-log"; id: string }
  | { kind: "run-file"; id: string; relative: string };

function pageOf(text: string | undefined): number | null {
  if (text === undefined) return 1;
  const page = Number(text);
  return Number.isSafeInteger(page) && page >= 2 ? page : null;
}

/** The route of a URL path (already percent-decoded per segment by the caller); null when none. */
export function routeOf(segments: readonly string[]): Route | null {
  const [first, second, third, ...rest] = segments;
  if (segments.length === 0 || (segments.length === 1 && first === "")) return { kind: "leaderboard" };
  if (segments.length === 1) {
    if (first === "index.html") return { kind: "leaderboard" };
    if (first === "style.css") return { kind: "stylesheet" };
    if (first === "live.js") return { kind: "live-script" };
    if (first === "competitions.html") return { kind: "competitions" };
    if (first === "rebench.html") return { kind: "rebench" };
    if (first === "aup.html") return { kind: "aup" };
    if (first === "compare.html" || first === "compare") return { kind: "compare" };
    const sweeps = /^sweeps(?:\.p(\d+))?\.html$/.exec(first!);
    if (sweeps) {
      const page = pageOf(sweeps[1]);
      return page === null ? null : { kind: "sweeps", page };
    }
    return null;
  }
  const named = /^(.+?)(?:\.p(\d+))?\.html$/.exec(second!);
  if (segments.length === 2 && named) {
    const id = idFromFileSafeName(named[1]!);
    const page = pageOf(named[2]);
    if (id === null || page === null) return null;
    if (first === "sweeps") return { kind: "sweep", id, page };
    if (first === "competitions") return { kind: "competition", id, page };
    if (first === "runs" && page === 1 && named[2] === undefined) return { kind: "run", id };
    return null;
  }
  if (first === "api" && segments.length === 4 && rest[0] === "status.json") {
    const id = idFromFileSafeName(third!);
    if (id === null) return null;
    if (second === "sweeps") return { kind: "sweep-status", id };
    if (second === "runs") return { kind: "run-status", id };
    return null;
  }
  if (
    first === "plots" &&
    segments.length === 3 &&
    (second === "leaderboard" || second === "rebench" || second === "aup")
  ) {
    const stem = /^([A-Za-z0-9._-]+)\.svg$/.exec(third!)?.[1];
    return stem === undefined || stem.startsWith(".") ? null : { kind: "plot", report: second, stem };
  }
  if (first === "competitions" && segments.length === 3 && third === "scores.svg") {
    const id = idFromFileSafeName(second!);
    return id === null ? null : { kind: "competition-scores", id };
  }
  if (first !== "runs") return null;
  const id = idFromFileSafeName(second!);
  if (id === null) return null;
  if (segments.length === 3 && third === "agent.log") return { kind: "run-log", id };
  if (segments.length === 3 && third === "score-log.svg") return { kind: "run-score-log", id };
  if (third === "files" && rest.length > 0) return { kind: "run-file", id, relative: rest.join("/") };
  return null;
}
