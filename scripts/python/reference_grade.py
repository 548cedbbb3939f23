#!/usr/bin/env python3
"""Independent re-implementation of MLE-bench's grade functions for the 22 Lite competitions.

Written from shared/mlebench/lite-grading.md (not from bench's TypeScript), so that the parity test
compares two implementations of the same rules. The reference runs scikit-learn 1.5.1 and pandas 2.2.2;
Debian's python3 has older versions that differ where it matters, so those parts are written with numpy:
  - log loss: 1.5.1 clips to [eps, 1 - eps] and does NOT renormalise rows (1.2 renormalises);
  - RMSLE: 1.5.1 rejects any negative value (older versions accept them);
  - pandas >= 2 reads the text 'None' as NaN (1.5 needs it in na_values);
  - pandas >= 2 sums object columns instead of silently dropping them (numeric_only=False).
roc_auc_score, cohen_kappa_score and accuracy_score behave the same in both versions and are called.

Usage:
  reference_grade.py COMPETITION ANSWERS.csv SUBMISSION.csv   -> {"score": float|null, "error": str|null}
  reference_grade.py --batch < jobs.json                        -> a JSON list, one object per job
where jobs.json is a list of {"competition", "answers", "submission"}. A NaN score (possible for a
degenerate kappa) is printed as {"score": null, "error": null, "nan": true}: the reference counts it valid.
"""

import json
import math
import sys
import warnings

import numpy as np
import pandas as pd
from scipy.special import xlogy
from sklearn.metrics import accuracy_score, cohen_kappa_score, roc_auc_score

EPS = float(np.finfo(np.float64).eps)


class InvalidSubmission(Exception):
    pass


def read_csv(path):
    return pd.read_csv(path, float_precision="round_trip", na_values=["None"])


# ---------------------------------------------------------------------------------------------------
# scikit-learn 1.5.1 pieces, in numpy
# ---------------------------------------------------------------------------------------------------


def as_float(values):
    """check_array(dtype='numeric'): object arrays are cast to float64 (non-numbers raise)."""
    return np.asarray(values).astype(np.float64)


def assert_finite(arr):
    if not np.isfinite(arr).all():
        raise ValueError("Input contains NaN or infinity.")


def check_pair(y_true, y_pred):
    a, b = as_float(y_true), as_float(y_pred)
    if a.shape[0] != b.shape[0]:
        raise ValueError("Found input variables with inconsistent numbers of samples")
    if a.shape[0] == 0:
        raise ValueError("Found array with 0 sample(s)")
    assert_finite(a)
    assert_finite(b)
    return a, b


def rmse(y_true, y_pred):
    a, b = check_pair(y_true, y_pred)
    return np.sqrt(np.average((a - b) ** 2))


def rmsle(y_true, y_pred):
    a, b = check_pair(y_true, y_pred)
    if (a < 0).any() or (b < 0).any():
        raise ValueError("Root Mean Squared Logarithmic Error cannot be used when targets contain negative values.")
    return rmse(np.log1p(a), np.log1p(b))


def log_loss_one_hot(y_true, y_pred):
    """log_loss with a one-hot y_true matrix: clip, no renormalisation, mean of -sum(y * ln p)."""
    y, p = as_float(y_true), as_float(y_pred)
    if y.shape[0] != p.shape[0]:
        raise ValueError("inconsistent numbers of samples")
    assert_finite(p)
    if y.shape[1] != p.shape[1]:
        raise ValueError("y_true and y_pred contain different number of classes")
    p = np.clip(p, EPS, 1 - EPS)
    return np.average(-xlogy(y, p).sum(axis=1))


def log_loss_binary(y_true, p_positive):
    y, p = np.asarray(y_true), as_float(p_positive)
    if y.shape[0] != p.shape[0]:
        raise ValueError("inconsistent numbers of samples")
    assert_finite(p)
    classes = np.unique(y)
    if len(classes) != 2:
        raise ValueError("y_true must hold exactly two labels")
    t = (y == classes[1]).astype(np.float64)  # LabelBinarizer: the larger label is positive
    p = np.clip(p, EPS, 1 - EPS)
    truth = np.column_stack([1 - t, t])
    pred = np.column_stack([1 - p, p])
    return np.average(-xlogy(truth, pred).sum(axis=1))


