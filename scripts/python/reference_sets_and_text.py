"""Independent re-implementation of MLE-bench's grade functions, family g2-sets-and-text (written from
shared/mlebench/full-grading/g2-sets-and-text.md, not from bench's TypeScript). Loaded by reference_grade.py.

GRADERS maps a competition id to grade(submission: DataFrame, answers: DataFrame) -> float; any exception
means the submission is invalid. ANSWER_READERS (optional) maps a competition id to read(path) -> DataFrame
for answers that are not a plain CSV.

Debian's python3 lacks the levenshtein / rapidfuzz packages: the distance is the textbook dynamic programme
over Python sequences (code points for str, items for lists), which is what they compute.
"""

import json

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.preprocessing import MultiLabelBinarizer


class InvalidSubmission(Exception):
    pass


def require(cond, why):
    if not cond:
        raise InvalidSubmission(why)


def id_sort_match(sub, ans, id_col):
    sub = sub.sort_values(id_col).reset_index(drop=True)
    ans = ans.sort_values(id_col).reset_index(drop=True)
    if (sub[id_col].values != ans[id_col].values).any():
        raise InvalidSubmission("ids differ")
    return sub, ans


def levenshtein(a, b):
    if not isinstance(a, (str, list)) or not isinstance(b, (str, list)):
        raise TypeError("levenshtein needs sequences")
    # a common prefix or suffix never needs an edit: trimming it keeps the distance, and saves time
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y))
        prev = cur
    return prev[-1]


def apk(actual, predicted, k):
    predicted = predicted[:k]
    score = 0.0
    hits = 0.0
    for i, p in enumerate(predicted):
        if p in actual and p not in predicted[:i]:
            hits += 1.0
            score += hits / (i + 1.0)
    if not actual:
        return 0.0
    return score / min(len(actual), k)


def mapk(actual, predicted, k):
    return np.mean([apk(a, p, k) for a, p in zip(actual, predicted)])


def check_labels(*arrays):
    """scikit-learn 1.5.1's label checks for f1_score (Debian's 1.2 is laxer): all strings or all numbers
    across both arrays, and no NaN."""
    values = [v for a in arrays for v in a]
    if all(isinstance(v, str) for v in values):
        return
    if any(isinstance(v, str) for v in values):
        raise ValueError("Mix of label input types (string and number)")
    if any(isinstance(v, float) and v != v for v in values):
        raise ValueError("Input contains NaN")


def multilabel_micro_f1(true_lists, pred_lists, classes):
    mlb = MultiLabelBinarizer(classes=sorted(classes), sparse_output=True)  # dense would need GBs at full size
    y_true = mlb.fit_transform(true_lists)
    y_pred = mlb.transform(pred_lists)
    return f1_score(y_true, y_pred, average="micro")


# ----------------------------------------------------------------------------------------------------------


def facebook(sub, ans):
    require("Id" in sub.columns, "Id missing")
    require("Tags" in sub.columns, "Tags missing")
    require(len(sub) == len(ans), "row count")
    sub, ans = id_sort_match(sub.reset_index(drop=True), ans.reset_index(drop=True), "Id")
    classes = set()
    true_lists = []
    for t in ans["Tags"]:
        if isinstance(t, str):
            tokens = t.split()
            classes.update(tokens)
            true_lists.append(tokens)
        else:
            true_lists.append([])
    pred_lists = sub["Tags"].fillna("").str.split().tolist()
    return multilabel_micro_f1(true_lists, pred_lists, classes)


def herbarium_like(id_col, target, check_row_count_first=True):
    def grade(sub, ans):
        require(len(sub) == len(ans), "row count")
        require(id_col in sub.columns and target in sub.columns, "column missing")
        sub, ans = id_sort_match(sub, ans, id_col)
        y_true = [int(v) for v in ans[target]]
        y_pred = [int(v) for v in sub[target]]
        return f1_score(y_true, y_pred, average="macro")

    return grade


def imet(sub, ans):
    require("id" in sub.columns, "id missing")
    require("attribute_ids" in sub.columns, "attribute_ids missing")
    require(len(sub) == len(ans), "row count")
    sub, ans = id_sort_match(sub.reset_index(drop=True), ans.reset_index(drop=True), "id")
    t = ans["attribute_ids"].fillna("").str.split()
    p = sub["attribute_ids"].fillna("").str.split()
    classes = set(t.explode().dropna())
    return multilabel_micro_f1(t.tolist(), p.tolist(), classes)


