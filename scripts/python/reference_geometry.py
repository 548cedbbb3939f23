"""Independent re-implementation of MLE-bench's grade functions, family g1-geometry (written from
shared/mlebench/full-grading/g1-geometry.md, not from bench's TypeScript). Loaded by reference_grade.py.

GRADERS maps a competition id to grade(submission: DataFrame, answers: DataFrame) -> float; any exception
means the submission is invalid. ANSWER_READERS (optional) maps a competition id to read(path) -> DataFrame
for answers that are not a plain CSV.

Masks are built as numpy arrays exactly as the spec describes (so only images of moderate size fit in
memory). Libraries the reference uses are called where Debian's python3 has them: scipy's
directed_hausdorff (uw-madison), scikit-learn's average_precision_score (siim-covid19). It has no
shapely, pyquaternion or pycocotools, so the 3D boxes' rectangle intersection (a convex polygon clip), the
yaw quaternion and COCOeval's bbox matching and accumulation are written here from the spec.
"""

import math

import numpy as np
import pandas as pd


class Invalid(Exception):
    pass


# ---------------------------------------------------------------------------------------------------
# shared blocks
# ---------------------------------------------------------------------------------------------------


def rle_decode(rle, height, width):
    """Spec 'rle_decode': a (height, width) bool mask, column-major, 1-based runs."""
    if not isinstance(rle, str):
        raise Invalid("not a string")
    if not isinstance(height, int) or not isinstance(width, int):
        raise Invalid("dims not int")
    if rle.strip() == "":
        return np.zeros((height, width), dtype=bool)
    nums = [int(t) for t in rle.split()]
    starts = nums[0::2]
    lengths = nums[1::2]
    if starts != sorted(starts):
        raise Invalid("unsorted")
    if any(s <= 0 for s in starts) or any(n <= 0 for n in lengths):
        raise Invalid("not positive")
    lo_all = np.array(starts) - 1
    hi_all = lo_all + np.array(lengths, dtype=np.int64)  # broadcasting: 1 token -> none, 5+ odd -> error
    buf = np.zeros(height * width, dtype=bool)
    for lo, hi in zip(lo_all, hi_all):
        if buf[lo:hi].any():
            raise Invalid("overlap")
        buf[lo:hi] = True
    return buf.reshape((width, height)).T


def dice(pred, true, both_empty):
    if pred.shape != true.shape:
        raise Invalid("shape")
    p = pred.sum()
    t = true.sum()
    if p == 0 and t == 0:
        return both_empty
    return float(2.0 * np.logical_and(pred, true).sum()) / float(p + t)


