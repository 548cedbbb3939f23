"""Independent re-implementation of MLE-bench's grade functions, family g4-regression-and-ranking (written from
shared/mlebench/full-grading/g4-regression-and-ranking.md, not from bench's TypeScript). Loaded by reference_grade.py.

GRADERS maps a competition id to grade(submission: DataFrame, answers: DataFrame) -> float; any exception
means the submission is invalid. ANSWER_READERS (optional) maps a competition id to read(path) -> DataFrame
for answers that are not a plain CSV.

Debian's scipy (1.10) and scikit-learn (1.2) are older than the reference's (scipy 1.14.1, scikit-learn 1.5.1):
Pearson (1.10 raises on NaN where 1.14.1 returns NaN) and Spearman are written out with numpy; MCC,
kappa, MAE/RMSE and roc_auc_score behave alike in both and are the library's own, or plain numpy.
"""

import bisect

import numpy as np
import pandas as pd
from scipy.stats import rankdata
from sklearn.metrics import (
    cohen_kappa_score,
    label_ranking_average_precision_score,
    matthews_corrcoef,
    roc_auc_score,
)


class InvalidSubmission(Exception):
    pass


# ---------------------------------------------------------------------------------------------------
# shared blocks
# ---------------------------------------------------------------------------------------------------


def finite_floats(values):
    """check_array: object columns converted value by value with float(); NaN/inf raise."""
    arr = np.array([float(v) for v in values], dtype=np.float64) if values.dtype == object else values.astype(np.float64)
    if not np.isfinite(arr).all():
        raise ValueError("Input contains NaN or infinity.")
    return arr


def mae(y_true, y_pred):
    a, b = finite_floats(np.asarray(y_true)), finite_floats(np.asarray(y_pred))
    if len(a) != len(b) or len(a) == 0:
        raise ValueError("inconsistent or empty")
    return np.average(np.abs(b - a))


def rmse(y_true, y_pred):
    a, b = finite_floats(np.asarray(y_true)), finite_floats(np.asarray(y_pred))
    if len(a) != len(b) or len(a) == 0:
        raise ValueError("inconsistent or empty")
    return np.sqrt(np.average((a - b) ** 2))


def sorted_match(sub, ans, id_col):
    """sorted_id_elementwise_match: sort both by id, elementwise comparison (lengths must agree)."""
    sub = sub.sort_values(id_col)
    ans = ans.sort_values(id_col)
    s, a = sub[id_col].values, ans[id_col].values
    if len(s) != len(a) and len(s) != 1:
        raise ValueError("operands could not be broadcast together")
    if (s != a).any():
        raise InvalidSubmission("ids differ")
    return sub, ans


def set_then_merge(sub, ans, id_col, target):
    if target not in sub.columns:
        raise InvalidSubmission(f"missing {target}")
    if id_col not in sub.columns:
        raise InvalidSubmission(f"missing {id_col}")
    if set(sub[id_col]) != set(ans[id_col]):
        raise InvalidSubmission("id sets differ")
    sub = sub[[id_col, target]].rename(columns={target: "__pred"})
    return ans.merge(sub, on=id_col)


def average_ranks(values):
    return rankdata(np.asarray(values, dtype=object) if values.dtype == object else values, method="average")


def pearson_1d(x, y):
    x = np.asarray(x)
    y = np.asarray(y)
    if x.dtype == object or y.dtype == object:
        x = x.astype(np.float64)  # text raises
        y = y.astype(np.float64)
    x = x.astype(np.float64)
    y = y.astype(np.float64)
    if len(x) < 2 or len(x) != len(y):
        raise ValueError("length")
    if np.isnan(x).any() or np.isnan(y).any():
        return float("nan")
    if (x == x[0]).all() or (y == y[0]).all():
        return float("nan")
    xm = x - x.mean()
    ym = y - y.mean()
    with np.errstate(all="ignore"):
        r = np.dot(xm, ym) / (np.linalg.norm(xm) * np.linalg.norm(ym))
    return float(np.clip(r, -1.0, 1.0))


