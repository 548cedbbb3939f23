#!/usr/bin/env node
// Speed check of `bench view`: builds (once) a results store of 1,000,000 runs — 100 sweeps of 10,000
// runs, each sweep 10 agents × the 75 competitions of split75 × 13 or 14 seeds, mostly completed and
// graded, some failed — then starts `node bin/bench.js view` on it as a user does and times every kind
// of page over HTTP: the first answer (cold) and the median of the next ones. Target: every page under
// 1 s. Then times the static export of one sweep (`bench view --export DIR --sweep S`).
//
// Plain .mjs (Node 20 cannot run TypeScript): it uses the build in dist/ (`npm run bench:view` builds
// first). Rows are inserted with prepared statements in one transaction. The store lives in /tmp and
// is reused by later runs of the script (--regenerate builds it again).
//
// Usage: node scripts/bench-view.mjs [--db FILE] [--repeat N] [--regenerate]
//   --db FILE      the store (default /tmp/bench-view/bench-1m.db)
//   --repeat N     timed requests per page after the first (default 5); the median is the figure
//   --regenerate   rebuild the store even if it already holds the expected runs

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const AGENTS = 10;
const SWEEPS = 100;
const RUNS_PER_SWEEP = 10_000;
const TARGET_RUNS = SWEEPS * RUNS_PER_SWEEP;
const PAGE_SIZE = 100;
const FAILURES = ["agent_error", "timed_out", "out_of_memory", "infra_error"];

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "/tmp/bench-view/bench-1m.db" },
    repeat: { type: "string", default: "5" },
    regenerate: { type: "boolean", default: false },
  },
});
const dbPath = path.resolve(args.db);
const repeat = Number(args.repeat);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new TypeError(`--repeat: expected a positive integer, got ${args.repeat}`);

const dist = (file) => path.join(projectRoot, "dist", "src", file);
if (!existsSync(dist("store/open-store.js"))) {
  console.error("bench is not built: run `npm run build` (or `npm run bench:view`, which builds first).");
  process.exit(1);
}
const { openStore } = await import(dist("store/open-store.js"));
const { listCompetitions } = await import(dist("registry/competition-registry.js"));
const { fileSafeName } = await import(dist("viewer/page-paths.js"));

/** mulberry32: the same store on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs in an existing store; 0 when there is none, or it predates the current schema or generator. */
function countRuns(file) {
  if (!existsSync(file)) return 0;
  let store;
  try {
    store = openStore({ path: file }); // applies any new migration (indexes) to a store built before it
  } catch {
    return 0;
  }
  try {
    // A store built before the generator added usage is built again.
    if (store.sqlite.prepare("select count(*) from run_usage").pluck().get() === 0) return 0;
    return store.sqlite.prepare("select count(*) from runs").pluck().get();
  } finally {
    store.close();
  }
}

const sweepId = (s) =>
  `nightly-2026-${String(1 + Math.floor(s / 28)).padStart(2, "0")}-${String(1 + (s % 28)).padStart(2, "0")}`;