def sorted_frame(df, col):
    return df.sort_values(col, kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------
# tgs-salt-identification-challenge
# ---------------------------------------------------------------------------------------------------


def tgs_salt(sub, ans):
    if set(sub.columns) != {"id", "rle_mask"}:
        raise Invalid("columns")
    if len(sub) != len(ans):
        raise Invalid("rows")
    sub = sub.fillna("")
    ans = ans.fillna("")
    for col in ("id", "rle_mask"):
        if not all(isinstance(v, str) for v in sub[col]):
            raise Invalid("not str")
    sub = sorted_frame(sub, "id")
    ans = sorted_frame(ans, "id")
    if list(sub["id"]) != list(ans["id"]):
        raise Invalid("ids")
    thresholds = np.arange(0.5, 1, 0.05)
    values = []
    for p_rle, t_rle in zip(sub["rle_mask"], ans["rle_mask"]):
        pred = rle_decode(p_rle, 101, 101)
        true = rle_decode(t_rle, 101, 101)
        if true.sum() == 0:
            values.append(1.0 if pred.sum() == 0 else 0.0)
            continue
        if pred.sum() == 0:
            pred = np.ones_like(pred)  # the reference's histogram artefact: empty prediction = full image
        inter = np.logical_and(pred, true).sum()
        union = np.logical_or(pred, true).sum()
        iou = inter / union
        values.append(float(np.mean([iou > t for t in thresholds])))
    return np.mean(values)


# ---------------------------------------------------------------------------------------------------
# icecube-neutrinos-in-deep-ice
# ---------------------------------------------------------------------------------------------------


def icecube(sub, ans):
    if set(sub.columns) != {"event_id", "azimuth", "zenith"}:
        raise Invalid("columns")
    for col in ("azimuth", "zenith"):
        if not np.issubdtype(sub[col].dtype, np.number):
            raise Invalid("not numeric")
    for col in ("azimuth", "zenith"):
        if not np.isfinite(sub[col].to_numpy(dtype=float)).all():
            raise Invalid("not finite")
    if len(sub) != len(ans):
        raise Invalid("rows")
    if set(sub["event_id"]) != set(ans["event_id"]):
        raise Invalid("ids")
    sub = sorted_frame(sub, "event_id")
    ans = sorted_frame(ans, "event_id")
    a1, z1 = ans["azimuth"].to_numpy(float), ans["zenith"].to_numpy(float)
    a2, z2 = sub["azimuth"].to_numpy(float), sub["zenith"].to_numpy(float)
    dot = (np.sin(z1) * np.sin(z2)) * (np.cos(a1) * np.cos(a2) + np.sin(a1) * np.sin(a2)) + np.cos(z1) * np.cos(z2)
    return np.mean(np.abs(np.arccos(np.clip(dot, -1, 1))))


# ---------------------------------------------------------------------------------------------------
# osic-pulmonary-fibrosis-progression
# ---------------------------------------------------------------------------------------------------


def osic(sub, ans):
    for col in ("Patient_Week", "FVC", "Confidence"):
        if col not in sub.columns:
            raise Invalid(col)
    known = set(ans["Patient_Week"])
    for key in sub["Patient_Week"]:
        if not isinstance(key, str) or key not in known:
            raise Invalid("unknown Patient_Week")
    for col in ("FVC", "Confidence"):
        if not pd.api.types.is_numeric_dtype(sub[col]):
            raise Invalid("not numeric")
    conf_all = sub["Confidence"].astype(float).fillna(0.0)
    measured = ans[ans["FVC"].notna()].copy()
    measured["week"] = [int(k.rsplit("_", 1)[1]) for k in measured["Patient_Week"]]
    graded = {}
    for _, group in measured.groupby("Patient"):
        for _, row in group.sort_values("week").tail(3).iterrows():
            graded[row["Patient_Week"]] = float(row["FVC"])
    kept = [i for i, k in enumerate(sub["Patient_Week"]) if k in graded]
    kept.sort(key=lambda i: sub["Patient_Week"].iloc[i])
    truth_keys = sorted(k for k in graded if k in set(sub["Patient_Week"].iloc[kept]))
    truth = np.array([graded[k] for k in truth_keys], dtype=float)
    pred = sub["FVC"].astype(float).to_numpy()[kept]
    conf = conf_all.to_numpy()[kept]
    sd = np.maximum(conf, 70)
    delta = np.minimum(np.abs(truth - pred), 1000)  # shapes must broadcast, as in the reference
    return np.mean(-np.sqrt(2) * delta / sd - np.log(np.sqrt(2) * sd))


# ---------------------------------------------------------------------------------------------------
# smartphone-decimeter-2022
# ---------------------------------------------------------------------------------------------------


def smartphone(sub, ans):
    for col in ("tripId", "UnixTimeMillis", "LatitudeDegrees", "LongitudeDegrees"):
        if col not in sub.columns:
            raise Invalid(col)
    if len(sub) != len(ans):
        raise Invalid("rows")
    scores = []
    for trip in ans["tripId"].unique():
        a = ans[ans["tripId"] == trip]
        p = sub[sub["tripId"] == trip]
        if len(a) != len(p):
            raise Invalid("trip rows")
        lat_p = p["LatitudeDegrees"].to_numpy() * (math.pi / 180)
        lon_p = p["LongitudeDegrees"].to_numpy() * (math.pi / 180)
        lat_t = a["LatitudeDegrees"].to_numpy() * (math.pi / 180)
        lon_t = a["LongitudeDegrees"].to_numpy() * (math.pi / 180)
        h = np.sin((lat_t - lat_p) / 2) ** 2 + np.cos(lat_p) * np.cos(lat_t) * np.sin((lon_t - lon_p) / 2) ** 2
        d = 2 * 6371000 * np.arcsin(np.sqrt(h.astype(float)))
        scores.append(np.mean([np.quantile(d, 0.5), np.quantile(d, 0.95)]))
    return np.mean(scores)


# ---------------------------------------------------------------------------------------------------
# google-research-identify-contrails-reduce-global-warming
# ---------------------------------------------------------------------------------------------------


def contrails(sub, ans):
    assert set(ans.columns) == {"record_id", "encoded_pixels", "height", "width"}
    for col in ("record_id", "encoded_pixels"):
        if col not in sub.columns:
            raise Invalid(col)
    if len(sub) != len(ans):
        raise Invalid("rows")
    sub = sorted_frame(sub, "record_id")
    ans = sorted_frame(ans, "record_id")
    if not (sub["record_id"].to_numpy() == ans["record_id"].to_numpy()).all():
        raise Invalid("ids")
    preds, trues = [], []
    for p_rle, t_rle, h, w in zip(sub["encoded_pixels"], ans["encoded_pixels"], ans["height"], ans["width"]):
        p_rle = "" if isinstance(p_rle, str) and p_rle == "-" else p_rle
        t_rle = "" if isinstance(t_rle, str) and t_rle == "-" else t_rle
        preds.append(rle_decode(p_rle, int(h), int(w)).ravel())
        trues.append(rle_decode(t_rle, int(h), int(w)).ravel())
    return dice(np.concatenate(preds), np.concatenate(trues), float("nan"))


# ---------------------------------------------------------------------------------------------------
# hubmap-kidney-segmentation
# ---------------------------------------------------------------------------------------------------


def hubmap(sub, ans):
    for col in ("id", "predicted"):
        if col not in sub.columns:
            raise Invalid(col)
    if len(sub) != len(ans):
        raise Invalid("rows")
    if set(sub["id"]) != set(ans["id"]):
        raise Invalid("ids")
    sub = sorted_frame(sub.assign(predicted=sub["predicted"].fillna("")), "id")
    ans = sorted_frame(ans, "id")
    values = []
    for p_rle, t_rle, h, w in zip(sub["predicted"], ans["encoding"], ans["height_pixels"], ans["width_pixels"]):
        pred = rle_decode(p_rle, int(h), int(w))
        true = rle_decode(t_rle if isinstance(t_rle, str) else "", int(h), int(w))
        values.append(dice(pred, true, 1.0))
    return np.mean(values)


# ---------------------------------------------------------------------------------------------------
# vesuvius-challenge-ink-detection
# ---------------------------------------------------------------------------------------------------


def vesuvius(sub, ans):
    if len(sub) != len(ans):
        raise Invalid("rows")
    scores = []
    for (_, srow), (_, arow) in zip(sub.iterrows(), ans.iterrows()):
        if len(srow) != 2:
            raise Invalid("fields")
        if "Id" not in srow.index or "Predicted" not in srow.index:
            raise Invalid("columns")
        if srow["Id"] != arow["Id"]:
            raise Invalid("id at position")
        if not isinstance(srow["Predicted"], str):
            raise Invalid("not str")
        h, w = int(arow["height"]), int(arow["width"])
        pred = rle_decode(srow["Predicted"], w, h).T  # decoded with the dimensions swapped: row-major
        t_rle = arow["Predicted"] if isinstance(arow["Predicted"], str) else ""
        true = rle_decode(t_rle, w, h).T
        tp = float(np.logical_and(pred, true).sum())
        fp = float(np.logical_and(pred, ~true).sum())
        fn = float(np.logical_and(~pred, true).sum())
        denom = 1.25 * tp + 0.25 * fn + fp
        scores.append(0.0 if denom == 0 else 1.25 * tp / denom)
    return np.mean(scores)


# ---------------------------------------------------------------------------------------------------
# kuzushiji-recognition
# ---------------------------------------------------------------------------------------------------


def kuzushiji_page(pred, truth):
    if pd.isna(truth) and pd.isna(pred):
        return 0, 0, 0
    if pd.isna(truth):
        return 0, len(pred.split(" ")) // 3, 0
    if pd.isna(pred):
        return 0, 0, len(truth.split(" ")) // 5
    t = truth.split(" ")
    p = pred.split(" ")
    boxes = [(t[k], float(t[k + 1]), float(t[k + 2]), float(t[k + 1]) + float(t[k + 3]), float(t[k + 2]) + float(t[k + 4]))
             for k in range(0, len(t), 5)]
    points = [(p[k], float(p[k + 1]), float(p[k + 2])) for k in range(0, len(p), 3)]
    used = [False] * len(points)
    tp = fn = 0
    for label, x0, y0, x1, y1 in boxes:
        hit = next((i for i, (lab, x, y) in enumerate(points)
                    if not used[i] and lab == label and x0 < x < x1 and y0 < y < y1), None)
        if hit is None:
            fn += 1
        else:
            tp += 1
            used[hit] = True
    return tp, used.count(False), fn


def kuzushiji(sub, ans):
    if len(sub) != len(ans):
        raise Invalid("rows")
    if "image_id" not in sub.columns or "labels" not in sub.columns:
        raise Invalid("columns")
    sub = sorted_frame(sub, "image_id")
    ans = sorted_frame(ans, "image_id")
    if list(sub["image_id"]) != list(ans["image_id"]):
        raise Invalid("ids")
    for pred in sub["labels"]:
        if isinstance(pred, float) and math.isnan(pred):
            continue
        if not isinstance(pred, str):
            raise Invalid("not a string")
        tokens = pred.split(" ")
        if len(tokens) % 3 != 0:
            raise Invalid("tokens")
        for k in range(0, len(tokens), 3):
            float(tokens[k + 1])
            float(tokens[k + 2])
    tp = fp = fn = 0
    for pred, truth in zip(sub["labels"], ans["labels"]):
        a, b, c = kuzushiji_page(pred, truth)
        tp, fp, fn = tp + a, fp + b, fn + c
    if tp + fp == 0 or tp + fn == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision > 0 and recall > 0 else 0.0
    return round(f1, 5)  # a Python float: Python's rounding, before reference_grade's numpy one


# ---------------------------------------------------------------------------------------------------
# uw-madison-gi-tract-image-segmentation
# ---------------------------------------------------------------------------------------------------


def uw_volumes(masks, ids):
    by_slice = {}
    order = []
    for mask, key in sorted(zip(masks, ids), key=lambda pair: pair[1]):
        if key not in by_slice:
            by_slice[key] = []
            order.append(key)
        by_slice[key].append(mask)
    by_day = {}
    days = []
    for key in order:
        day = key.split("_slice_")[0]
        if day not in by_day:
            by_day[day] = []
            days.append(day)
        by_day[day].append(np.logical_or.reduce(np.array(by_slice[key])).astype(np.uint8))
    return [np.stack(by_day[d], axis=0) for d in days]


def uw_hausdorff(pred, true):
    from scipy.spatial.distance import directed_hausdorff

    if pred.sum() == 0 and true.sum() == 0:
        return float("nan")
    if np.array_equal(pred, true):
        return 0.0
    if pred.sum() == 0 or true.sum() == 0:
        return 1.0
    if pred.sum() > 10 * true.sum():
        return 1.0
    t = np.argwhere(true) / np.array(true.shape)
    p = np.argwhere(pred) / np.array(true.shape)
    return max(directed_hausdorff(t, p)[0], directed_hausdorff(p, t)[0]) / np.sqrt(3)


def uw_madison(sub, ans):
    for col in ("id", "class", "predicted"):
        if col not in sub.columns:
            raise Invalid(col)
    sub_rles = sub["predicted"].fillna("").tolist()
    ans_rles = ans["predicted"].fillna("").tolist()
    heights = ans["image_height"].astype(int).tolist()
    widths = ans["image_width"].astype(int).tolist()
    sub_masks = [rle_decode(r, h, w) for r, h, w in zip(sub_rles, heights, widths)]
    ans_masks = [rle_decode(r, h, w) for r, h, w in zip(ans_rles, heights, widths)]
    dices = [dice(p, t, float("nan")) for p, t in zip(sub_masks, ans_masks)]
    sub_vols = uw_volumes(sub_masks, sub["id"])
    ans_vols = uw_volumes(ans_masks, ans["id"])
    dists = [uw_hausdorff(p, t) for p, t in zip(sub_vols, ans_vols)]
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return 0.4 * np.nanmean(dices) + 0.6 * (1 - np.nanmean(dists))


# ---------------------------------------------------------------------------------------------------
# siim-covid19-detection
# ---------------------------------------------------------------------------------------------------


def siim_boxes(text):
    toks = text.strip().split()
    if len(toks) % 6:
        raise Invalid("tokens")
    return [(toks[i], float(toks[i + 1]), (float(toks[i + 2]), float(toks[i + 3]), float(toks[i + 4]), float(toks[i + 5])))
            for i in range(0, len(toks), 6)]


def siim_iou(a, b):
    # Python's builtin max/min, as the spec's grader uses them
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def siim(sub, ans):
    from sklearn.metrics import average_precision_score

    if len(sub) != len(ans):
        raise Invalid("rows")
    for col in ("id", "PredictionString"):
        if col not in sub.columns:
            raise Invalid(col)
    sub = sorted_frame(sub, "id")
    ans = sorted_frame(ans, "id")
    if list(sub["id"]) != list(ans["id"]):
        raise Invalid("ids")
    preds = []
    for v in sub["PredictionString"]:
        if not isinstance(v, str):
            raise Invalid("not a string")
        boxes = siim_boxes(v)
        boxes.sort(key=lambda b: b[1], reverse=True)
        preds.append(boxes)
    truths = [siim_boxes(v) for v in ans["PredictionString"]]
    aps = []
    for cls in sorted({b[0] for t in truths for b in t}):
        ys, ss = [], []
        for p, t in zip(preds, truths):
            gts = [b[2] for b in t if b[0] == cls]
            used = [False] * len(gts)
            n0 = len(ys)
            for label, conf, box in p:
                if label != cls:
                    continue
                best, best_iou = -1, 0
                for j, g in enumerate(gts):
                    if used[j]:
                        continue
                    iou = siim_iou(box, g)
                    if iou > best_iou and iou > 0.5:
                        best, best_iou = j, iou
                ys.append(1 if best >= 0 else 0)
                ss.append(conf)
                if best >= 0:
                    used[best] = True
            for u in used:
                if not u:
                    ys.append(1)
                    ss.append(0)
            if len(ys) == n0:
                ys.append(0)
                ss.append(0)
        if all(y == 1 for y in ys):
            raise Invalid("all positives")
        aps.append(average_precision_score(ys, ss))
    return np.mean(aps)


# ---------------------------------------------------------------------------------------------------
# 3d-object-detection-for-autonomous-vehicles
# ---------------------------------------------------------------------------------------------------


def lyft_parse(text):
    if text.strip() == "":
        return []
    toks = text.split(" ")
    if len(toks) % 9:
        raise Invalid("tokens")
    objs = []
    for i in range(0, len(toks), 9):
        vals = [float(t) for t in toks[i:i + 8]]
        math.cos(vals[7] / 2)  # pyquaternion's math.cos: an infinite yaw raises ValueError
        objs.append((vals[0], vals[1:], toks[i + 8]))
    return objs


def lyft_box(vals):
    cx, cy, cz, w, l, h, yaw = vals
    if any(math.isnan(v) for v in vals):
        raise Invalid("nan")
    if not (w > 0 and l > 0 and h > 0):
        raise Invalid("size")
    qw, qz = math.cos(yaw / 2), math.sin(yaw / 2)
    if not abs(1 - (qw * qw + qz * qz)) < 1e-14:
        n = math.sqrt(qw * qw + qz * qz)
        qw, qz = qw / n, qz / n
    c, s = qw * qw - qz * qz, 2 * qw * qz
    pts = [(cx + l / 2 * c + w / 2 * s, cy + l / 2 * s - w / 2 * c),
           (cx + l / 2 * c - w / 2 * s, cy + l / 2 * s + w / 2 * c),
           (cx - l / 2 * c - w / 2 * s, cy - l / 2 * s + w / 2 * c),
           (cx - l / 2 * c + w / 2 * s, cy - l / 2 * s - w / 2 * c)]
    for a, b, d in ((0, 1, 3), (1, 0, 2), (2, 1, 3), (3, 0, 2)):
        dot = (pts[b][0] - pts[a][0]) * (pts[d][0] - pts[a][0]) + (pts[b][1] - pts[a][1]) * (pts[d][1] - pts[a][1])
        if not np.isclose(dot, 0):
            raise Invalid("orthogonality")
    return pts, cz - h / 2, cz + h / 2, w * l * h


def poly_area(pts):
    return abs(sum(pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1] for i in range(len(pts)))) / 2


