// The grading speed suite (issue 8 item 4): for every gradable competition, answers and a plausible
// submission at the competition's upstream size (times --scale), made by the cases of
// scripts/bench-grade/suite/*.mjs, then bench's `bench grade` process timed against
// `python3 scripts/python/reference_grade.py <id> <answers> <submission>` side by side, in alternating
// order, wall time and peak RSS measured around each whole process (measure.mjs). One competition at a
// time: its files are generated, graded and deleted before the next one, so that the disk and memory
// hold one competition's data at most.
//
// Prints one row per competition (rows, bench s, python s, ratio, bench MB, python MB, same score?) and
// the totals. Exit code 1 when a target is missed: bench's total wall time at most 0.5x Python's, no
// competition slower than Python, peak memory at most Python's on each, the same score on each.
//
// Usage: npm run bench:grade -- --suite [--scale X] [--only id,id] [--repetitions N] [--python PATH]
//   --scale X        row counts times X (default 1: upstream size)
//   --only id,id     only these competitions
//   --repetitions N  timed runs of each tool per competition, alternating which goes first; the median
//                    counts (default 1)

import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Random } from "../generate-demo-competitions/random.mjs";
import { measure, measureMethod, median } from "./measure.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const casesDir = path.join(projectRoot, "scripts", "bench-grade", "suite");

const { values: args } = parseArgs({
  options: {
    suite: { type: "boolean", default: true },
    scale: { type: "string", default: "1" },
    only: { type: "string" },
    repetitions: { type: "string", default: "1" },
    python: { type: "string", default: "/usr/bin/python3" },
  },
});
const scale = Number(args.scale);
const repetitions = Number(args.repetitions);
if (!(scale > 0 && Number.isFinite(scale)))
  throw new TypeError(`--scale must be a positive number, got ${args.scale}`);
if (!Number.isInteger(repetitions) || repetitions < 1) {
  throw new TypeError(`--repetitions must be a positive integer, got ${args.repetitions}`);
}
const dist = path.join(projectRoot, "dist", "src");
if (!existsSync(path.join(dist, "cli", "main.js"))) {
  throw new Error("bench is not built: run `npm run build` (npm run bench:grade does it for you)");
}
const { listCompetitions } = await import(
  pathToFileURL(path.join(dist, "registry", "competition-registry.js")).href
);

/** Every case of suite/*.mjs by competition id (a later file's case for the same id is refused). */
async function loadCases() {
  const cases = new Map();
  for (const file of readdirSync(casesDir)
    .filter((f) => f.endsWith(".mjs"))
    .sort()) {
    const { CASES } = await import(pathToFileURL(path.join(casesDir, file)).href);
    for (const c of CASES ?? []) {
      if (cases.has(c.id))
        throw new Error(`${file}: a second case for ${c.id} (the first is in ${cases.get(c.id).file})`);
      cases.set(c.id, { ...c, file });
    }
  }
  return cases;
}

/**
 * The folders bench grades from. MLE-bench competitions: the data dir, with bench's own registry. Bundled
 * ones (the demos) read their data beside their competition.yaml: a one-competition registry whose
 * `data` folder is the generated one.
 */
function gradingDirs(competition, work, dataDir) {
  if (competition.manifest.data.source !== "bundled") return { extra: [] };
  const root = path.join(work, "competitions");
  const dir = path.join(root, competition.id);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(competition.dir, "competition.yaml"), path.join(dir, "competition.yaml"));
  if (competition.leaderboardPath)
    copyFileSync(competition.leaderboardPath, path.join(dir, "leaderboard.csv"));
  symlinkSync(path.join(dataDir, competition.id), path.join(dir, "data"));
  return { extra: ["--competitions-root", root] };
}

/** Data rows of a CSV file: its line count less the header (a final line without a newline counts). */
function dataRows(file) {
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  let last = 10;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      for (let i = 0; i < read; i++) if (buffer[i] === 10) lines++;
      last = buffer[read - 1];
    }
  } finally {
    closeSync(fd);
  }
  return lines + (last === 10 ? 0 : 1) - 1;
}

function benchScore(result) {
  if (result.code !== 0)
    return { error: `exit ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 300)}` };
  const report = JSON.parse(result.stdout);
  return report.valid_submission ? { score: report.score } : { error: `invalid: ${report.error}` };
}

function pythonScore(result) {
  if (result.code !== 0)
    return { error: `exit ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 300)}` };
  const out = JSON.parse(result.stdout);
  if (out.error) return { error: `invalid: ${out.error}` };
  return { score: out.score };
}

