#!/usr/bin/env python3
"""Reference values for the classification family's metric modules (src/grading/metrics/
classification-metrics-parity.test.ts): the competitions' own metric code, written with the libraries
the reference calls (scikit-learn's roc_curve and auc, pandas, numpy).

Reads [{"metric": str, "args": [...]}, ...] as JSON on stdin, writes [{"value": x} | {"error": str}, ...].
NaN travels as the string "NaN".
"""

import json
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn import metrics

warnings.simplefilter("ignore")


def insert_thresholds(fpr, tpr, thresholds):
    fpr, tpr = list(fpr), list(tpr)
    for t in thresholds:
        if t not in tpr:
            i = next(k for k, v in enumerate(tpr) if v > t)
            fpr.insert(i, fpr[i - 1] + (fpr[i] - fpr[i - 1]) * (t - tpr[i - 1]) / (tpr[i] - tpr[i - 1]))
            tpr.insert(i, t)
    return np.array(fpr), np.array(tpr)


def alaska_weighted_auc(y_true, y_valid):
    """The competition's metric: bands of TPR weighted 2 and 1, padding with numpy.linspace."""
    tpr_thresholds = [0.0, 0.4, 1.0]
    weights = [2, 1]
    fpr, tpr, _ = metrics.roc_curve(y_true, y_valid, pos_label=1)
    fpr, tpr = insert_thresholds(fpr, tpr, tpr_thresholds)
    areas = np.array(tpr_thresholds[1:]) - np.array(tpr_thresholds[:-1])
    normalization = np.dot(areas, weights)
    competition_metric = 0
    for idx, weight in enumerate(weights):
        y_min = tpr_thresholds[idx]
        y_max = tpr_thresholds[idx + 1]
        mask = (y_min <= tpr) & (tpr <= y_max)
        x_padding = np.linspace(fpr[mask][-1], 1, 100)
        x = np.concatenate([fpr[mask], x_padding])
        y = np.concatenate([tpr[mask], [y_max] * len(x_padding)])
        y = y - y_min
        competition_metric += metrics.auc(x, y) * weight
    return competition_metric / normalization


def kl_divergence(solution, submission):
    """Kaggle's micro-averaged KL divergence on column lists (eps 1e-15; NaN terms skipped)."""
    sol = pd.DataFrame({f"c{k}": col for k, col in enumerate(solution)}, dtype=float)
    sub = pd.DataFrame({f"c{k}": col for k, col in enumerate(submission)}, dtype=float)
    for col in sol.columns:
        sub[col] = np.clip(sub[col], 1e-15, 1 - 1e-15)
        nonzero = sol[col] != 0
        sol.loc[nonzero, col] = sol.loc[nonzero, col] * np.log(sol.loc[nonzero, col] / sub.loc[nonzero, col])
        sol.loc[~nonzero, col] = 0
    return np.average(sol.sum(axis=1))


def weighted_multilabel_log_loss(y_true, y_pred, positive, negative):
    k = len(positive)
    y = np.array(y_true, dtype=float).reshape(-1, k)
    p = np.clip(np.array(y_pred, dtype=float).reshape(-1, k), 1e-15, 1 - 1e-15)
    w = np.where(y == 1, np.array(positive, dtype=float), np.array(negative, dtype=float))
    losses = -(y * np.log(p) + (1 - y) * np.log(1 - p)) * w
    return np.mean(losses.sum(axis=1) / w.sum(axis=1))


METRICS = {
    "weighted_band_auc": alaska_weighted_auc,
    "kl_divergence": kl_divergence,
    "weighted_multilabel_log_loss": weighted_multilabel_log_loss,
}


def decode(x):
    if isinstance(x, list):
        return [decode(v) for v in x]
    return float("nan") if x == "NaN" else x


def main():
    out = []
    for case in json.load(sys.stdin):
        try:
            value = float(METRICS[case["metric"]](*decode(case["args"])))
            out.append({"value": "NaN" if value != value else value})
        except Exception as e:  # noqa: BLE001 - an exception means the reference rejects the input
            out.append({"error": f"{type(e).__name__}: {e}"})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