def clip_convex(subject, clipper):
    # both convex; make the clipper counter-clockwise, keep the part of subject left of each edge
    signed = sum(clipper[i][0] * clipper[(i + 1) % 4][1] - clipper[(i + 1) % 4][0] * clipper[i][1] for i in range(4))
    if signed < 0:
        clipper = clipper[::-1]
    out = list(subject)
    for i in range(len(clipper)):
        (ax, ay), (bx, by) = clipper[i], clipper[(i + 1) % len(clipper)]
        inp, out = out, []
        if not inp:
            break
        side = [(bx - ax) * (py - ay) - (by - ay) * (px - ax) for px, py in inp]
        for k in range(len(inp)):
            p, q = inp[k], inp[(k + 1) % len(inp)]
            sp, sq = side[k], side[(k + 1) % len(inp)]
            if sp >= 0:
                out.append(p)
            if (sp >= 0) != (sq >= 0):
                t = sp / (sp - sq)
                out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return poly_area(out) if len(out) >= 3 else 0.0


def lyft_iou(p, g):
    hz = max(0, min(g[2], p[2]) - max(g[1], p[1]))
    inter = hz * clip_convex(p[0], g[0])
    with np.errstate(all="ignore"):
        return float(np.clip(inter / (p[3] + g[3] - inter), 0, 1))