def spearman_1d(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    if len(a) < 2:
        return float("nan")
    if (a == a[0]).all() or (b == b[0]).all():
        return float("nan")
    for v in (a, b):
        if v.dtype != object and np.isnan(v.astype(np.float64)).any():
            return float("nan")
        if v.dtype == object and any(isinstance(x, float) and np.isnan(x) for x in v):
            return float("nan")
    ra = rankdata(a, method="average")
    rb = rankdata(b, method="average")
    return float(np.corrcoef(ra, rb)[0, 1])


def check_labels(values):
    """scikit-learn's label checks: NaN, continuous and text mixed with numbers raise."""
    v = np.asarray(values)
    if v.dtype == object:
        kinds = {type(x) for x in v}
        if any(isinstance(x, str) for x in v):
            raise ValueError("Mix of label input types")
        v = v.astype(np.float64)
    if v.dtype == bool:
        v = v.astype(np.int64)
    f = v.astype(np.float64)
    if np.isnan(f).any():
        raise ValueError("Input contains NaN")
    if (f != np.floor(f)).any():
        raise ValueError("continuous")
    return f


# ---------------------------------------------------------------------------------------------------
# competitions
# ---------------------------------------------------------------------------------------------------


def ai4code(sub, ans):
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    for c in ("id", "cell_order"):
        if c not in sub.columns:
            raise InvalidSubmission(f"missing {c}")
    if set(sub["id"]) != set(ans["id"]):
        raise InvalidSubmission("ids")
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    truths = [str(x).split() for x in ans["cell_order"].astype(str)]
    preds = [str(x).split() for x in sub["cell_order"].astype(str)]
    inversions = 0
    pairs = 0
    for a, s in zip(truths, preds):
        if len(a) != len(s):
            raise InvalidSubmission("length")
        ranks = [s.index(x) for x in a]
        n = len(ranks)
        seen = []
        for i, u in enumerate(ranks):  # inversions: earlier ranks greater than u
            j = bisect.bisect(seen, u)
            inversions += i - j
            seen.insert(j, u)
        pairs += n * (n - 1)
    return 1 - 4 * inversions / pairs


def champs(sub, ans):
    merged = set_then_merge(sub, ans, "id", "scalar_coupling_constant")
    logs = []
    for _, group in merged.groupby("type"):
        logs.append(np.log(mae(group["scalar_coupling_constant"].values, group["__pred"].values)))
    return np.mean(logs)


def freesound(sub, ans):
    if len(sub) != len(ans):
        raise InvalidSubmission("row count")
    classes = list(ans.columns[1:])
    if list(sub.columns[:1]) != ["fname"]:
        raise InvalidSubmission("fname first")
    if list(sub.columns[1:]) != classes:
        raise InvalidSubmission("class columns")
    sub, ans = sorted_match(sub, ans, "fname")
    scores = np.column_stack([pd.to_numeric(sub[c]).values for c in classes]).astype(np.float64)
    if not np.isfinite(scores).all():
        raise ValueError("NaN or inf")
    truth = ans[classes].values > 0
    weights = truth.sum(axis=1)
    return label_ranking_average_precision_score(truth, scores, sample_weight=weights)


def google_quest(sub, ans):
    if "qa_id" not in sub.columns:
        raise InvalidSubmission("qa_id")
    classes = [c for c in ans.columns if c != "qa_id"]
    for c in classes:
        if c not in sub.columns:
            raise InvalidSubmission(f"missing {c}")
    if len(sub.columns) != len(ans.columns):
        raise InvalidSubmission("columns")
    if len(sub) != len(ans):
        raise InvalidSubmission("rows")
    sub = sub.sort_values("qa_id")
    ans = ans.sort_values("qa_id")
    return np.mean([spearman_1d(sub[c].values, ans[c].values) for c in classes])


def auc_of(truth, pred):
    return roc_auc_score(truth, pred)


def jigsaw_bias(sub, ans):
    if "id" not in sub.columns:
        raise InvalidSubmission("id")
    if "prediction" not in sub.columns and "toxicity" not in sub.columns:
        raise InvalidSubmission("prediction")
    sub, ans = sorted_match(sub, ans, "id")
    if "prediction" in sub.columns and "toxicity" in sub.columns:
        raise InvalidSubmission("two toxicity columns")
    col = "prediction" if "prediction" in sub.columns else "toxicity"
    pv = sub[col].values
    if pv.dtype == object and any(isinstance(x, str) for x in pv):
        raise TypeError("'>=' not supported")
    pred = (pv.astype(np.float64) >= 0.5).astype(int)
    with np.errstate(invalid="ignore"):
        truth = (ans["toxicity"].values.astype(np.float64) >= 0.5).astype(int)
    groups = ["male", "female", "homosexual_gay_or_lesbian", "christian", "jewish", "muslim", "black", "white",
              "psychiatric_or_mental_illness"]
    overall = auc_of(truth, pred)
    fams = {"sub": [], "bpsn": [], "bnsp": []}
    for g in groups:
        with np.errstate(invalid="ignore"):
            member = ans[g].values.astype(np.float64) >= 0.5
        fams["sub"].append(auc_of(truth[member], pred[member]))
        m = (member & (truth == 0)) | (~member & (truth == 1))
        fams["bpsn"].append(auc_of(truth[m], pred[m]))
        m = (member & (truth == 1)) | (~member & (truth == 0))
        fams["bnsp"].append(auc_of(truth[m], pred[m]))

    def power_mean(v):
        with np.errstate(divide="ignore"):
            return np.mean(np.power(np.array(v, dtype=np.float64), -5.0)) ** (-1 / 5)

    return 0.25 * overall + sum(0.25 * power_mean(v) for v in fams.values())


def essay_scoring(sub, ans):
    if "score" not in sub.columns:
        raise InvalidSubmission("score")
    if "essay_id" not in sub.columns:
        raise InvalidSubmission("essay_id")
    if len(sub) == 0:
        raise InvalidSubmission("empty")
    sub, ans = sorted_match(sub, ans, "essay_id")
    y_pred = check_labels(sub["score"].values)
    y_true = check_labels(ans["score"].values)
    return cohen_kappa_score(y_pred, y_true, weights="quadratic")


def nfl(sub, ans):
    for c in ("contact_id", "contact"):
        if c not in sub.columns:
            raise InvalidSubmission(c)
    if set(sub["contact_id"]) != set(ans["contact_id"]):
        raise InvalidSubmission("ids")
    if len(sub) != len(ans):
        raise InvalidSubmission("rows")
    sub = sub.sort_values("contact_id")
    ans = ans.sort_values("contact_id")
    return matthews_corrcoef(check_labels(ans["contact"].values), check_labels(sub["contact"].values))


def petfinder(sub, ans):
    if "Id" not in sub.columns:
        raise InvalidSubmission("Id")
    if "Pawpularity" not in sub.columns:
        raise InvalidSubmission("Pawpularity")
    if not sub["Pawpularity"].between(1, 100).all():
        raise InvalidSubmission("range")
    sub, ans = sorted_match(sub, ans, "Id")
    return rmse(ans["Pawpularity"].values, sub["Pawpularity"].values)


def volcanic(sub, ans):
    merged = set_then_merge(sub, ans, "segment_id", "time_to_eruption")
    return int(round(mae(merged["time_to_eruption"].values, merged["__pred"].values)))


def stanford(sub, ans):
    if len(sub) != len(ans):
        raise InvalidSubmission("rows")
    scored = ["reactivity", "deg_Mg_pH10", "deg_Mg_50C"]
    for c in ["id_seqpos"] + scored + ["deg_pH10", "deg_50C"]:
        if c not in sub.columns:
            raise InvalidSubmission(c)
    keep = ans["keep"].values.astype(bool)  # by file position
    sub = sub.assign(__keep=keep)
    sub_sorted = sub.sort_values("id_seqpos")
    ans_sorted = ans.sort_values("id_seqpos")
    if (sub_sorted["id_seqpos"].values != ans_sorted["id_seqpos"].values).any():
        raise InvalidSubmission("ids")
    s = sub_sorted[sub_sorted["__keep"]]
    a = ans_sorted[ans_sorted["keep"].astype(bool)]
    return np.mean([rmse(a[c].values, s[c].values) for c in scored])


def us_patent(sub, ans):
    if len(sub) != len(ans):
        raise InvalidSubmission("rows")
    for c in ("id", "score"):
        if c not in sub.columns:
            raise InvalidSubmission(c)
    sub, ans = sorted_match(sub, ans, "id")
    return pearson_1d(ans["score"].values, sub["score"].values)


def ventilator(sub, ans):
    for c in ("id", "pressure"):
        if c not in sub.columns:
            raise InvalidSubmission(c)
    if len(sub) != len(ans):
        raise InvalidSubmission("rows")
    sub, ans = sorted_match(sub, ans, "id")
    inspiratory = ans[ans["u_out"] == 0]
    picked = sub.set_index("id").loc[inspiratory["id"].values]
    return mae(inspiratory["pressure"].values, picked["pressure"].values)


GRADERS = {
    "AI4Code": ai4code,
    "champs-scalar-coupling": champs,
    "freesound-audio-tagging-2019": freesound,
    "google-quest-challenge": google_quest,
    "jigsaw-unintended-bias-in-toxicity-classification": jigsaw_bias,
    "learning-agency-lab-automated-essay-scoring-2": essay_scoring,
    "nfl-player-contact-detection": nfl,
    "petfinder-pawpularity-score": petfinder,
    "predict-volcanic-eruptions-ingv-oe": volcanic,
    "stanford-covid-vaccine": stanford,
    "us-patent-phrase-to-phrase-matching": us_patent,
    "ventilator-pressure-prediction": ventilator,
}
ANSWER_READERS = {}