def plant_pathology_2021(sub, ans):
    require("image" in sub.columns, "image missing")
    require("labels" in sub.columns, "labels missing")
    require(len(sub) == len(ans), "row count")
    sub = sub.sort_values("image").reset_index(drop=True)
    ans = ans.sort_values("image").reset_index(drop=True)
    require((sub["image"] == ans["image"]).all(), "images differ")
    classes = set(ans["labels"].str.split().explode())
    t = ans["labels"].fillna("").str.split().tolist()
    p = sub["labels"].fillna("").str.split().tolist()
    return multilabel_micro_f1(t, p, classes)


def plant_seedlings(sub, ans):
    require("file" in sub.columns, "file missing")
    require("species" in sub.columns, "species missing")
    require(len(sub) == len(ans), "row count")
    sub, ans = id_sort_match(sub, ans, "file")
    y_true, y_pred = ans["species"].tolist(), sub["species"].tolist()
    check_labels(y_true, y_pred)
    return f1_score(y_true, y_pred, average="micro")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return pd.DataFrame({"record": records})


def tf2qa(sub, ans):
    records = ans["record"].tolist()
    require(len(sub) == 2 * len(records), "row count")
    sub = sub.fillna("").astype(str)
    require("example_id" in sub.columns and "PredictionString" in sub.columns, "column missing")
    expected = set()
    truth = {}
    for rec in records:
        eid = str(rec["example_id"])
        a = rec["annotations"][0]
        long_ok = [] if a["long_answer"]["start_token"] == -1 else [
            (a["long_answer"]["start_token"], a["long_answer"]["end_token"])]
        short_ok = [(s["start_token"], s["end_token"]) for s in a["short_answers"]]
        if a["yes_no_answer"] != "NONE":
            short_ok.append(a["yes_no_answer"])
        truth[eid + "_long"] = long_ok
        truth[eid + "_short"] = short_ok
        expected.update([eid + "_long", eid + "_short"])
    require(set(sub["example_id"]) == expected, "id set")
    require(sub["example_id"].is_unique, "ids not unique")
    y_true, y_pred = [], []
    for eid, raw in zip(sub["example_id"], sub["PredictionString"]):
        pred = raw.strip()
        if ":" in pred and len(pred.split(":")) == 2:
            a, b = pred.split(":")
            pred = (int(a), int(b))
        elif pred not in ("YES", "NO", ""):
            raise InvalidSubmission(f"bad prediction {pred!r}")
        valid = truth[eid]
        y_pred.append(1 if pred != "" else 0)
        y_true.append(1 if (pred != "" and pred in valid) or (pred == "" and len(valid) > 0) else 0)
    return f1_score(y_true, y_pred, average="micro")


def rsna(sub, ans):
    require("prediction_id" in sub.columns, "prediction_id missing")
    require("cancer" in sub.columns, "cancer missing")
    require(len(sub) == len(ans), "row count")
    sub, ans = id_sort_match(sub, ans, "prediction_id")
    labels = ans["cancer"].tolist()
    preds = sub["cancer"].values
    positives, ctp, cfp = 0, 0, 0
    for i in range(len(labels)):
        p = min(max(preds[i], 0), 1)
        if labels[i]:
            positives += 1
            ctp += p
        else:
            cfp += p
    precision = ctp / (ctp + cfp)
    recall = ctp / positives
    if precision > 0 and recall > 0:
        return 2 * (precision * recall) / (precision + recall)
    return 0


def h_and_m(sub, ans):
    require(set(sub.columns) == {"customer_id", "prediction"}, "column set")
    require(ans["customer_id"].isin(sub["customer_id"]).all(), "customer missing")
    sub = sub[sub["customer_id"].isin(ans["customer_id"])]
    sub = sub.sort_values("customer_id").reset_index(drop=True)
    ans = ans.sort_values("customer_id").reset_index(drop=True)
    actual = [set(x.split(" ")) for x in ans["prediction"].astype(str)]
    predicted = [x.split(" ") for x in sub["prediction"].astype(str)]
    return mapk(actual, predicted, 12)


def hotel_id(sub, ans):
    require("image" in sub.columns, "image missing")
    require("hotel_id" in sub.columns, "hotel_id missing")
    require(set(sub["image"]) == set(ans["image"]), "image set")
    require(len(sub) == len(ans), "row count")
    sub = sub.sort_values("image").reset_index(drop=True)
    ans = ans.sort_values("image").reset_index(drop=True)
    actual = [{str(v)} for v in ans["hotel_id"].astype(str)]
    predicted = [x.split(" ") for x in sub["hotel_id"].astype(str)]
    return mapk(actual, predicted, 5)