def lyft_ap(preds, gts, t):
    boxes_g = [lyft_box(v) for v in gts]
    order = sorted(range(len(preds)), key=lambda k: preds[k][0], reverse=True)
    used = [False] * len(gts)
    tp = fp = 0
    rec, prec = [], []
    for k in order:
        box = lyft_box(preds[k][1])
        ious = np.array([lyft_iou(box, g) for g in boxes_g])
        m = np.max(ious)
        j = int(np.argmax(ious))
        if m > t and not used[j]:
            tp += 1
            used[j] = True
        else:
            fp += 1
        rec.append(tp / len(gts))
        prec.append(tp / max(tp + fp, np.finfo(np.float64).eps))
    r = np.concatenate(([0.0], rec, [1.0]))
    p = np.concatenate(([0.0], prec, [0.0]))
    for i in range(len(p) - 1, 0, -1):
        p[i - 1] = max(p[i - 1], p[i])
    idx = np.where(r[1:] != r[:-1])[0]
    return np.sum((r[idx + 1] - r[idx]) * p[idx + 1])


def lyft(sub, ans):
    if len(sub) != len(ans):
        raise Invalid("rows")
    for col in ("Id", "PredictionString"):
        if col not in sub.columns:
            raise Invalid(col)
    sub = sorted_frame(sub, "Id")
    ans = sorted_frame(ans, "Id")
    if list(sub["Id"]) != list(ans["Id"]):
        raise Invalid("ids")
    sub_objs = [lyft_parse(v) for v in sub["PredictionString"].fillna("")]
    ans_objs = [lyft_parse(v) for v in ans["PredictionString"].fillna("")]
    maps = []
    for preds, gts in zip(sub_objs, ans_objs):
        classes = sorted({g[2] for g in gts})
        for t in [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]:
            aps = []
            for c in classes:
                mine = [p for p in preds if p[2] == c]
                aps.append(lyft_ap(mine, [g[1] for g in gts if g[2] == c], t) if mine else 0.0)
            maps.append(np.mean(aps))
    return np.mean(maps)


