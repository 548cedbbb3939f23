"""sklearn-baseline: bench's baseline agent that does real machine learning, with no LLM.

It reads the competition's description and public data, infers the task from the sample submission
(the id column, the target columns, and whether they hold probabilities, labels or values), fits
scikit-learn models on the training data (a gradient-boosted tree model and a linear one, picked or
blended by their score on a held-out fifth of the training rows), writes `submission.csv`, and checks
it: against the sample submission itself, then with the harness's validator when there is one
(`$BENCH_VALIDATE` under bench's local runtime, `/home/validate_submission.sh` in a container). Only
tabular competitions with a train, a test and a sample submission CSV are in its reach; elsewhere it
submits the sample submission, saying why.

Runs on Python 3 with pandas and scikit-learn (Debian bookworm's: pandas 1.5, scikit-learn 1.2). The
folders come from the agent contract: $BENCH_DATA_DIR, $BENCH_SUBMISSION_DIR, $BENCH_LOGS_DIR, else
MLE-bench's /home/data, /home/submission, /home/logs. The source is agents/sklearn-baseline/agent.py;
scripts/sync-sklearn-baseline.mjs copies it into the agent file and the MLE-bench agent folder.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

import numpy as np
import pandas as pd

CONTRACT_HOME = "/home"
VALID_TEXT = "Submission is valid."
INVALID_TEXT = "Submission invalid!"
# The metrics the description may name, each with the phrases that name it, most specific first.
METRIC_PHRASES = [
    ("logloss", ["log loss", "logloss", "logarithmic loss", "log-loss", "cross-entropy", "cross entropy"]),
    ("auc", ["roc auc", "area under the roc", "area under the receiver", "auc", "area under the curve"]),
    ("rmsle", ["rmsle", "root mean squared log", "root mean square log", "root mean squared logarithmic"]),
    ("rmse", ["rmse", "root mean squared error", "root mean square error", "root-mean-square"]),
    ("mae", ["mean absolute error", "mae"]),
    ("mse", ["mean squared error", "mse"]),
    ("kappa", ["quadratic weighted kappa", "weighted kappa", "kappa"]),
    ("f1", ["f1", "f-score", "f score", "f-measure"]),
    ("accuracy", ["accuracy", "classification rate", "percentage of correct"]),
    ("r2", ["r2 score", "r^2", "r-squared", "coefficient of determination"]),
]
PROBABILITY_METRICS = {"logloss", "auc"}
LABEL_METRICS = {"accuracy", "f1", "kappa"}
REGRESSION_METRICS = {"rmse", "mse", "mae", "rmsle", "r2"}
MAX_TRAIN_ROWS = 300_000
MAX_ONE_HOT_LEVELS = 50
TEXT_MIN_MEAN_LENGTH = 20


class TaskError(Exception):
    """The data is not a task this agent can infer; it submits the sample submission instead."""


def log(message):
    print(f"[sklearn-baseline] {message}", flush=True)


# --- Reading the competition -------------------------------------------------------------------


def contract_dirs(env=None):
    env = os.environ if env is None else env
    return {
        "data": env.get("BENCH_DATA_DIR") or os.path.join(CONTRACT_HOME, "data"),
        "submission": env.get("BENCH_SUBMISSION_DIR") or os.path.join(CONTRACT_HOME, "submission"),
        "logs": env.get("BENCH_LOGS_DIR") or os.path.join(CONTRACT_HOME, "logs"),
    }


def find_file(data_dir, exact, pattern, exclude=()):
    """`exact` in data_dir, else the first CSV whose lowercased name matches `pattern`."""
    if os.path.isfile(os.path.join(data_dir, exact)):
        return os.path.join(data_dir, exact)
    for depth in ("*", os.path.join("*", "*")):
        for path in sorted(glob.glob(os.path.join(data_dir, depth))):
            name = os.path.basename(path).lower()
            if not (name.endswith(".csv") and os.path.isfile(path) and re.search(pattern, name)):
                continue
            if any(word in name for word in exclude):
                continue
            return path
    return None


def competition_files(data_dir):
    return {
        "sample": find_file(data_dir, "sample_submission.csv", r"sample.*submission|submission.*sample"),
        "train": find_file(data_dir, "train.csv", r"train", exclude=("sample", "submission")),
        "test": find_file(data_dir, "test.csv", r"test", exclude=("sample", "submission")),
        "description": os.path.join(data_dir, "description.md"),
    }


def evaluation_text(description):
    """The description's evaluation section when it has one (where the metric is named), else all of it."""
    match = re.search(r"^#+\s*evaluation[^\n]*\n(.*?)(?=^#+\s|\Z)", description, re.I | re.M | re.S)
    return match.group(1) if match else description