def whale(sub, ans):
    require(set(sub.columns) == {"Image", "Id"}, "column set")
    require(len(sub) == len(ans), "row count")
    require(set(sub["Image"]) == set(ans["Image"]), "image set")
    sub = sub.sort_values("Image").reset_index(drop=True)
    ans = ans.sort_values("Image").reset_index(drop=True)
    actual = [set(x.split(" ")) for x in ans["Id"]]
    predicted = [x.split(" ") for x in sub["Id"].astype(str)]
    return mapk(actual, predicted, 5)


def chaii(sub, ans):
    require(len(sub) == len(ans), "row count")
    require("PredictionString" in sub.columns, "PredictionString missing")
    require("id" in sub.columns, "id missing")
    sub, ans = id_sort_match(sub, ans, "id")
    p = [set(v.lower().split()) for v in sub["PredictionString"].fillna("")]
    t = [set(v.lower().split()) for v in ans["PredictionString"].fillna("")]
    # jaccard_score(average='samples', zero_division=0) on binarised word sets: 0 for two empty sets
    return np.mean([len(a & b) / len(a | b) if (a | b) else 0.0 for a, b in zip(t, p)])


def tweet(sub, ans):
    require("textID" in sub.columns, "textID missing")
    require("selected_text" in sub.columns, "selected_text missing")
    require(len(sub) == len(ans), "row count")
    sub, ans = id_sort_match(sub, ans, "textID")
    scores = []
    for p, t in zip(sub["selected_text"].fillna("").astype(str), ans["selected_text"].fillna("").astype(str)):
        a = set(p.lower().split())
        b = set(t.lower().split())
        c = a & b
        scores.append(float(len(c)) / (len(a) + len(b) - len(c)))
    return float(np.mean(scores))


def billion_word(sub, ans):
    require("id" in sub.columns, "id missing")
    require("sentence" in sub.columns, "sentence missing")
    require(len(sub) == len(ans), "row count")
    sub, ans = id_sort_match(sub.reset_index(drop=True), ans.reset_index(drop=True), "id")
    return np.mean([levenshtein(a, b) for a, b in zip(ans["sentence"], sub["sentence"])])


def bms(sub, ans):
    require(len(sub) == len(ans), "row count")
    require("image_id" in sub.columns, "image_id missing")
    require("InChI" in sub.columns, "InChI missing")
    sub, ans = id_sort_match(sub, ans, "image_id")
    return np.mean([levenshtein(a, b) for a, b in zip(ans["InChI"].astype(str), sub["InChI"].astype(str))])


def gestures(sub, ans):
    require(len(sub) == len(ans), "row count")
    require("Id" in sub.columns, "Id missing")
    require("Sequence" in sub.columns, "Sequence missing")
    sub, ans = id_sort_match(sub, ans, "Id")
    t = [[int(x) for x in str(v).split()] for v in ans["Sequence"].astype(str)]
    p = [[int(x) for x in str(v).split()] for v in sub["Sequence"].astype(str)]
    total = sum(levenshtein(a, b) for a, b in zip(t, p))
    return total / sum(len(a) for a in t)


GRADERS = {
    "facebook-recruiting-iii-keyword-extraction": facebook,
    "herbarium-2020-fgvc7": herbarium_like("Id", "Predicted"),
    "herbarium-2021-fgvc8": herbarium_like("Id", "Predicted"),
    "herbarium-2022-fgvc9": herbarium_like("Id", "Predicted"),
    "imet-2020-fgvc7": imet,
    "iwildcam-2019-fgvc6": herbarium_like("Id", "Category"),
    "plant-pathology-2021-fgvc8": plant_pathology_2021,
    "plant-seedlings-classification": plant_seedlings,
    "tensorflow2-question-answering": tf2qa,
    "rsna-breast-cancer-detection": rsna,
    "h-and-m-personalized-fashion-recommendations": h_and_m,
    "hotel-id-2021-fgvc8": hotel_id,
    "whale-categorization-playground": whale,
    "chaii-hindi-and-tamil-question-answering": chaii,
    "tweet-sentiment-extraction": tweet,
    "billion-word-imputation": billion_word,
    "bms-molecular-translation": bms,
    "multi-modal-gesture-recognition": gestures,
}
ANSWER_READERS = {"tensorflow2-question-answering": read_jsonl}