# ---------------------------------------------------------------------------------------------------
# vinbigdata-chest-xray-abnormalities-detection (pycocotools COCOeval 'bbox' at IoU 0.4, from the spec)
# ---------------------------------------------------------------------------------------------------


def coco_iou(d, g):
    cmin = lambda a, b: a if a < b else b  # noqa: E731 - maskUtils' C macros
    cmax = lambda a, b: a if a > b else b  # noqa: E731
    w = cmin(d[0] + d[2], g[0] + g[2]) - cmax(d[0], g[0])
    if w <= 0:
        return 0.0
    h = cmin(d[1] + d[3], g[1] + g[3]) - cmax(d[1], g[1])
    if h <= 0:
        return 0.0
    i = w * h
    return i / (d[2] * d[3] + g[2] * g[3] - i)


def coco_eval_image(gts, dts, thr):
    out_area = lambda a: a < 0 or a > 1e10  # noqa: E731
    gts = sorted(gts, key=lambda g: out_area(g["area"]))  # stable: ignored truths last
    dts = [dts[i] for i in np.argsort([-d["score"] for d in dts], kind="mergesort")][:100]
    gtm = [0] * len(gts)
    dtm = [0] * len(dts)
    dt_ig = [False] * len(dts)
    g_ig = [out_area(g["area"]) for g in gts]
    for di, d in enumerate(dts):
        best, m = min(thr, 1 - 1e-10), -1
        for gi, g in enumerate(gts):
            if gtm[gi] > 0:
                continue
            if m > -1 and not g_ig[m] and g_ig[gi]:
                break
            o = coco_iou(d["bbox"], g["bbox"])
            if o < best:
                continue
            best, m = o, gi
        if m == -1:
            continue
        dt_ig[di] = g_ig[m]
        dtm[di] = gts[m]["id"]
        gtm[m] = d["id"]
    dt_ig = [dt_ig[i] or (dtm[i] == 0 and out_area(d["area"])) for i, d in enumerate(dts)]
    return [d["score"] for d in dts], dtm, dt_ig, g_ig