async function generate(file) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const competitions = await listCompetitions({ split: "split75" });
  const store = openStore({ path: file });
  const { sqlite } = store;
  const start = Date.UTC(2026, 0, 1);
  const insertCompetition = sqlite.prepare(
    "insert into competitions (id, kind, name, metric, direction, splits, origin, created_at_ms) values (?, ?, ?, ?, ?, ?, 'registry', ?)",
  );
  const insertAgent = sqlite.prepare(
    "insert into agents (id, name, version, content_hash, created_at_ms) values (?, ?, '1', ?, ?)",
  );
  const insertSweep = sqlite.prepare(
    "insert into sweeps (id, name, status, created_at_ms, finished_at_ms) values (?, ?, 'finished', ?, ?)",
  );
  const insertRun = sqlite.prepare(
    `insert into runs (id, sweep_id, agent_id, competition_id, seed, status, attempt, runtime, exit_code, error,
       time_limit_ms, queued_at_ms, started_at_ms, finished_at_ms)
     values (?, ?, ?, ?, ?, ?, 1, 'docker', ?, ?, 86400000, ?, ?, ?)`,
  );
  const insertGrade = sqlite.prepare(
    `insert into grades (run_id, competition_id, score, gold_threshold, silver_threshold, bronze_threshold,
       median_threshold, any_medal, gold_medal, silver_medal, bronze_medal, above_median, submission_exists,
       valid_submission, is_lower_better, graded_at_ms)
     values (?, ?, ?, 0.9, 0.8, 0.7, 0.5, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  // Half of the agents report LLM usage for every run (one model each; agent-05's model has no price,
  // so its cost is unknown), as agents calling an API do: the usage table, cost plot and run pages.
  const insertUsage = sqlite.prepare(
    `insert into run_usage (run_id, model, calls, input_tokens, output_tokens, tokens, cost_usd, unpriced_calls, updated_at_ms)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const next = random(20260101);
  let id = 0;
  sqlite.transaction(() => {
    for (const c of competitions) {
      const m = c.manifest;
      insertCompetition.run(
        c.id,
        m.kind,
        m.name,
        m.metric.name,
        m.metric.direction,
        JSON.stringify(m.splits),
        start,
      );
    }
    for (let a = 1; a <= AGENTS; a++)
      insertAgent.run(a, `agent-${String(a).padStart(2, "0")}`, `hash-${a}`, start);
    for (let s = 0; s < SWEEPS; s++) {
      const sweep = sweepId(s);
      const created = start + s * 86_400_000;
      insertSweep.run(sweep, sweep, created, created + 80_000_000);
      for (let i = 0; i < RUNS_PER_SWEEP; i++) {
        const a = 1 + (i % AGENTS);
        const c = competitions[Math.floor(i / AGENTS) % competitions.length];
        const seed = Math.floor(i / (AGENTS * competitions.length));
        const agent = `agent-${String(a).padStart(2, "0")}`;
        const runId = `${sweep}:${agent}-hash-${a}:${c.id}:${seed}`;
        const queued = created + i * 7_000;
        const started = queued + 1_000;
        const finished = started + 3_600_000 + Math.floor(next() * 3_600_000);
        const failed = next() < 0.06 ? FAILURES[Math.floor(next() * FAILURES.length)] : null;
        insertRun.run(
          runId,
          sweep,
          a,
          c.id,
          seed,
          failed ?? "completed",
          failed ? 1 : 0,
          failed ? `${failed}: the agent's process ended early (exit 1)` : null,
          queued,
          started,
          finished,
        );
        if (a <= 5) {
          const calls = 20 + Math.floor(next() * 200);
          const input = calls * (2_000 + Math.floor(next() * 6_000));
          const output = calls * (200 + Math.floor(next() * 800));
          const priced = a !== 5;
          const cost = priced ? (input * 3 + output * 15) / 1_000_000 : null;
          insertUsage.run(
            runId,
            `model-${a}`,
            calls,
            input,
            output,
            input + output,
            cost,
            priced ? 0 : calls,
            finished,
          );
        }
        if (failed === null || failed === "agent_error" || failed === "timed_out") {
          const skill = 0.05 + 0.04 * a;
          const exists = failed === null && next() < 0.95 ? 1 : 0;
          const valid = exists && next() < 0.95 ? 1 : 0;
          const u = valid ? next() : 1;
          const gold = u < skill * 0.3 ? 1 : 0;
          const silver = !gold && u < skill * 0.6 ? 1 : 0;
          const bronze = !gold && !silver && u < skill ? 1 : 0;
          const medal = gold || silver || bronze ? 1 : 0;
          const aboveMedian = valid && u < skill * 2 ? 1 : 0;
          insertGrade.run(
            runId,
            c.id,
            valid ? 1 - u : null,
            medal,
            gold,
            silver,
            bronze,
            aboveMedian,
            exists,
            valid,
            finished + 60_000,
          );
        }
        id++;
      }
    }
  })();
  store.close();
  return id;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `bench view` on the store, as a user starts it; resolves with its URL and the process. */
function startView(file) {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "bench.js"), "view", "--db", file], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const url = /bench view: (http:\/\/\S+\/)/.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.on("exit", (code) => reject(new Error(`bench view exited with ${code}: ${out}`)));
  });
}