def infer_metric(description):
    """The metric the description names first in its evaluation section, or None."""
    text = evaluation_text(description or "").lower()
    best = None
    for metric, phrases in METRIC_PHRASES:
        for phrase in phrases:
            found = re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", text)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), metric)
    return best[1] if best else None


# --- Task inference ----------------------------------------------------------------------------


def numeric_values(values):
    """The non-empty values as numbers, or None when some are not numbers."""
    present = pd.Series(values, dtype=object).dropna().astype(str).str.strip()
    present = present[present != ""]
    parsed = pd.to_numeric(present, errors="coerce")
    return None if parsed.isna().any() else parsed.astype(float)


def positive_class(values, column):
    """The class a probability column is about, for a two-class training target."""
    classes = sorted(values, key=str)
    names = {"1", "1.0", "true", "yes", "y", "t", "positive", str(column).lower()}
    for value in classes:
        if isinstance(value, (bool, np.bool_)) and value:
            return value
        if str(value).strip().lower() in names:
            return value
    return classes[-1]


def infer_target(column, sample_values, train_values, metric):
    """How to predict one sample-submission column from the training column of the same meaning."""
    train_values = train_values.dropna()
    if train_values.empty:
        raise TaskError(f"the training column {column!r} has no values")
    classes = list(pd.unique(train_values))
    sample_numbers = numeric_values(sample_values)
    train_numeric = pd.api.types.is_numeric_dtype(train_values) and not pd.api.types.is_bool_dtype(
        train_values
    )
    sample_fractional = sample_numbers is not None and (sample_numbers % 1 != 0).any()
    sample_unit = sample_numbers is not None and sample_numbers.between(0, 1).all()
    if len(classes) == 2 and sample_unit and (metric in PROBABILITY_METRICS or sample_fractional):
        return {"column": column, "type": "probability", "positive": positive_class(classes, column)}
    if not train_numeric:
        return {"column": column, "type": "labels"}
    integral = bool((train_values % 1 == 0).all())
    few_levels = len(classes) <= 20
    if metric in LABEL_METRICS and integral and few_levels:
        return {"column": column, "type": "labels"}
    if len(classes) == 2 and sample_unit and metric not in REGRESSION_METRICS:
        # A 0/1 target, a 0/1 sample, and no metric that counts correct labels: probabilities, which
        # ranking and loss metrics reward where hard labels lose.
        return {"column": column, "type": "probability", "positive": positive_class(classes, column)}
    return {"column": column, "type": "regression"}


def infer_id_columns(sample, test):
    """(the sample's id column, the test column holding the same ids, or None to align by row order)."""
    id_column = sample.columns[0]
    ids = set(sample[id_column].astype(str))
    if id_column in test.columns and set(test[id_column].astype(str)) == ids:
        return id_column, id_column
    for column in test.columns:
        if test[column].nunique() == len(ids) and set(test[column].astype(str)) == ids:
            return id_column, column
    if len(test) == len(sample):
        return id_column, None
    raise TaskError(f"no test column holds the ids of the sample submission's {id_column!r} column")


