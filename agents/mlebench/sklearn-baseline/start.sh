#!/bin/bash
# Started by the harness as `bash /home/agent/start.sh [--seed N] [--threads N]` (MLE-bench's contract:
# data in /home/data, the submission to /home/submission/submission.csv, logs to /home/logs; bench's
# local runtime gives the same folders as $BENCH_DATA_DIR, ...). agent.py lies beside this script.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Debian's Python (pandas and scikit-learn) before any other on the PATH.
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3
exec "$python" "$here/agent.py" "$@"