async function timePage(url, count = repeat) {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url}: status ${response.status}\n${body.slice(0, 500)}`);
    return performance.now() - started;
  };
  const first = await once();
  const times = [];
  for (let i = 0; i < count; i++) times.push(await once());
  return times.length === 0 ? { first } : { first, median: median(times), max: Math.max(...times) };
}

let runs = args.regenerate ? 0 : countRuns(dbPath);
if (runs !== TARGET_RUNS) {
  const started = performance.now();
  console.log(`building ${dbPath} with ${TARGET_RUNS.toLocaleString("en")} runs ...`);
  runs = await generate(dbPath);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const sizeMb = statSync(dbPath).size / 1024 / 1024;
console.log(`store: ${dbPath} (${runs.toLocaleString("en")} runs, ${sizeMb.toFixed(0)} MB)`);

const probe = openStore({ path: dbPath });
const sweep = sweepId(SWEEPS - 1);
const competition = probe.sqlite.prepare("select id from competitions order by id limit 1").pluck().get();
const competitionRuns = probe.sqlite
  .prepare("select count(*) from runs where competition_id = ?")
  .pluck()
  .get(competition);
const run = probe.sqlite.prepare("select id from runs where sweep_id = ? limit 1").pluck().get(sweep);
probe.close();
const lastPage = (total) => Math.max(1, Math.ceil(total / PAGE_SIZE));
const paged = (base, page) => (page <= 1 ? `${base}.html` : `${base}.p${page}.html`);

const pages = [
  ["leaderboard", "index.html"],
  ["leaderboard of a sweep", `index.html?sweep=${encodeURIComponent(sweep)}`],
  ["sweeps list", "sweeps.html"],
  ["sweep page", paged(`sweeps/${fileSafeName(sweep)}`, 1)],
  ["sweep, last list page", paged(`sweeps/${fileSafeName(sweep)}`, lastPage(RUNS_PER_SWEEP))],
  ["sweep status JSON", `api/sweeps/${fileSafeName(sweep)}/status.json`],
  ["competitions list", "competitions.html"],
  ["competition page", paged(`competitions/${fileSafeName(competition)}`, 1)],
  [
    "competition, last list page",
    paged(`competitions/${fileSafeName(competition)}`, lastPage(competitionRuns)),
  ],
  ["competition plot (SVG)", `competitions/${fileSafeName(competition)}/scores.svg`],
  ["run page", `runs/${fileSafeName(run)}.html`],
  ["RE-bench page", "rebench.html"],
  ["AUP page", "aup.html"],
  ["compare page", `compare.html?a=agent-01&b=agent-02`],
  // The filters a user sets on the report pages: each a page the report thread makes on first request.
  ["leaderboard, split low", "index.html?split=low"],
  ["leaderboard, split all", "index.html?split=all"],
  ["leaderboard, since", "index.html?since=2026-03-01"],
  ["leaderboard, two agents", "index.html?agents=agent-03,agent-04"],
  ["RE-bench page, since", "rebench.html?since=2026-03-01"],
  ["AUP page, since", "aup.html?since=2026-03-01"],
  ["compare, gold medals", `compare.html?a=agent-03&b=agent-04&metric=gold_medal`],
  ["compare two sweeps", `compare.html?a=%40${sweepId(SWEEPS - 2)}&b=%40${sweep}`],
  ["compare, agent in sweeps", `compare.html?a=agent-01%40${sweepId(SWEEPS - 2)}&b=agent-01%40${sweep}`],
];

const spawned = performance.now();
const { url, child } = await startView(dbPath);
const urlAfter = performance.now() - spawned;
const results = [];
let warm;
let duringWarmUp;
let atStart;
try {
  // The report pages are made on a second thread, starting with the server, which prints its URL once
  // the leaderboard is made: the other pages answer meanwhile, and RE-bench and AUP follow.
  const started = performance.now();
  const warming = Promise.all(
    ["index.html", "rebench.html", "aup.html"].map((page) => timePage(new URL(page, url).href, 0)),
  );
  duringWarmUp = await timePage(new URL(pages[3][1], url).href, 0);
  atStart = (await warming).map((timing) => timing.first);
  warm = performance.now() - started;
  for (const [name, page] of pages)
    results.push({ name, page, ...(await timePage(new URL(page, url).href)) });
} finally {
  child.kill("SIGTERM");
}
console.log(
  `\nbench view printed its URL ${urlAfter.toFixed(0)} ms after starting (it makes the leaderboard first).` +
    ` Its report thread then made the other unfiltered report pages (RE-bench, AUP) in ${warm.toFixed(0)} ms,` +
    ` during which a sweep page answered in ${duringWarmUp.first.toFixed(0)} ms. Asked for as the URL appeared,` +
    ` the leaderboard answered in ${atStart[0].toFixed(0)} ms, RE-bench in ${atStart[1].toFixed(0)} ms, AUP in ${atStart[2].toFixed(0)} ms.`,
);
console.log(
  `\nbench view over HTTP, ${runs.toLocaleString("en")} runs (first request, then median and max of ${repeat}):`,
);
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const flag = Math.max(r.first, r.max) >= 1000 ? "  OVER 1 s" : "";
  console.log(
    `  ${r.name.padEnd(width)}  first ${r.first.toFixed(0).padStart(5)} ms  median ${r.median.toFixed(0).padStart(5)} ms  max ${r.max.toFixed(0).padStart(5)} ms  ${r.page}${flag}`,
  );
}
// Sharing one night: the static export of one sweep (10,000 runs), as a user runs it.
const exportDir = path.join(path.dirname(dbPath), "export-one-sweep");
rmSync(exportDir, { recursive: true, force: true });
const exportStarted = performance.now();
const exported = await new Promise((resolve, reject) => {
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, "bin", "bench.js"),
      "view",
      "--db",
      dbPath,
      "--export",
      exportDir,
      "--sweep",
      sweep,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  child.on("error", reject);
  child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`export exited ${code}`))));
});
console.log(
  `\nbench view --export DIR --sweep ${sweep}: ${((performance.now() - exportStarted) / 1000).toFixed(1)} s (${exported})`,
);
rmSync(exportDir, { recursive: true, force: true });

const slow = results.filter((r) => Math.max(r.first, r.max) >= 1000);
if (slow.length > 0) {
  console.log(`\n${slow.length} page(s) took 1 s or more.`);
  process.exitCode = 1;
}
