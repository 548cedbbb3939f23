#!/usr/bin/env node
// Speed benchmark: grading a 1,000,000-row binary-AUC submission with bench versus MLE-bench's own way
// (pandas + scikit-learn). Generates, in a temporary folder and from a fixed seed, a competition laid out
// as `mlebench prepare` lays one out (DATA/<id>/prepared/private/answers.csv with 40-hex-char image ids
// and 0/1 labels, as histopathologic-cancer-detection has) and a submission of probabilities (rows
// shuffled by default: the general case, where ids must be joined; `--order sample` keeps the sample
// submission's order, as most agents do), plus a competitions folder holding its competition.yaml
// (graded by the histopathologic-cancer-detection grader, against that competition's real
// leaderboard). Then it times, in alternating order after one warm-up run of each:
//   bench:  node bin/bench.js grade <id> <submission> --data-dir DATA --competitions-root ROOT --json
//   python: /usr/bin/python3 scripts/python/grade_auc_reference.py <submission> <answers>
// Wall time is measured around each whole process (start-up included); peak RSS is the process's
// maximum resident set size as reported by GNU time (%M, from wait4's rusage), or, without it, by a
// Python wrapper calling os.wait4. Targets: bench's median wall time at most half of Python's, and its
// peak memory at most Python's; both must print the same score to 5 decimals. Exit code 1 when not.
//
// Usage (through scripts/bench-grade.mjs): npm run bench:grade -- [--rows N] [--repetitions N] [--order shuffled|sample] [--python PATH] [--keep]

import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Random } from "../generate-demo-competitions/random.mjs";
import { measureMethod, measure as measureProcess, median } from "./measure.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const COMPETITION_ID = "speed-binary-auc";
const GRADER = "histopathologic-cancer-detection";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    repetitions: { type: "string", default: "5" },
    order: { type: "string", default: "shuffled" },
    python: { type: "string", default: "/usr/bin/python3" },
    keep: { type: "boolean", default: false },
  },
});
const rows = Number(args.rows);
const repetitions = Number(args.repetitions);
if (!Number.isInteger(rows) || rows < 2)
  throw new TypeError(`--rows must be an integer >= 2, got ${args.rows}`);
if (args.order !== "shuffled" && args.order !== "sample") {
  throw new TypeError(`--order must be "shuffled" or "sample", got ${args.order}`);
}
if (!Number.isInteger(repetitions) || repetitions < 1) {
  throw new TypeError(`--repetitions must be a positive integer, got ${args.repetitions}`);
}