def coco_map(gts, dts, cats, n_images, thr):
    rec_thrs = np.linspace(0.0, 1.00, 101)
    precision = -np.ones((101, len(cats)))
    for k, cat in enumerate(cats):
        evals = []
        for img in range(n_images):
            g = [x for x in gts if x["image"] == img and x["category"] == cat]
            d = [x for x in dts if x["image"] == img and x["category"] == cat]
            if g or d:
                evals.append(coco_eval_image(g, d, thr))
        if not evals:
            continue
        scores = np.concatenate([e[0] for e in evals]).astype(float)
        inds = np.argsort(-scores, kind="mergesort")
        dtm = np.concatenate([e[1] for e in evals]).astype(float)[inds]
        dt_ig = np.concatenate([e[2] for e in evals]).astype(bool)[inds]
        npig = sum(1 for e in evals for x in e[3] if not x)
        if npig == 0:
            continue
        tp = np.cumsum(np.logical_and(dtm != 0, ~dt_ig)).astype(float)
        fp = np.cumsum(np.logical_and(dtm == 0, ~dt_ig)).astype(float)
        rc = tp / npig
        pr = list(tp / (fp + tp + np.spacing(1)))
        for i in range(len(pr) - 1, 0, -1):
            if pr[i] > pr[i - 1]:
                pr[i - 1] = pr[i]
        q = np.zeros(101)
        for ri, pi in enumerate(np.searchsorted(rc, rec_thrs, side="left")):
            if pi >= len(pr):
                break
            q[ri] = pr[pi]
        precision[:, k] = q
    sel = precision[precision > -1]
    return -1.0 if len(sel) == 0 else np.mean(sel)