/** Generates, grades (both tools, alternating) and deletes one competition's files. */
async function runCase(competition, testCase, method) {
  const work = mkdtempSync(path.join(os.tmpdir(), `bench-suite-${competition.id}-`));
  try {
    const dataDir = path.join(work, "data");
    const started = Date.now();
    const { submission } = await testCase.generate({
      dataDir,
      random: new Random(`suite/${competition.id}`),
      scale,
    });
    const generateS = (Date.now() - started) / 1000;
    const answers = path.join(dataDir, competition.id, "prepared", competition.manifest.data.answers);
    if (!existsSync(answers))
      throw new Error(`${testCase.file}: ${competition.id}'s case wrote no answers at ${answers}`);
    const { extra } = gradingDirs(competition, work, dataDir);
    const commands = {
      bench: [
        process.execPath,
        "bin/bench.js",
        "grade",
        competition.id,
        submission,
        "--data-dir",
        dataDir,
        ...extra,
        "--json",
      ],
      python: [args.python, "scripts/python/reference_grade.py", competition.id, answers, submission],
    };
    const runs = { bench: [], python: [] };
    const scores = { bench: [], python: [] };
    for (let rep = 0; rep < repetitions; rep++) {
      for (const tool of rep % 2 === 0 ? ["bench", "python"] : ["python", "bench"]) {
        const result = await measure(commands[tool], { method, python: args.python, cwd: projectRoot });
        runs[tool].push(result);
        scores[tool].push(tool === "bench" ? benchScore(result) : pythonScore(result));
      }
    }
    const summary = (tool) => ({
      wallS: median(runs[tool].map((r) => r.wallS)),
      peakMb: Math.max(...runs[tool].map((r) => r.rssKb)) / 1024,
      outcome: scores[tool][0],
    });
    const bench = summary("bench");
    const python = summary("python");
    const all = [...scores.bench, ...scores.python];
    const same =
      all.every((s) => s.error === undefined) && all.every((s) => s.score === all[0].score)
        ? "yes"
        : `no (bench ${bench.outcome.score ?? bench.outcome.error.slice(0, 120)}; python ${python.outcome.score ?? python.outcome.error.slice(0, 120)})`;
    return { id: competition.id, rows: dataRows(answers), generateS, bench, python, same };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const pad = (text, width, right = true) =>
  right ? String(text).padStart(width) : String(text).padEnd(width);

function printRow(r) {
  const ratio = r.bench.wallS / r.python.wallS;
  console.log(
    [
      pad(r.id, 48, false),
      pad(r.rows.toLocaleString("en-US"), 10),
      pad(r.bench.wallS.toFixed(2), 8),
      pad(r.python.wallS.toFixed(2), 9),
      pad(ratio.toFixed(2), 6),
      pad(r.bench.peakMb.toFixed(0), 9),
      pad(r.python.peakMb.toFixed(0), 10),
      `  ${r.same}`,
    ].join(" "),
  );
}

const method = measureMethod();
const cases = await loadCases();
const only = args.only
  ? new Set(
      args.only
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
  : null;
const gradable = (await listCompetitions()).filter(
  (c) => c.manifest.gradable && c.manifest.data !== undefined && (only === null || only.has(c.id)),
);
if (only !== null) {
  const unknown = [...only].filter((id) => !gradable.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`--only: not a gradable competition: ${unknown.join(", ")}`);
}
const withoutCase = gradable.filter((c) => !cases.has(c.id)).map((c) => c.id);

console.log(
  `Grading suite: ${gradable.length - withoutCase.length} competitions at scale ${scale}, ${repetitions} ` +
    `alternating repetition(s) each; peak RSS by ${method === "gnu-time" ? "GNU time %M" : "os.wait4 ru_maxrss"}.`,
);
console.log(
  [
    pad("competition", 48, false),
    pad("rows", 10),
    pad("bench s", 8),
    pad("python s", 9),
    pad("ratio", 6),
    pad("bench MB", 9),
    pad("python MB", 10),
    "  same score?",
  ].join(" "),
);
const results = [];
const failed = [];
for (const competition of gradable) {
  const testCase = cases.get(competition.id);
  if (testCase === undefined) continue;
  try {
    const result = await runCase(competition, testCase, method);
    results.push(result);
    printRow(result);
  } catch (error) {
    // A broken case is reported and counted, and the suite goes on with the next competition.
    failed.push(competition.id);
    console.log(
      `${pad(competition.id, 48, false)} case failed: ${String(error?.message ?? error)
        .split("\n")[0]
        .slice(0, 200)}`,
    );
  }
}

const benchTotal = results.reduce((s, r) => s + r.bench.wallS, 0);
const pythonTotal = results.reduce((s, r) => s + r.python.wallS, 0);
console.log(
  `${pad("total", 48, false)} ${pad("", 10)} ${pad(benchTotal.toFixed(2), 8)} ${pad(pythonTotal.toFixed(2), 9)} ${pad((benchTotal / pythonTotal).toFixed(2), 6)}`,
);
if (withoutCase.length > 0) console.log(`\nNo benchmark case (not measured): ${withoutCase.join(", ")}`);

const slower = results.filter((r) => r.bench.wallS > r.python.wallS).map((r) => r.id);
const heavier = results.filter((r) => r.bench.peakMb > r.python.peakMb).map((r) => r.id);
const differ = results.filter((r) => r.same !== "yes").map((r) => r.id);
const list = (ids) => (ids.length === 0 ? "none" : ids.join(", "));
const checks = [
  [
    `total wall: bench <= 0.5 x python's (ratio ${(benchTotal / pythonTotal).toFixed(2)})`,
    benchTotal <= 0.5 * pythonTotal,
  ],
  [`no competition slower than python (slower: ${list(slower)})`, slower.length === 0],
  [`peak memory <= python's on each (heavier: ${list(heavier)})`, heavier.length === 0],
  [`same valid score on each (differ: ${list(differ)})`, differ.length === 0],
  [`every case ran (failed: ${list(failed)})`, failed.length === 0],
];
console.log("");
for (const [label, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${label}`);
if (results.length === 0 || checks.some(([, ok]) => !ok)) process.exitCode = 1;
