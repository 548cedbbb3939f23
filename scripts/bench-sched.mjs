#!/usr/bin/env node
// Scheduling overhead of bench's docker runtime: N trivial containers (default 200) at concurrency 2,
// once through `bench run --runtime docker` (the whole harness: store writes before each step,
// labels, artifact copy-out, grading of the missing submission, container removal) and once through
// a plain parallel loop of `docker run --rm` of the same containers (image, user, limits, mounts),
// side by side in one run, in alternating order. Target: bench's wall time at most 1.15 × the loop's.
//
// Usage: node scripts/bench-sched.mjs [--runs N] [--concurrency C] [--rounds R] [--runtime docker|slurm]
// Needs a Docker engine and the offline test image (scripts/build-test-images.sh); uses dist/
// (`npm run bench:sched` builds first).
//
// --runtime slurm: N trivial runs (default 100, concurrency 8) as Slurm jobs through
// `bench run --runtime slurm` (process launcher), against a plain loop of `sbatch --wait` of the same
// trivial job with the same resources (1 CPU, 128 MiB, the same time limit) at the same concurrency.
// Needs a cluster: scripts/slurm-test-cluster.sh start.

import { execFile, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const IMAGE = "bench-busybox:test";
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    concurrency: { type: "string", default: "2" },
    rounds: { type: "string", default: "1" },
    runtime: { type: "string", default: "docker" },
    // slurm only: "wait" (sbatch --wait, as the issue asks) or "poll" (sbatch, then squeue every 200 ms
    // until the job is gone: a tighter lower bound than sbatch --wait, which sleeps 2 s, then 8 s ...).
    baseline: { type: "string", default: "wait" },
  },
});
const slurm = args.runtime === "slurm";
if (!["docker", "slurm"].includes(args.runtime)) {
  console.error(`--runtime must be docker or slurm, got ${args.runtime}`);
  process.exit(1);
}
const runs = Number(slurm && args.runs === "200" ? "100" : args.runs);
const concurrency = Number(slurm && args.concurrency === "2" ? "8" : args.concurrency);
const rounds = Number(args.rounds);

if (slurm && spawnSync("sinfo", ["-h"], { stdio: "ignore" }).status !== 0) {
  console.error("no Slurm cluster answers: run scripts/slurm-test-cluster.sh start first.");
  process.exit(1);
}
if (!slurm && spawnSync("docker", ["image", "inspect", IMAGE], { stdio: "ignore" }).status !== 0) {
  console.error(`${IMAGE} is missing: run scripts/build-test-images.sh first.`);
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), "bench-sched-"));
const agentFile = path.join(work, "trivial.yaml");
// The same limits for both: 0.5 CPU, 128 MiB, no network.
writeFileSync(
  agentFile,
  slurm
    ? `name: trivial\ncommand: ["true"]\nresources:\n  cpus: 1\n  memory_gb: 0.125\ntime_limit: 5m\n`
    : `name: trivial\nimage: ${IMAGE}\ncommand: ["true"]\nresources:\n  cpus: 0.5\n  memory_gb: 0.125\n  pids: 64\n`,
);

