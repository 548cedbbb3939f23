#!/usr/bin/env python3
"""scikit-learn's answers for the sets-and-text metric blocks (src/grading/metrics/*.sklearn.test.ts).

Reads a JSON list of cases on stdin and prints a JSON list of results:
  {"kind": "multilabel_micro_f1", "actual": [[tokens]], "predicted": [[tokens]]}
      -> MultiLabelBinarizer(classes=sorted(answer tokens)) + f1_score(average="micro")
  {"kind": "samples_jaccard", "actual": [text], "predicted": [text]}
      -> jaccard_score(average="samples", zero_division=0) on MultiLabelBinarizer of lower-cased word sets
"""

import json
import sys
import warnings

from sklearn.metrics import f1_score, jaccard_score
from sklearn.preprocessing import MultiLabelBinarizer


def run(case):
    if case["kind"] == "multilabel_micro_f1":
        classes = sorted({t for row in case["actual"] for t in row})
        mlb = MultiLabelBinarizer(classes=classes)  # dense: Debian's scikit-learn 1.2 rejects some sparse inputs
        y_true = mlb.fit_transform(case["actual"])
        y_pred = mlb.transform(case["predicted"])
        return float(f1_score(y_true, y_pred, average="micro"))
    if case["kind"] == "samples_jaccard":
        t = [set(s.lower().split()) for s in case["actual"]]
        p = [set(s.lower().split()) for s in case["predicted"]]
        mlb = MultiLabelBinarizer()
        mlb.fit(t + p + [{"\0"}])  # one extra class keeps the matrix non-empty
        return float(jaccard_score(mlb.transform(t), mlb.transform(p), average="samples", zero_division=0))
    raise ValueError(case["kind"])


with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(json.dumps([run(c) for c in json.load(sys.stdin)]))