/** Writes `count` lines made by `line(i)` to `file` through a stream, in chunks. */
async function writeLines(file, header, count, line) {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  const CHUNK = 50_000;
  for (let start = 0; start < count; start += CHUNK) {
    const lines = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) lines.push(line(i));
    if (!out.write(`${lines.join("\n")}\n`)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

async function generate(workDir) {
  const random = new Random(`bench-grade/${rows}`);
  const ids = Array.from({ length: rows }, () => random.hex(40));
  const labels = Uint8Array.from({ length: rows }, () => random.bernoulli(0.4));
  // A decent model: the label shifts a noisy logit; probabilities written with full precision, as pandas does.
  const probabilities = Float64Array.from(
    labels,
    (y) => 1 / (1 + Math.exp(-(2 * y - 1 + random.normal(0, 1.3)))),
  );
  const identity = Array.from({ length: rows }, (_, i) => i);
  const order = args.order === "shuffled" ? random.shuffled(identity) : identity;

  const dataDir = path.join(workDir, "data");
  const prepared = path.join(dataDir, COMPETITION_ID, "prepared");
  mkdirSync(path.join(prepared, "private"), { recursive: true });
  mkdirSync(path.join(prepared, "public"), { recursive: true });
  const answersPath = path.join(prepared, "private", "answers.csv");
  await writeLines(answersPath, "id,label", rows, (i) => `${ids[i]},${labels[i]}`);
  await writeLines(
    path.join(prepared, "public", "sample_submission.csv"),
    "id,label",
    rows,
    (i) => `${ids[i]},0`,
  );
  const submissionPath = path.join(workDir, "submission.csv");
  await writeLines(submissionPath, "id,label", rows, (k) => `${ids[order[k]]},${probabilities[order[k]]}`);

  const root = path.join(workDir, "competitions");
  mkdirSync(path.join(root, COMPETITION_ID), { recursive: true });
  writeFileSync(
    path.join(root, COMPETITION_ID, "competition.yaml"),
    [
      `id: ${COMPETITION_ID}`,
      "name: Speed benchmark (binary AUC, 1M rows)",
      "kind: kaggle",
      "description: Synthetic histopathologic-cancer-detection-shaped data generated by scripts/bench-grade.mjs.",
      "splits: [benchmark]",
      "metric: { name: auc-roc, family: AUC-ROC, direction: higher }",
      `grader: ${GRADER}`,
      "gradable: true",
      "data: { source: mlebench, answers: private/answers.csv, sample_submission: public/sample_submission.csv }",
      "leaderboard: leaderboard.csv",
      "awards_medals: false",
      "",
    ].join("\n"),
  );
  copyFileSync(
    path.join(projectRoot, "competitions", GRADER, "leaderboard.csv"),
    path.join(root, COMPETITION_ID, "leaderboard.csv"),
  );
  return { dataDir, root, answersPath, submissionPath };
}

function scoreOf(tool, result) {
  if (result.code !== 0)
    throw new Error(`${tool} exited with ${result.code}:\n${result.stderr || result.stdout}`);
  if (tool === "python") return Number(result.stdout.trim());
  const report = JSON.parse(result.stdout);
  if (!report.valid_submission) throw new Error(`bench graded the submission invalid: ${report.error}`);
  return report.score;
}

const method = measureMethod();
const measure = (argv) => measureProcess(argv, { method, python: args.python, cwd: projectRoot });
if (!existsSync(path.join(projectRoot, "dist", "src", "cli", "main.js"))) {
  throw new Error("bench is not built: run `npm run build` (npm run bench:grade does it for you)");
}
const workDir = mkdtempSync(path.join(os.tmpdir(), "bench-grade-"));
try {
  const started = Date.now();
  const { dataDir, root, answersPath, submissionPath } = await generate(workDir);
  console.log(
    `Generated ${rows.toLocaleString("en-US")} rows in ${workDir} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  const commands = {
    bench: [
      process.execPath,
      "bin/bench.js",
      "grade",
      COMPETITION_ID,
      submissionPath,
      "--data-dir",
      dataDir,
      "--competitions-root",
      root,
      "--json",
    ],
    python: [
      args.python,
      "scripts/python/grade_auc_reference.py",
      submissionPath,
      answersPath,
      "--id-column",
      "id",
      "--target-column",
      "label",
    ],
  };
  for (const [tool, argv] of Object.entries(commands))
    console.log(`${tool}: ${argv.map((a) => (a.includes(" ") ? JSON.stringify(a) : a)).join(" ")}`);

  const results = { bench: [], python: [] };
  const scores = { bench: new Set(), python: new Set() };
  // One warm-up run each (page cache, Python's bytecode cache), not counted.
  for (const tool of ["bench", "python"])
    scores[tool].add(scoreOf(tool, await measure(commands[tool])).toFixed(5));
  for (let rep = 0; rep < repetitions; rep++) {
    const order = rep % 2 === 0 ? ["bench", "python"] : ["python", "bench"];
    for (const tool of order) {
      const result = await measure(commands[tool]);
      scores[tool].add(scoreOf(tool, result).toFixed(5));
      results[tool].push(result);
      console.log(
        `  run ${rep + 1} ${tool.padEnd(6)} ${result.wallS.toFixed(2)} s  ${(result.rssKb / 1024).toFixed(0)} MB`,
      );
    }
  }

  const summary = Object.fromEntries(
    Object.entries(results).map(([tool, runs]) => [
      tool,
      {
        medianWall: median(runs.map((r) => r.wallS)),
        minWall: Math.min(...runs.map((r) => r.wallS)),
        peakRssMb: Math.max(...runs.map((r) => r.rssKb)) / 1024,
      },
    ]),
  );
  const { bench, python } = summary;
  const wallRatio = bench.medianWall / python.medianWall;
  const rssRatio = bench.peakRssMb / python.peakRssMb;
  const row = (name, s) =>
    `${name.padEnd(24)} ${s.medianWall.toFixed(2).padStart(10)} ${s.minWall.toFixed(2).padStart(9)} ${s.peakRssMb.toFixed(0).padStart(12)}`;
  console.log(
    `\n${rows.toLocaleString("en-US")} rows (submission in ${args.order} order), ${repetitions} alternating ` +
      `repetitions; peak RSS by ${method === "gnu-time" ? "GNU time %M" : "os.wait4 ru_maxrss"}`,
  );
  console.log(
    `${"tool".padEnd(24)} ${"median s".padStart(10)} ${"min s".padStart(9)} ${"peak RSS MB".padStart(12)}`,
  );
  console.log(row("bench (node)", bench));
  console.log(row("python (pandas+sklearn)", python));
  console.log(
    `${"bench / python".padEnd(24)} ${wallRatio.toFixed(2).padStart(10)} ${(bench.minWall / python.minWall).toFixed(2).padStart(9)} ${rssRatio.toFixed(2).padStart(12)}`,
  );

  const sameScore =
    scores.bench.size === 1 && scores.python.size === 1 && [...scores.bench][0] === [...scores.python][0];
  const checks = [
    [
      `same score to 5 decimals (bench ${[...scores.bench].join("/")}, python ${[...scores.python].join("/")})`,
      sameScore,
    ],
    [`wall: bench median <= 0.5 x python's (ratio ${wallRatio.toFixed(2)})`, wallRatio <= 0.5],
    [`memory: bench peak RSS <= python's (ratio ${rssRatio.toFixed(2)})`, rssRatio <= 1],
  ];
  console.log("");
  for (const [label, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  if (args.keep) console.log(`Kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