def infer_task(sample, train, test, description=""):
    """
    The task, from the sample submission (read as text), the training and the test data. Returns a dict:
    id (the sample's id column), test_id (the test column with those ids, None: by row order), metric,
    and either kind "class-probabilities" (one sample column per class of train[label], classes maps
    each sample column to its class) or kind "columns" (targets: one per sample column, type
    probability (of `positive`), labels or regression).
    """
    metric = infer_metric(description)
    id_column, test_id = infer_id_columns(sample, test)
    outputs = [c for c in sample.columns if c != id_column]
    if not outputs:
        raise TaskError("the sample submission has no column besides its ids")
    features = set(test.columns) | {id_column}
    unknown = [c for c in train.columns if c not in features]
    base = {"id": id_column, "test_id": test_id, "metric": metric}
    if all(c in train.columns for c in outputs):
        targets = [infer_target(c, sample[c], train[c], metric) for c in outputs]
        return {**base, "kind": "columns", "targets": targets}
    # The sample's columns may be the classes of one training column (one probability per class).
    for label in unknown:
        by_name = {str(v): v for v in pd.unique(train[label].dropna())}
        if len(outputs) >= 2 and all(str(c) in by_name for c in outputs):
            return {
                **base,
                "kind": "class-probabilities",
                "label": label,
                "classes": {c: by_name[str(c)] for c in outputs},
                "metric": metric or "logloss",
            }
    # One output under another name than its training column: the one training column not in test.
    if len(outputs) == 1 and len(unknown) == 1:
        target = infer_target(outputs[0], sample[outputs[0]], train[unknown[0]], metric)
        return {**base, "kind": "columns", "targets": [{**target, "source": unknown[0]}]}
    raise TaskError(
        f"cannot tell which training columns the sample submission's {outputs[:5]} come from "
        f"(training columns not in test: {unknown[:10]})"
    )


# --- Features ----------------------------------------------------------------------------------