def rows_sum_to_one(probs):
    sums = probs.sum(axis=1, numeric_only=False)
    return bool(np.isclose(sums, 1, atol=1e-6).all())


def any_outside_unit(probs):
    return bool(((probs < 0) | (probs > 1)).any().any())


# ---------------------------------------------------------------------------------------------------
# shared helpers of the reference (section 2 of lite-grading.md)
# ---------------------------------------------------------------------------------------------------


def binary_auroc(sub, ans, id_col, target_col):
    if id_col not in sub.columns:
        raise InvalidSubmission(f"missing {id_col}")
    if target_col not in sub.columns:
        raise InvalidSubmission(f"missing {target_col}")
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    try:
        pd.to_numeric(sub[target_col])
    except ValueError as e:
        raise InvalidSubmission("not numeric") from e
    if sub[target_col].min() < 0 or sub[target_col].max() > 1:
        raise InvalidSubmission("outside [0, 1]")
    sub = sub.sort_values(id_col)
    ans = ans.sort_values(id_col)
    if (sub[id_col].values != ans[id_col].values).any():
        raise InvalidSubmission("ids differ")
    return roc_auc_score(ans[target_col].to_numpy(), sub[target_col].to_numpy())


def one_hot_log_loss(sub, ans, id_col):
    missing = [c for c in ans.columns if c not in sub.columns]
    if missing:
        raise InvalidSubmission(f"missing {missing}")
    sub = sub[list(ans.columns)].sort_values(id_col)
    ans = ans.sort_values(id_col)
    if len(sub) != len(ans) or not (sub[id_col].values == ans[id_col].values).all():
        raise AssertionError("ids differ")
    classes = [c for c in ans.columns if c != id_col]
    return log_loss_one_hot(ans[classes].to_numpy(), sub[classes].to_numpy())


def sorted_for_accuracy(sub, ans, id_col, target_col):
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    if target_col not in sub.columns:
        raise InvalidSubmission(f"missing {target_col}")
    if id_col not in sub.columns:
        raise InvalidSubmission(f"missing {id_col}")
    sub = sub.sort_values(id_col)
    ans = ans.sort_values(id_col)
    if (sub[id_col].values != ans[id_col].values).any():
        raise InvalidSubmission("ids differ")
    return sub, ans


# ---------------------------------------------------------------------------------------------------
# one function per competition (section 5)
# ---------------------------------------------------------------------------------------------------


def auroc_grader(id_col, target_col):
    return lambda sub, ans: binary_auroc(sub, ans, id_col, target_col)


def aptos(sub, ans):
    if "diagnosis" not in sub.columns:
        raise InvalidSubmission("missing diagnosis")
    if len(sub) == 0:
        raise InvalidSubmission("empty")
    if set(sub["id_code"]) != set(ans["id_code"]):
        raise InvalidSubmission("id sets differ")
    sub = sub.sort_values("id_code")
    ans = ans.sort_values("id_code")
    return cohen_kappa_score(sub["diagnosis"].values, ans["diagnosis"].values, weights="quadratic")


def denoising(sub, ans):
    for c in ("id", "value"):
        if c not in sub.columns:
            raise InvalidSubmission(f"missing {c}")
    sub = sub.assign(value=sub["value"].astype(float))
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    if (sub["id"].values != ans["id"].values).any():
        raise InvalidSubmission("ids differ")
    return rmse(sub["value"], ans["value"])


def dog_breed(sub, ans):
    classes = [c for c in ans.columns if c != "id"]
    if any(c not in sub.columns for c in ["id"] + classes):
        raise InvalidSubmission("missing columns")
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    if not rows_sum_to_one(sub[classes]):
        raise InvalidSubmission("rows do not sum to one")
    if any_outside_unit(sub[classes]):
        raise InvalidSubmission("outside [0, 1]")
    return one_hot_log_loss(sub, ans, "id")


def dogs_vs_cats(sub, ans):
    for c in ("id", "label"):
        if c not in sub.columns:
            raise InvalidSubmission(f"missing {c}")
    if set(sub["id"]) != set(ans["id"]):
        raise InvalidSubmission("id sets differ")
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    if not all(0 <= x <= 1 for x in sub["label"]):
        raise InvalidSubmission("outside [0, 1]")
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    return log_loss_binary(ans["label"].to_numpy(), sub["label"].to_numpy())