function run(command, argv, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ["ignore", "ignore", "pipe"], ...options });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.slice(-2000)}`)),
    );
  });
}

/** stdout of a command (never rejects on a non-zero exit: squeue forgets finished jobs). */
function output(command, argv) {
  return new Promise((resolve, reject) => {
    execFile(command, argv, { encoding: "utf8" }, (error, stdout) =>
      error && typeof error.code !== "number" ? reject(error) : resolve(stdout),
    );
  });
}

async function timeBench(round) {
  const db = path.join(work, `bench-${round}.db`);
  const start = performance.now();
  await run(
    process.execPath,
    [
      path.join(projectRoot, "bin", "bench.js"),
      "run",
      "--agent",
      agentFile,
      "--competition",
      "demo-binary-auc",
      "--seeds",
      String(runs),
      "--runtime",
      args.runtime,
      "--concurrency",
      String(concurrency),
      "--name",
      `sched-${round}`,
      "--db",
      db,
    ],
    { cwd: work },
  );
  return (performance.now() - start) / 1000;
}

// The loop runs the same containers bench runs: same image, user and limits, and the same two bind
// mounts (the competition's public data read-only, a writable score folder), so the difference is the
// harness's own work, not a different container.
const publicData = path.join(projectRoot, "competitions", "demo-binary-auc", "data", "prepared", "public");
const scoreDir = mkdtempSync(path.join(work, "score-"));
chmodSync(scoreDir, 0o777);

// The plain Slurm loop: the same trivial job (1 CPU, 128 MiB, bench's --time for a 5 min limit plus
// the 10 s stop grace) submitted with `sbatch --wait`, `concurrency` at a time.
const slurmOut = mkdtempSync(path.join(work, "sbatch-"));
const slurmScript = path.join(work, "trivial.sh");
writeFileSync(slurmScript, "#!/bin/sh\ntrue\n");

async function timeSlurmLoop() {
  let next = 0;
  const worker = async () => {
    while (next < runs) {
      const index = next++;
      const poll = args.baseline === "poll";
      const argv = [
        ...(poll ? ["--parsable"] : ["--wait", "--quiet"]),
        "--job-name=sched-loop",
        "--nodes=1",
        "--ntasks=1",
        "--cpus-per-task=1",
        "--mem=128M",
        "--time=7",
        "--export=NONE",
        "--no-requeue",
        `--output=${path.join(slurmOut, `job-${index}.log`)}`,
        slurmScript,
      ];
      if (!poll) {
        await run("sbatch", argv);
        continue;
      }
      const jobId = (await output("sbatch", argv)).trim().split(";")[0];
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const state = (await output("squeue", ["-h", "-j", jobId, "-o", "%T"])).trim();
        if (state === "" || !/PENDING|RUNNING|CONFIGURING|COMPLETING/.test(state)) break;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - start) / 1000;
}

async function timeLoop() {
  if (slurm) return timeSlurmLoop();
  let next = 0;
  const worker = async () => {
    while (next < runs) {
      next++;
      await run("docker", [
        "run",
        "--rm",
        "--network",
        "none",
        "--memory",
        "128m",
        "--cpus",
        "0.5",
        "--pids-limit",
        "64",
        "--user",
        "1000:1000",
        "--volume",
        `${publicData}:/bench/data:ro`,
        "--volume",
        `${scoreDir}:/bench/score`,
        IMAGE,
        "true",
      ]);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - start) / 1000;
}

const results = { bench: [], loop: [] };
for (let round = 1; round <= rounds; round++) {
  // Alternate which goes first, so neither always runs on a warmer engine.
  const order = round % 2 === 1 ? ["loop", "bench"] : ["bench", "loop"];
  for (const which of order) {
    const seconds = which === "bench" ? await timeBench(round) : await timeLoop();
    results[which].push(seconds);
    console.log(
      `round ${round} ${which.padEnd(5)} ${seconds.toFixed(1)} s (${(runs / seconds).toFixed(2)} ${slurm ? "jobs" : "containers"}/s)`,
    );
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bench = median(results.bench);
const loop = median(results.loop);
const ratio = bench / loop;
console.log(
  `\n${runs} trivial ${slurm ? "Slurm jobs" : "containers"} at concurrency ${concurrency}, ${rounds} round(s); median wall time`,
);
console.log(`bench run --runtime ${args.runtime.padEnd(7)}${bench.toFixed(1)} s`);
const loopName = slurm
  ? args.baseline === "poll"
    ? "sbatch + squeue loop"
    : "sbatch --wait loop  "
  : "docker run --rm loop";
console.log(`${loopName}         ${loop.toFixed(1)} s`);
console.log(`ratio                        ${ratio.toFixed(3)}`);
console.log(`${ratio <= 1.15 ? "PASS" : "FAIL"}  bench <= 1.15 x the loop's wall time`);