def plan_features(train, test, exclude):
    """Each shared column's role: numeric, date, category (few levels), text (long strings), or dropped."""
    plan = {}
    for column in test.columns:
        if column in exclude or column not in train.columns:
            continue
        values = pd.concat([train[column], test[column]], ignore_index=True)
        if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
            plan[column] = "numeric"
            continue
        present = values.dropna().astype(str)
        if present.empty:
            continue
        if pd.to_numeric(present, errors="coerce").notna().mean() >= 0.98:
            plan[column] = "numeric"
        elif present.str.match(r"^\d{4}-\d{1,2}(-\d{1,2})?([ T]\d|$)").mean() >= 0.98:
            plan[column] = "date"
        elif present.nunique() <= min(max(MAX_ONE_HOT_LEVELS, len(present) // 100), len(present) // 2):
            plan[column] = "category"
        elif present.str.len().mean() >= TEXT_MIN_MEAN_LENGTH and present.str.contains(" ").mean() > 0.5:
            plan[column] = "text"
        elif present.nunique() < len(present) * 0.5:
            plan[column] = "category"
        # else: an identifier-like column, dropped
    return plan


def numeric_block(frame, plan):
    """Numeric and date columns as a float frame (NaN where missing)."""
    columns = {}
    for column, role in plan.items():
        if role == "numeric":
            values = frame[column]
            if pd.api.types.is_bool_dtype(values):
                values = values.astype(float)
            columns[column] = pd.to_numeric(values, errors="coerce").astype(float)
        elif role == "date":
            dates = pd.to_datetime(frame[column], errors="coerce")
            columns[f"{column}:year"] = dates.dt.year.astype(float)
            columns[f"{column}:month"] = dates.dt.month.astype(float)
            columns[f"{column}:ordinal"] = (dates - pd.Timestamp("1970-01-01")).dt.days.astype(float)
    return pd.DataFrame(columns, index=frame.index)


def text_of(frame, columns):
    return frame[columns].astype(str).where(frame[columns].notna(), "").astype(str)


class Features:
    """Two views of the same rows: dense for trees (categories as codes), sparse for linear models."""

    def __init__(self, plan, seed):
        self.plan = plan
        self.seed = seed
        self.categories = [c for c, r in plan.items() if r == "category"]
        self.texts = [c for c, r in plan.items() if r == "text"]

    def fit(self, frame):
        from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
        from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

        numbers = numeric_block(frame, self.plan)
        self.medians = numbers.median().fillna(0.0)
        self.scaler = StandardScaler().fit(self._filled(numbers)) if numbers.shape[1] else None
        if self.categories:
            cats = text_of(frame, self.categories)
            self.ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(cats)
            self.one_hot = OneHotEncoder(handle_unknown="ignore", min_frequency=5).fit(cats)
        self.hashers = {}
        for column in self.texts:
            hasher = HashingVectorizer(n_features=2**18, ngram_range=(1, 2), alternate_sign=False, norm=None)
            texts = text_of(frame, [column])[column]
            tfidf = TfidfTransformer(sublinear_tf=True).fit(hasher.transform(texts))
            self.hashers[column] = (hasher, tfidf)
        return self

    def _filled(self, numbers):
        filled = numbers.fillna(self.medians)
        missing = numbers.isna().astype(float).add_suffix(":missing")
        return pd.concat([filled, missing], axis=1).to_numpy(dtype=float)

    def dense(self, frame):
        """Numbers with NaN kept, then each category's code (for histogram gradient boosting)."""
        blocks = [numeric_block(frame, self.plan).to_numpy(dtype=float)]
        if self.categories:
            codes = self.ordinal.transform(text_of(frame, self.categories)).astype(float)
            codes[codes < 0] = np.nan
            blocks.append(codes)
        return np.hstack(blocks) if blocks else np.zeros((len(frame), 0))

    def categorical_mask(self):
        numbers = sum(3 if r == "date" else 1 for r in self.plan.values() if r in ("numeric", "date"))
        levels = [len(c) for c in self.ordinal.categories_] if self.categories else []
        return [False] * numbers + [n <= 250 for n in levels]

    def sparse(self, frame):
        """Scaled numbers with missing indicators, one-hot categories, tf-idf of text (linear models)."""
        from scipy import sparse

        blocks = []
        if self.scaler is not None:
            numbers = self._filled(numeric_block(frame, self.plan))
            blocks.append(sparse.csr_matrix(self.scaler.transform(numbers)))
        if self.categories:
            blocks.append(self.one_hot.transform(text_of(frame, self.categories)))
        for column, (hasher, tfidf) in self.hashers.items():
            blocks.append(tfidf.transform(hasher.transform(text_of(frame, [column])[column])))
        if not blocks:
            return sparse.csr_matrix(np.zeros((len(frame), 1)))
        return sparse.hstack(blocks, format="csr")


# --- Models ------------------------------------------------------------------------------------


def score(metric, kind, truth, predicted, classes=None):
    """Higher is better: the holdout score the models are compared by."""
    from sklearn import metrics

    if kind == "regression":
        if metric == "mae":
            return -metrics.mean_absolute_error(truth, predicted)
        if metric == "rmsle":
            return -np.sqrt(metrics.mean_squared_error(np.log1p(truth), np.log1p(np.maximum(predicted, 0))))
        if metric == "r2":
            return metrics.r2_score(truth, predicted)
        return -np.sqrt(metrics.mean_squared_error(truth, predicted))
    if kind == "probability":
        if metric == "auc" and len(np.unique(truth)) == 2:
            return metrics.roc_auc_score(truth, predicted)
        return -metrics.log_loss(truth, np.clip(predicted, 1e-6, 1 - 1e-6), labels=[0, 1])
    # class probabilities, one column per class (labels are compared by the probabilities too)
    chosen = np.asarray(classes)[np.argmax(predicted, axis=1)]
    if metric in LABEL_METRICS:
        if metric == "kappa":
            return metrics.cohen_kappa_score(truth, chosen, weights="quadratic")
        if metric == "f1":
            return metrics.f1_score(truth, chosen, average="macro")
        return metrics.accuracy_score(truth, chosen)
    return -metrics.log_loss(truth, clip_rows(predicted), labels=classes)


def clip_rows(probabilities, low=1e-4):
    clipped = np.clip(probabilities, low, 1.0)
    return clipped / clipped.sum(axis=1, keepdims=True)


def candidate_models(kind, seed, categorical_mask, positive_target):
    """(name, view, model, fit on log target) of each model the holdout compares."""
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.linear_model import LogisticRegression, Ridge

    boosting = dict(
        learning_rate=0.03,
        max_iter=1000,
        max_leaf_nodes=7,
        min_samples_leaf=50,
        l2_regularization=1.0,
        early_stopping=True,
        validation_fraction=0.15,
        n_iter_no_change=30,
        categorical_features=categorical_mask if any(categorical_mask) else None,
        random_state=seed,
    )
    if kind != "regression":
        return [
            ("boosting", "dense", HistGradientBoostingClassifier(**boosting), False),
            ("linear", "sparse", LogisticRegression(C=0.5, max_iter=3000), False),
        ]
    models = [
        ("boosting", "dense", HistGradientBoostingRegressor(**boosting), False),
        ("linear", "sparse", Ridge(alpha=1.0), False),
    ]
    if positive_target:
        # Prices, counts and sizes are often multiplicative: the same model on the log of the target.
        models.append(("boosting-log", "dense", HistGradientBoostingRegressor(**boosting), True))
    return models


def fit_predict(model, kind, log_target, fit_matrix, target, matrix):
    model.fit(fit_matrix, np.log(target) if log_target else target)
    if kind == "regression":
        predicted = model.predict(matrix)
        return np.exp(predicted) if log_target else predicted
    probabilities = model.predict_proba(matrix)
    return probabilities[:, 1] if kind == "probability" else probabilities


def fit_and_predict(train, test, target, kind, metric, features_plan, seed, report):
    """
    Every candidate fitted on four fifths of the training rows and scored on the rest, with the blend
    (mean) of the two best; then the winner (or the two blended) refitted on all rows, predicting `test`.
    kind: "regression", "probability" (target 0/1, returns P(1)) or "classes" (returns a frame with a
    probability column per class).
    """
    from sklearn.model_selection import train_test_split

    if kind == "regression" and metric == "rmsle" and (target >= 0).all():
        fitted = fit_and_predict(train, test, np.log1p(target), kind, "rmse", features_plan, seed, report)
        return np.maximum(np.expm1(fitted), 0)
    encoded = target
    classes = None
    if kind == "classes":
        classes = list(np.unique(target))
        encoded = pd.Series(pd.Categorical(target, categories=classes).codes, index=target.index)
    positive = kind == "regression" and bool((target > 0).all())
    stratify = encoded if kind != "regression" and encoded.value_counts().min() >= 2 else None
    fit_rows, hold_rows = train_test_split(
        np.arange(len(train)), test_size=0.2, random_state=seed, stratify=stratify
    )
    part = Features(features_plan, seed).fit(train.iloc[fit_rows])
    views = {"dense": part.dense, "sparse": part.sparse}
    fit_frame, hold_frame = train.iloc[fit_rows], train.iloc[hold_rows]
    # Trees see numbers, dates and categories; with text alone there is nothing for them.
    usable = {"dense": part.dense(fit_frame.iloc[:1]).shape[1] > 0, "sparse": True}
    holdout = {}
    for name, view, model, log_target in candidate_models(kind, seed, part.categorical_mask(), positive):
        if not usable[view]:
            continue
        holdout[name] = fit_predict(
            model, kind, log_target, views[view](fit_frame), encoded.iloc[fit_rows], views[view](hold_frame)
        )
    truth = encoded.iloc[hold_rows].to_numpy()
    indices = list(range(len(classes or [])))
    scores = {name: float(score(metric, kind, truth, values, indices)) for name, values in holdout.items()}
    if len(scores) >= 2:
        first, second = sorted(scores, key=scores.get, reverse=True)[:2]
        blended = (holdout[first] + holdout[second]) / 2
        scores[f"{first}+{second}"] = float(score(metric, kind, truth, blended, indices))
    best = max(scores, key=scores.get)
    report.append({"holdout_scores": scores, "chosen": best, "metric": metric})
    log(
        f"holdout ({metric or 'default metric'}, higher is better): "
        + ", ".join(f"{n} {s:.5f}" for n, s in scores.items())
        + f"; using {best}"
    )

    full = Features(features_plan, seed).fit(train)
    views = {"dense": full.dense, "sparse": full.sparse}
    chosen = best.split("+")
    predictions = [
        fit_predict(model, kind, log_target, views[view](train), encoded, views[view](test))
        for name, view, model, log_target in candidate_models(kind, seed, full.categorical_mask(), positive)
        if name in chosen
    ]
    result = sum(predictions) / len(predictions)
    if kind == "classes":
        return pd.DataFrame(result, columns=classes, index=test.index)
    return result


# --- Submission --------------------------------------------------------------------------------


def build_submission(task, sample, train, test, seed, report):
    ids = sample[task["id"]]
    if task["test_id"] is None:
        order = np.arange(len(test))
    else:
        positions = pd.Series(np.arange(len(test)), index=test[task["test_id"]].astype(str))
        order = positions.loc[ids.astype(str)].to_numpy()
    test = test.iloc[order].reset_index(drop=True)
    submission = pd.DataFrame({task["id"]: ids.to_numpy()})
    if len(train) > MAX_TRAIN_ROWS:
        log(f"training on {MAX_TRAIN_ROWS} of {len(train)} rows (sampled)")
        train = train.sample(n=MAX_TRAIN_ROWS, random_state=seed)
    train = train.reset_index(drop=True)

    if task["kind"] == "class-probabilities":
        label = task["label"]
        known = train[label].notna()
        plan = plan_features(train, test, exclude={task["id"], task["test_id"], label})
        report.append({"features": plan})
        probabilities = fit_and_predict(train[known], test, train.loc[known, label], "classes",
                                        task["metric"], plan, seed, report)
        values = clip_rows(probabilities.to_numpy())
        fitted = list(probabilities.columns)
        for column, value in task["classes"].items():
            # A class the training rows never show gets the floor probability.
            submission[column] = values[:, fitted.index(value)] if value in fitted else 1e-4
        if set(task["classes"].values()) != set(fitted):
            columns = list(task["classes"])
            submission[columns] = clip_rows(submission[columns].to_numpy(dtype=float))
        return submission

    sources = {t.get("source", t["column"]) for t in task["targets"]}
    plan = plan_features(train, test, exclude={task["id"], task["test_id"], *sources})
    report.append({"features": plan})
    for target in task["targets"]:
        source = target.get("source", target["column"])
        known = train[source].notna()
        values = train.loc[known, source]
        rows = train[known]
        if target["type"] == "probability":
            binary = (values == target["positive"]).astype(int)
            predicted = fit_and_predict(rows, test, binary, "probability", task["metric"], plan, seed, report)
            submission[target["column"]] = np.clip(predicted, 1e-4, 1 - 1e-4)
        elif target["type"] == "labels":
            probabilities = fit_and_predict(rows, test, values, "classes", task["metric"], plan, seed, report)
            labels = np.asarray(probabilities.columns)[np.argmax(probabilities.to_numpy(), axis=1)]
            if pd.api.types.is_float_dtype(labels) and (labels % 1 == 0).all():
                labels = labels.astype(np.int64)  # 2.0 -> 2: a column with gaps is read as floats
            submission[target["column"]] = labels
        else:
            submission[target["column"]] = fit_and_predict(
                rows, test, values.astype(float), "regression", task["metric"], plan, seed, report
            )
    return submission


def check_against_sample(path, sample):
    """Problems of the written file compared with the sample submission (an empty list: none)."""
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    problems = []
    if list(written.columns) != list(sample.columns):
        problems.append(f"columns {list(written.columns)} differ from the sample's {list(sample.columns)}")
        return problems
    if len(written) != len(sample):
        problems.append(f"{len(written)} rows where the sample has {len(sample)}")
    id_column = sample.columns[0]
    if set(written[id_column]) != set(sample[id_column].astype(str)):
        problems.append(f"the {id_column!r} values differ from the sample's")
    empty = [c for c in written.columns if (written[c].str.strip() == "").any()]
    if empty:
        problems.append(f"empty cells in {empty}")
    return problems


def external_validator(env=None):
    """The harness's validation command, if any: $BENCH_VALIDATE, else MLE-bench's script in /home."""
    env = os.environ if env is None else env
    command = env.get("BENCH_VALIDATE")
    if command:
        found = shutil.which(command) or (command if os.access(command, os.X_OK) else None)
        if found:
            return [found]
        log(f"BENCH_VALIDATE is {command!r}, which is not an executable; validating by myself")
    script = os.path.join(CONTRACT_HOME, "validate_submission.sh")
    if os.path.isfile(script):
        return [script] if os.access(script, os.X_OK) else ["sh", script]
    return None


def parse_validation(output):
    """(True/False/None for valid/invalid/no verdict, the answer's text); accepts text or MLE-bench's JSON."""
    text = output.strip()
    try:
        answer = json.loads(text)
        if isinstance(answer, dict):
            text = str(answer.get("result") or answer.get("details") or answer.get("error") or text)
    except ValueError:
        pass
    if INVALID_TEXT in text:
        return False, text[text.index(INVALID_TEXT):]
    if VALID_TEXT in text:
        return True, VALID_TEXT
    return None, text


def validate(path, sample, report):
    problems = check_against_sample(path, sample)
    report.append({"self_check": problems or "ok"})
    for problem in problems:
        log(f"self-check: {problem}")
    command = external_validator()
    if command is None:
        log("no validation tool here (neither $BENCH_VALIDATE nor /home/validate_submission.sh); "
            + ("self-check passed" if not problems else "self-check FAILED"))
        return not problems
    try:
        done = subprocess.run(command + [path], capture_output=True, text=True, timeout=300)
        verdict, text = parse_validation(done.stdout)
    except (OSError, subprocess.TimeoutExpired) as error:
        verdict, text = None, str(error)
    report.append({"validation": {"command": command, "valid": verdict, "answer": text[:2000]}})
    log(f"validation ({os.path.basename(command[-1])}): {text[:500] or '(no answer)'}")
    if verdict is None:
        return not problems
    return verdict


def thread_count(rows, env=None):
    """
    Threads for numpy and OpenMP: one for small data, where more cost more than they give (and
    oversubscribe a shared machine: a container's CPU quota does not hide the host's cores), else the
    CPUs this process may use by its cgroup's quota. $BASELINE_THREADS overrides.
    """
    env = os.environ if env is None else env
    if env.get("BASELINE_THREADS", "").isdigit() and int(env["BASELINE_THREADS"]) > 0:
        return int(env["BASELINE_THREADS"])
    if rows < 50_000:
        return 1
    cpus = os.cpu_count() or 1
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as handle:
            quota, period = handle.read().split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass
    return cpus


def limit_threads(count):
    # threadpoolctl limits the libraries loaded so far: load scikit-learn's OpenMP and BLAS ones first.
    import sklearn.ensemble  # noqa: F401
    import sklearn.linear_model  # noqa: F401

    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=count)


def parse_arguments(argv):
    """Options as MLE-bench passes kwargs (`--key value`); unknown ones are reported and ignored."""
    parser = argparse.ArgumentParser(prog="sklearn-baseline", add_help=False)
    parser.add_argument("--seed", type=int, help="random seed (default: $BENCH_SEED, else 0)")
    parser.add_argument("--threads", type=int, help="numpy/OpenMP threads (default: by data size)")
    known, unknown = parser.parse_known_args(argv)
    if unknown:
        log(f"ignoring unknown arguments {unknown}")
    return known


def main(argv=None):
    started = time.time()
    options = parse_arguments(sys.argv[1:] if argv is None else argv)
    if options.threads:
        os.environ["BASELINE_THREADS"] = str(options.threads)
    dirs = contract_dirs()
    seed = options.seed if options.seed is not None else int(os.environ.get("BENCH_SEED") or 0)
    seed %= 2**32
    files = competition_files(dirs["data"])
    os.makedirs(dirs["submission"], exist_ok=True)
    output = os.path.join(dirs["submission"], "submission.csv")
    report = [{"competition": os.environ.get("COMPETITION_ID"), "files": files, "seed": seed}]
    if files["sample"] is None:
        log(f"no sample submission in {dirs['data']}: nothing to infer the task from")
        return 2
    sample = pd.read_csv(files["sample"], dtype=str, keep_default_na=False)
    description = ""
    if os.path.isfile(files["description"]):
        with open(files["description"], encoding="utf-8", errors="replace") as handle:
            description = handle.read()
    try:
        if files["train"] is None or files["test"] is None:
            raise TaskError("no train and test CSV files (only tabular competitions are in reach)")
        train = pd.read_csv(files["train"], low_memory=False)
        test = pd.read_csv(files["test"], low_memory=False)
        threads = thread_count(len(train))
        limit_threads(threads)
        log(f"seed {seed}; {threads} thread(s); {len(train)} training and {len(test)} test rows")
        task = infer_task(sample, train, test, description)
        report.append({"task": task})
        log(f"task: {json.dumps(task, default=str)}")
        submission = build_submission(task, sample, train, test, seed, report)
        submission.to_csv(output, index=False)
    except TaskError as error:
        log(f"{error}; submitting the sample submission instead")
        report.append({"fallback": str(error)})
        shutil.copyfile(files["sample"], output)
    valid = validate(output, sample, report)
    report.append({"valid": valid, "seconds": round(time.time() - started, 1)})
    try:
        os.makedirs(dirs["logs"], exist_ok=True)
        with open(os.path.join(dirs["logs"], "sklearn-baseline.json"), "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=1, default=str)
    except OSError as error:
        log(f"could not write the report to the logs folder: {error}")
    log(f"wrote {output} ({len(sample)} rows) in {time.time() - started:.1f} s; "
        + ("valid" if valid else "NOT VALID"))
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