def jigsaw(sub, ans):
    classes = [c for c in ans.columns if c != "id"]
    missing = [c for c in ["id"] + classes if c not in sub.columns]
    if missing:
        raise InvalidSubmission(f"missing {missing}")
    if len(sub) != len(ans):
        raise AssertionError("row count")
    sub = sub.set_index("id").sort_index()
    ans = ans.set_index("id").sort_index()
    keep = ans.sum(axis=1) >= 0
    ans = ans[keep]
    sub = sub[keep]  # aligned by id label: unknown ids raise IndexingError
    if len(sub) != len(ans):
        raise AssertionError("row count after masking")
    # every non-id submission column, in file order, against the answers' columns in theirs
    return roc_auc_score(ans.values, sub.values, average="macro")


def leaf(sub, ans):
    if set(sub.columns) != set(ans.columns):
        raise InvalidSubmission("column set")
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    classes = [c for c in ans.columns if c != "id"]
    if not rows_sum_to_one(sub[classes]):
        raise InvalidSubmission("rows do not sum to one")
    if any_outside_unit(sub[classes]):
        raise InvalidSubmission("outside [0, 1]")
    return one_hot_log_loss(sub, ans, "id")


def nyc_taxi(sub, ans):
    for c in ("fare_amount", "key"):
        if c not in sub.columns:
            raise InvalidSubmission(f"missing {c}")
    sub = sub.sort_values("key")
    ans = ans.sort_values("key")
    return rmse(ans["fare_amount"], sub["fare_amount"])


def nomad(sub, ans):
    targets = ["formation_energy_ev_natom", "bandgap_energy_ev"]
    for c in targets:
        if c not in sub.columns:
            raise InvalidSubmission(f"missing {c}")
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    return (rmsle(ans[targets[0]], sub[targets[0]]) + rmsle(ans[targets[1]], sub[targets[1]])) / 2


def plant_pathology(sub, ans):
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    if set(sub.columns) != set(ans.columns):
        raise InvalidSubmission("column set")
    sub = sub.sort_values("image_id")
    ans = ans.sort_values("image_id")
    if (sub["image_id"].values != ans["image_id"].values).any():
        raise InvalidSubmission("ids differ")
    classes = [c for c in ans.columns if c != "image_id"]
    return np.mean([roc_auc_score(ans[c], sub[c]) for c in classes])


RANZCR_CLASSES = [
    "ETT - Abnormal",
    "ETT - Borderline",
    "ETT - Normal",
    "NGT - Abnormal",
    "NGT - Borderline",
    "NGT - Incompletely Imaged",
    "NGT - Normal",
    "CVC - Abnormal",
    "CVC - Borderline",
]


def ranzcr(sub, ans):
    for c in RANZCR_CLASSES:
        if c not in sub.columns:
            raise InvalidSubmission(f"missing {c}")
    if len(sub) != len(ans):
        raise AssertionError("row count")
    return np.average([binary_auroc(sub, ans, "StudyInstanceUID", c) for c in RANZCR_CLASSES])


def spooky(sub, ans):
    if sub.shape != (len(ans), 4):
        raise InvalidSubmission("shape")
    probs = sub.iloc[:, 1:]  # by position: the id column must come first
    if not rows_sum_to_one(probs):
        raise InvalidSubmission("rows do not sum to one")
    if any_outside_unit(probs):
        raise InvalidSubmission("outside [0, 1]")
    return one_hot_log_loss(sub, ans, "id")


def tabular_dec(sub, ans):
    sub, ans = sorted_for_accuracy(sub, ans, "Id", "Cover_Type")
    return accuracy_score(ans["Cover_Type"].to_numpy(), sub["Cover_Type"].to_numpy())


def text_normalization(sub, ans):
    sub, ans = sorted_for_accuracy(sub, ans, "id", "after")
    return accuracy_score(ans["after"].astype(str).to_numpy(), sub["after"].astype(str).to_numpy())