def vinbigdata(sub, ans):
    for col in ("PredictionString", "image_id"):
        if col not in sub.columns:
            raise Invalid(col)
    if set(sub["image_id"]) != set(ans["image_id"]):
        raise Invalid("image ids")
    images = list(dict.fromkeys(ans["image_id"]))
    index = {im: i for i, im in enumerate(images)}
    gts = []
    for im in images:
        for _, row in ans[ans["image_id"] == im].iterrows():
            box = [row["x_min"], row["y_min"], row["x_max"], row["y_max"]]
            gts.append({"image": index[im], "category": int(row["class_id"]), "bbox": box,
                        "area": (box[2] - box[0]) * (box[3] - box[1]), "id": len(gts)})
    dts = []
    for im, text in zip(sub["image_id"], sub["PredictionString"]):
        vals = np.array([float(t) for t in text.split(" ")]).reshape(-1, 6)
        for v in vals:
            dts.append({"image": index[im], "category": int(v[0]), "score": v[1], "bbox": list(v[2:6]),
                        "area": (v[4] - v[2]) * (v[5] - v[3]), "id": len(dts)})
    cats = sorted(set(int(c) for c in ans["class_id"]))
    return coco_map(gts, [d for d in dts if d["category"] in cats], cats, len(images), 0.4)


GRADERS = {
    "tgs-salt-identification-challenge": tgs_salt,
    "icecube-neutrinos-in-deep-ice": icecube,
    "osic-pulmonary-fibrosis-progression": osic,
    "smartphone-decimeter-2022": smartphone,
    "google-research-identify-contrails-reduce-global-warming": contrails,
    "hubmap-kidney-segmentation": hubmap,
    "vesuvius-challenge-ink-detection": vesuvius,
    "kuzushiji-recognition": kuzushiji,
    "uw-madison-gi-tract-image-segmentation": uw_madison,
    "siim-covid19-detection": siim,
    "3d-object-detection-for-autonomous-vehicles": lyft,
    "vinbigdata-chest-xray-abnormalities-detection": vinbigdata,
}
ANSWER_READERS = {}
