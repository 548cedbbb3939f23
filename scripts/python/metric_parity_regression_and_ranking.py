#!/usr/bin/env python3
"""Reference values for bench's regression-and-ranking metric parity test
(src/grading/metrics/regression-and-ranking-parity.test.ts).

Reads a JSON list of {"metric": str, "args": [...]} on stdin and writes a JSON list of {"value": float} or
{"error": "Type: message"}, one per case. The calls are the libraries' own: scikit-learn's
matthews_corrcoef and label_ranking_average_precision_score (with sample_weight = true labels per row,
freesound's lwlrap); inversions (AI4Code's Kendall tau) are counted pair by pair, the definition itself.
"""

import json
import sys
import warnings

import numpy as np
from sklearn.metrics import label_ranking_average_precision_score, matthews_corrcoef

warnings.simplefilter("ignore")


def inversions(values):
    n = len(values)
    return sum(1 for i in range(n) for j in range(i + 1, n) if values[i] > values[j])


def run(case):
    metric, args = case["metric"], case["args"]
    if metric == "mcc":
        return matthews_corrcoef(args[0], args[1])
    if metric == "lwlrap":
        truth = np.array(args[0]) > 0
        scores = np.array(args[1], dtype=np.float64)
        return label_ranking_average_precision_score(truth, scores, sample_weight=truth.sum(axis=1))
    if metric == "inversions":
        return inversions(args[0])
    raise ValueError(f"unknown metric {metric}")


def main():
    out = []
    for case in json.load(sys.stdin):
        try:
            out.append({"value": float(run(case))})
        except Exception as e:  # noqa: BLE001 - every library error is a verdict
            out.append({"error": f"{type(e).__name__}: {e}"})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