GRADERS = {
    "aerial-cactus-identification": auroc_grader("id", "has_cactus"),
    "aptos2019-blindness-detection": aptos,
    "denoising-dirty-documents": denoising,
    "detecting-insults-in-social-commentary": auroc_grader("Comment", "Insult"),
    "dog-breed-identification": dog_breed,
    "dogs-vs-cats-redux-kernels-edition": dogs_vs_cats,
    "histopathologic-cancer-detection": auroc_grader("id", "label"),
    "jigsaw-toxic-comment-classification-challenge": jigsaw,
    "leaf-classification": leaf,
    "mlsp-2013-birds": auroc_grader("Id", "Probability"),
    "new-york-city-taxi-fare-prediction": nyc_taxi,
    "nomad2018-predict-transparent-conductors": nomad,
    "plant-pathology-2020-fgvc7": plant_pathology,
    "random-acts-of-pizza": auroc_grader("request_id", "requester_received_pizza"),
    "ranzcr-clip-catheter-line-classification": ranzcr,
    "siim-isic-melanoma-classification": auroc_grader("image_name", "target"),
    "spooky-author-identification": spooky,
    "tabular-playground-series-dec-2021": tabular_dec,
    "tabular-playground-series-may-2022": auroc_grader("id", "target"),
    "text-normalization-challenge-english-language": text_normalization,
    "text-normalization-challenge-russian-language": text_normalization,
    "the-icml-2013-whale-challenge-right-whale-redux": auroc_grader("clip", "probability"),
}


# bench's bundled demo competitions, graded like the Lite ones they imitate (for the speed suite).
def rmse_by_id(id_col, target_col):
    def grade(sub, ans):
        for c in (id_col, target_col):
            if c not in sub.columns:
                raise InvalidSubmission(f"missing {c}")
        sub = sub.assign(**{target_col: sub[target_col].astype(float)})
        if len(sub) != len(ans):
            raise InvalidSubmission("row count")
        sub = sub.sort_values(id_col)
        ans = ans.sort_values(id_col)
        if (sub[id_col].values != ans[id_col].values).any():
            raise InvalidSubmission("ids differ")
        return rmse(sub[target_col], ans[target_col])

    return grade


GRADERS.update({
    "demo-binary-auc": auroc_grader("customer_id", "churned"),
    "demo-multiclass-logloss": dog_breed,
    "demo-regression-rmse": rmse_by_id("id", "monthly_rent"),
})


# The other 60 competitions (shared/mlebench/full-grading/), one module per family beside this file. Each
# module defines GRADERS (competition -> grade(submission, answers)) and may define ANSWER_READERS
# (competition -> read(path) -> DataFrame) for answers that are not a plain CSV (JSON Lines, say).
ANSWER_READERS = {}
for _family in ("reference_geometry", "reference_sets_and_text", "reference_classification",
                "reference_regression_and_ranking"):
    _module = __import__(_family)
    GRADERS.update(_module.GRADERS)
    ANSWER_READERS.update(getattr(_module, "ANSWER_READERS", {}))


def grade(competition, answers_path, submission_path):
    """grade_csv: any exception inside grade() means 'invalid' (score None)."""
    if competition not in GRADERS:
        return {"score": None, "error": f"unknown competition {competition}"}
    if not submission_path.lower().endswith(".csv"):
        return {"score": None, "error": "submission is not a .csv file"}
    try:
        answers = ANSWER_READERS.get(competition, read_csv)(answers_path)
        try:
            submission = read_csv(submission_path)
        except pd.errors.EmptyDataError:
            submission = pd.DataFrame()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            score = GRADERS[competition](submission, answers)
    except Exception as e:  # noqa: BLE001 - the reference catches everything
        return {"score": None, "error": f"{type(e).__name__}: {e}"}
    score = float(score)
    if math.isnan(score):
        return {"score": None, "error": None, "nan": True}
    if math.isinf(score):  # a valid infinite score (log of a zero error): JSON has no Infinity
        return {"score": None, "error": None, "inf": 1 if score > 0 else -1}
    # numpy rounding (half to even on value * 1e5), as the reference's round(np.float64, 5)
    return {"score": float(np.round(np.float64(score), 5)), "error": None}


def main(argv):
    if len(argv) == 2 and argv[1] == "--batch":
        jobs = json.load(sys.stdin)
        print(json.dumps([grade(j["competition"], j["answers"], j["submission"]) for j in jobs]))
        return 0
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(grade(argv[1], argv[2], argv[3])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
