// An MLE-bench-format agent folder written for bench's tests, in the reference's layout: agents/<folder>/
// with config.yaml (anchors, aliases and merge keys as the reference's own files use them), a
// Dockerfile built with MLE-bench's build arguments FROM the local busybox test image, and start.sh.
// The start script is a probe: it records what it was given (arguments, environment, the contract's
// files), validates a good and a bad submission and more than the rate limit allows, and searches the
// container's whole filesystem for a line of the competition's private answers (given in two halves,
// so that the whole line is never in any file of the image or the container's command line).

import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PROBE_FOLDER = "probe-agent";
/** The secret the probe's env_vars name; tests set it (or not) in bench's environment. */
export const PROBE_SECRET_NAME = "BENCH_TEST_PROBE_KEY";
export const PROBE_VALIDATIONS_PER_MINUTE = 3;
export const PROBE_TIME_LIMIT_SECS = 120;

export interface ProbeFixture {
  agentsDir: string;
  /** `<agents-dir>#probe`: argparse kwargs. */
  argparseRef: string;
  /** `<agents-dir>#probe/omegaconf`: the same folder, omegaconf kwargs. */
  omegaconfRef: string;
}

const START_SH = `#!/bin/bash
# A probe agent, written as MLE-bench agents are (paths of its base image, kwargs as arguments).
needle_a=""; needle_b=""
for arg in "$@"; do
  case "$arg" in
    --needle_a) next=a ;; --needle_b) next=b ;;
    needle_a=*) needle_a="\${arg#needle_a=}" ;; needle_b=*) needle_b="\${arg#needle_b=}" ;;
    *) if [ "\${next:-}" = a ]; then needle_a="$arg"; elif [ "\${next:-}" = b ]; then needle_b="$arg"; fi; next="" ;;
  esac
done
DATA="\${BENCH_DATA_DIR:-/home/data}"
LOGS="\${BENCH_LOGS_DIR:-/home/logs}"
CODE="\${BENCH_CODE_DIR:-/home/code}"
SUBMISSION="\${BENCH_SUBMISSION_DIR:-/home/submission}"
VALIDATE="\${BENCH_VALIDATE:-/home/validate_submission.sh}"
INSTRUCTIONS="\${BENCH_INSTRUCTIONS:-/home/instructions.txt}"
{
  echo "uid=$(id -u)"
  echo "competition=$COMPETITION_ID"
  echo "time_limit=$TIME_LIMIT_SECS"
  echo "step_limit=\${STEP_LIMIT:-unset}"
  echo "gpus=\${BENCH_GPU_COUNT:-unset}"
  echo "agent_dir=\${AGENT_DIR:-unset}"
  echo "cwd=$(pwd)"
  echo "instructions=$(grep -q /home/submission/submission.csv "$INSTRUCTIONS" && echo yes || echo no)"
  echo "agent_dir_writable=$(touch "\${AGENT_DIR:-$CODE}/written" 2>/dev/null && echo yes || echo no)"
} >"$LOGS/probe.txt"
for arg in "$@"; do echo "$arg"; done >"$LOGS/args.txt"
echo "the key is $PROBE_KEY, as given"
"$VALIDATE" "$DATA/sample_submission.csv" >"$LOGS/validate-1.txt"
printf 'id,not_a_column\\nnobody,1\\n' >"$CODE/bad.csv"
"$VALIDATE" "$CODE/bad.csv" >"$LOGS/validate-2.txt"
"$VALIDATE" "$DATA/sample_submission.csv" >"$LOGS/validate-3.txt"
"$VALIDATE" "$DATA/sample_submission.csv" >"$LOGS/validate-4.txt"
"$VALIDATE" "$CODE/missing.csv" >"$LOGS/validate-missing.txt"
if [ -f /home/validate_submission.sh ] && [ -n "$needle_a" ]; then
  # Every file of the container, the data mount included; /proc, /sys and /dev hold no files.
  control="$(head -n 1 "$DATA/sample_submission.csv")"
  find / \\( -path /proc -o -path /sys -o -path /dev \\) -prune -o -type f -print 2>/dev/null >"$CODE/files.txt"
  found=0; seen=0; files=0
  while IFS= read -r file; do
    files=$((files + 1))
    grep -qxF "$needle_a$needle_b" "$file" 2>/dev/null && { found=$((found + 1)); echo "$file" >>"$LOGS/leaks.txt"; }
    grep -qxF "$control" "$file" 2>/dev/null && seen=$((seen + 1))
  done <"$CODE/files.txt"
  echo "files=$files answers_found=$found control_found=$seen" >"$LOGS/search.txt"
fi
cp "$DATA/sample_submission.csv" "$SUBMISSION/submission.csv"
`;

const DOCKERFILE = `FROM bench-busybox:test

ARG SUBMISSION_DIR
ENV SUBMISSION_DIR=\${SUBMISSION_DIR}
ARG LOGS_DIR
ENV LOGS_DIR=\${LOGS_DIR}
ARG CODE_DIR
ENV CODE_DIR=\${CODE_DIR}
ARG AGENT_DIR
ENV AGENT_DIR=\${AGENT_DIR}

RUN mkdir -p \${LOGS_DIR} \${CODE_DIR} \${AGENT_DIR} \${SUBMISSION_DIR}
COPY . \${AGENT_DIR}
WORKDIR \${AGENT_DIR}
`;

/** Writes the folder; `needle` is a line of a competition's private answers, split in two kwargs. */
export function writeProbeAgents(
  needle: string,
  root = mkdtempSync(path.join(os.tmpdir(), "bench-mlebench-")),
): ProbeFixture {
  const agentsDir = path.join(root, "agents");
  const folder = path.join(agentsDir, PROBE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const half = Math.floor(needle.length / 2);
  const config = `vars:
  time_limit: &time_limit ${PROBE_TIME_LIMIT_SECS}
  step_count: &step_count 3

defaults: &defaults
  start: ${PROBE_FOLDER}/start.sh
  dockerfile: ${PROBE_FOLDER}/Dockerfile
  env_vars: &env_vars
    TIME_LIMIT_SECS: *time_limit
    STEP_LIMIT: *step_count
    PROBE_KEY: \${{ secrets.${PROBE_SECRET_NAME} }}

kwargs_common: &kwargs_common
  agent.steps: *step_count
  agent.temp: 0.5
  copy_data: False
  needle_a: ${JSON.stringify(needle.slice(0, half))}
  needle_b: ${JSON.stringify(needle.slice(half))}

probe:
  <<: *defaults
  kwargs_type: argparse
  kwargs:
    <<: *kwargs_common
    agent.code.model: tiny-model
  bench:
    validations_per_minute: ${PROBE_VALIDATIONS_PER_MINUTE}

probe/omegaconf:
  <<: *defaults
  kwargs_type: omegaconf
  kwargs:
    <<: *kwargs_common
    agent.code.model: other-model
  env_vars:
    <<: *env_vars
    STEP_LIMIT: 7
  bench:
    validations_per_minute: ${PROBE_VALIDATIONS_PER_MINUTE}
`;
  writeFileSync(path.join(folder, "config.yaml"), config);
  writeFileSync(path.join(folder, "Dockerfile"), DOCKERFILE);
  writeFileSync(path.join(folder, "start.sh"), START_SH);
  chmodSync(path.join(folder, "start.sh"), 0o755);
  return { agentsDir, argparseRef: `${agentsDir}#probe`, omegaconfRef: `${agentsDir}#probe/omegaconf` };
}
