"""Independent re-implementation of MLE-bench's grade functions, family g3-classification (written from
shared/mlebench/full-grading/g3-classification.md, not from bench's TypeScript). Loaded by reference_grade.py.

GRADERS maps a competition id to grade(submission: DataFrame, answers: DataFrame) -> float; any exception
means the submission is invalid. ANSWER_READERS (optional) maps a competition id to read(path) -> DataFrame
for answers that are not a plain CSV.

Debian's scikit-learn (1.2) renormalises rows in log_loss where 1.5.1 does not, so the log losses are
written with numpy; accuracy_score, roc_auc_score, roc_curve and auc behave the same in both versions.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, auc, roc_auc_score, roc_curve

MACHINE_EPS = float(np.finfo(np.float64).eps)


class Invalid(Exception):
    pass


def need(df, *columns):
    for c in columns:
        if c not in df.columns:
            raise Invalid(f"missing column {c}")


def sorted_pair(sub, ans, id_col):
    """Both sorted by id (pandas quicksort); the sorted id arrays must be equal elementwise."""
    sub = sub.sort_values(id_col).reset_index(drop=True)
    ans = ans.sort_values(id_col).reset_index(drop=True)
    if len(sub) != len(ans) or (sub[id_col].to_numpy() != ans[id_col].to_numpy()).any():
        raise Invalid("ids differ")
    return sub, ans


# --- accuracy ------------------------------------------------------------------------------------


def accuracy_helper(id_col, target):
    def grade(sub, ans):
        if len(sub) != len(ans):
            raise Invalid("row count")
        need(sub, target)
        need(sub, id_col)
        sub, ans = sorted_pair(sub, ans, id_col)
        return accuracy_score(ans[target].to_numpy(), sub[target].to_numpy())

    return grade


def inaturalist(sub, ans):
    if len(sub) != len(ans):
        raise Invalid("row count")
    need(sub, "id", "predicted")
    sub, ans = sorted_pair(sub, ans, "id")
    y_true = ans["predicted"].astype(int).tolist()
    column = sub["predicted"]
    if pd.api.types.is_integer_dtype(column):
        y_pred = column.tolist()
    else:
        y_pred = [int(v.split()[0]) for v in column]  # floats, booleans, NaN: no split()
    return 1 - accuracy_score(y_true, y_pred)


def paddy(sub, ans):
    need(sub, "image_id", "label")
    if len(sub) != len(ans):
        raise Invalid("row count")
    sub, ans = sorted_pair(sub, ans, "image_id")
    return accuracy_score(ans["label"].to_numpy(), sub["label"].fillna("").to_numpy())


# --- ROC AUC ---------------------------------------------------------------------------------------


def binary_auroc(id_col, target):
    def grade(sub, ans):
        need(sub, id_col)
        need(sub, target)
        if len(sub) != len(ans):
            raise Invalid("row count")
        values = pd.to_numeric(sub[target])
        if values.min() < 0 or values.max() > 1:
            raise Invalid("outside [0, 1]")
        sub, ans = sorted_pair(sub, ans, id_col)
        return roc_auc_score(ans[target].to_numpy(), sub[target].to_numpy())

    return grade


def playground_s3e18(sub, ans):
    need(sub, "id")
    need(sub, "EC1", "EC2")
    if len(sub) != len(ans):
        raise Invalid("row count")
    sub, ans = sorted_pair(sub, ans, "id")
    cols = ["EC1", "EC2"]
    return roc_auc_score(ans[cols].to_numpy(), sub[cols].to_numpy(), average="macro")


def band_weighted_auc(y_true, y_score):
    """(2 * A[0, 0.4] + A[0.4, 1]) / 1.4 on the ROC polyline, with a TPR = 0.4 point interpolated."""
    fpr, tpr, _ = roc_curve(y_true, y_score, pos_label=1)
    fpr, tpr = list(fpr), list(tpr)
    if 0.4 not in tpr:
        i = next(k for k, t in enumerate(tpr) if t > 0.4)
        x = fpr[i - 1] + (fpr[i] - fpr[i - 1]) * (0.4 - tpr[i - 1]) / (tpr[i] - tpr[i - 1])
        fpr.insert(i, x)
        tpr.insert(i, 0.4)
    fpr, tpr = np.array(fpr), np.array(tpr)
    total = 0.0
    norm = 0.0
    for (lo, hi), weight in (((0.0, 0.4), 2), ((0.4, 1.0), 1)):
        mask = (tpr >= lo) & (tpr <= hi)
        xs = np.concatenate([fpr[mask], [1.0]])
        ys = np.concatenate([tpr[mask], [hi]]) - lo
        total += weight * auc(xs, ys)
        norm += weight * (hi - lo)
    return total / norm


def alaska2(sub, ans):
    if len(sub) != len(ans):
        raise Invalid("row count")
    need(sub, "Id")
    need(sub, "Label")
    sub, ans = sorted_pair(sub, ans, "Id")
    return band_weighted_auc(ans["Label"].astype(float).to_numpy(), sub["Label"].astype(float).to_numpy())


# --- log losses ------------------------------------------------------------------------------------


def log_loss_rows(truth, probs, eps):
    """Mean over rows of -sum_k y_k ln(clip(p_k)); no renormalisation (scikit-learn 1.5.1)."""
    probs = np.clip(np.asarray(probs, dtype=np.float64), eps, 1 - eps)
    truth = np.asarray(truth, dtype=np.float64)
    if not np.isfinite(probs).all():
        raise ValueError("NaN or infinity")
    return float(np.mean(-np.where(truth == 0, 0.0, truth * np.log(probs)).sum(axis=1)))


LMSYS = ["winner_model_a", "winner_model_b", "winner_tie"]


def lmsys(sub, ans):
    need(sub, "id", *LMSYS)
    if len(sub) != len(ans):
        raise Invalid("row count")
    probs = sub[LMSYS]
    if not ((probs >= 0) & (probs <= 1)).all().all():
        raise Invalid("outside [0, 1]")
    if not (probs.sum(axis=1).round(6) == 1).all():
        raise Invalid("rows do not sum to 1")
    sub, ans = sorted_pair(sub, ans, "id")
    return log_loss_rows(ans[LMSYS].to_numpy(), sub[LMSYS].to_numpy(), MACHINE_EPS)


def statoil(sub, ans):
    need(sub, "id")
    need(sub, "is_iceberg")
    if set(sub["id"]) != set(ans["id"]):
        raise Invalid("id sets differ")
    if not sub["is_iceberg"].between(0, 1).all():
        raise Invalid("outside [0, 1]")
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    if len(sub) != len(ans):
        raise ValueError("inconsistent numbers of samples")
    y = ans["is_iceberg"].to_numpy().astype(np.float64)
    if len(np.unique(y)) != 2:
        raise ValueError("y_true contains only one label")
    p = sub["is_iceberg"].to_numpy().astype(np.float64)
    return log_loss_rows(np.column_stack([1 - y, y]), np.column_stack([1 - p, p]), MACHINE_EPS)


RSNA_TARGETS = ["patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7"]


def rsna_wide(df):
    parts = df["row_id"].str.split("_", n=1, expand=True)
    wide = pd.DataFrame({"uid": parts[0], "target": parts[1], "fractured": df["fractured"].astype(float)})
    wide = wide.pivot(index="uid", columns="target", values="fractured")
    return wide.sort_index()[RSNA_TARGETS].to_numpy()


def rsna_2022(sub, ans):
    need(sub, "row_id")
    need(sub, "fractured")
    if not sub["fractured"].between(0, 1).all():
        raise Invalid("outside [0, 1]")
    sub, ans = sorted_pair(sub, ans, "row_id")
    y = rsna_wide(ans)
    p = np.clip(rsna_wide(sub), 1e-15, 1 - 1e-15)
    base = np.array([7.0] + [1.0] * 7)
    w = np.where(y == 1, 2 * base, base)
    losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    return float(np.mean((losses * w).sum(axis=1) / w.sum(axis=1)))


# --- KL divergence ---------------------------------------------------------------------------------

HMS = ["seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote"]


def check_probabilities(df):
    if not pd.api.types.is_numeric_dtype(df.values):
        raise Invalid("not numeric")
    if df.min().min() < 0 or df.max().max() > 1:
        raise Invalid("outside [0, 1]")
    if not np.allclose(df.sum(axis=1), 1):
        raise Invalid("rows do not sum to 1")


def hms(sub, ans):
    need(sub, "eeg_id")
    need(sub, *HMS)
    if len(sub) != len(ans):
        raise Invalid("row count")
    for total in sub[HMS].sum(axis=1):
        if round(float(total), 5) != 1:
            raise Invalid("rows do not sum to 1 at 5 decimals")
    if set(sub["eeg_id"]) != set(ans["eeg_id"]):
        raise Invalid("eeg_id sets differ")
    sub = sub.sort_values("eeg_id").reset_index(drop=True)
    ans = ans.sort_values("eeg_id").reset_index(drop=True)
    solution = ans[HMS].astype(float)
    solution = solution.div(solution.sum(axis=1), axis=0)
    rest = sub.drop(columns=["eeg_id"])
    check_probabilities(solution)
    check_probabilities(rest)
    rows = np.zeros(len(solution))
    for c in HMS:
        y = solution[c].to_numpy()
        p = np.clip(rest[c].to_numpy().astype(float), 1e-15, 1 - 1e-15)
        with np.errstate(divide="ignore", invalid="ignore"):
            term = np.where(y != 0, y * np.log(y / p), 0.0)
        rows += np.nan_to_num(term, nan=0.0)
    return float(rows.mean())


GRADERS = {
    "cassava-leaf-disease-classification": accuracy_helper("image_id", "label"),
    "cdiscount-image-classification-challenge": accuracy_helper("_id", "category_id"),
    "inaturalist-2019-fgvc6": inaturalist,
    "iwildcam-2020-fgvc7": accuracy_helper("Id", "Category"),
    "ml2021spring-hw2": accuracy_helper("Id", "ClassId"),
    "movie-review-sentiment-analysis-kernels-only": accuracy_helper("PhraseId", "Sentiment"),
    "paddy-disease-classification": paddy,
    "spaceship-titanic": accuracy_helper("PassengerId", "Transported"),
    "tensorflow-speech-recognition-challenge": accuracy_helper("fname", "label"),
    "alaska2-image-steganalysis": alaska2,
    "invasive-species-monitoring": binary_auroc("name", "invasive"),
    "playground-series-s3e18": playground_s3e18,
    "rsna-miccai-brain-tumor-radiogenomic-classification": binary_auroc("BraTS21ID", "MGMT_value"),
    "seti-breakthrough-listen": binary_auroc("id", "target"),
    "lmsys-chatbot-arena": lmsys,
    "statoil-iceberg-classifier-challenge": statoil,
    "rsna-2022-cervical-spine-fracture-detection": rsna_2022,
    "hms-harmful-brain-activity-classification": hms,
}
ANSWER_READERS = {}
