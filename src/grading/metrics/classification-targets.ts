// scikit-learn's label checks for classification metrics, reproduced so that bench accepts and rejects
// the same label arrays as the reference (accuracy, quadratic weighted kappa, F1).
//
// What scikit-learn 1.5.1 does (checked against scikit-learn with /usr/bin/python3; sklearn/utils/
// multiclass.py and sklearn/metrics/_classification.py):
// - _check_targets(y_true, y_pred), run by every classification metric: lengths must match; each array
//   gets a type_of_target:
//   * numbers: NaN or ±inf -> ValueError ("Input y_pred contains NaN"); any non-whole number (2.5), or a
//     whole number outside int64 (1e20), -> "continuous" -> ValueError. Whole floats (2.0) are labels and
//     equal the integer 2. Booleans are numbers (True == 1).
//   * strings: always labels (never continuous).
//   * ONE array mixing strings and numbers (in pandas: an object column, e.g. strings plus a NaN cell) ->
//     error either way: "unknown" type when the first value is not a string, a TypeError from sorting
//     otherwise.
//   * <= 2 distinct values -> "binary", more -> "multiclass"; binary + multiclass -> multiclass.
//   * If BOTH arrays are binary, numpy.union1d sorts their union: strings against numbers raise TypeError
//     ("Labels in y_true and y_pred should be of the same type").
// - So accuracy with numeric y_true and string y_pred is VALID when either side has more than two
//   distinct labels: nothing is equal ('2' != 2) and the score is 0.0 (tabular-playground-series-
//   dec-2021). With two or fewer labels on both sides it is invalid.
// - unique_labels(y_true, y_pred), run by confusion_matrix (kappa) and by F1, rejects any mix of string
//   and number labels ACROSS the two arrays: "Mix of label input types (string and number)". So kappa
//   and F1 reject numeric y_true against string y_pred, where accuracy may not. (It is not only a mix
//   inside one array that raises, as one might read the docs.)
// - Empty arrays: scikit-learn lets them through (accuracy NaN, kappa NaN); bench rejects them, since a
//   grader never scores zero rows.

import { excerpt } from "../input-excerpt.js";
import { assertNonEmpty, assertSameLength, describeNumber, isIntegralLabel } from "./input-checks.js";
import { MetricInputError } from "./metric-input-error.js";

export type LabelValue = number | string | boolean;
/** A label column as pandas would hand it over: numbers (any typed array too), strings, or booleans. */
export type LabelArray = readonly LabelValue[] | ArrayLike<number>;
export type TargetType = "binary" | "multiclass";

/** A label array after the type checks: all numbers (booleans become 0/1) or all strings. */
export type CheckedLabels =
  | { readonly kind: "number"; readonly values: ArrayLike<number> }
  | { readonly kind: "string"; readonly values: readonly string[] };

function describeLabel(v: LabelValue): string {
  return typeof v === "string" ? excerpt(v) : typeof v === "number" ? describeNumber(v) : String(v);
}

/** Splits an array into all-number or all-string labels; a mix is an error, as in scikit-learn. */
function classifyLabels(values: LabelArray, name: string): CheckedLabels {
  let firstString = -1;
  let firstNumber = -1;
  let firstBoolean = -1;
  for (let i = 0; i < values.length; i++) {
    const t = typeof values[i];
    if (t === "number") {
      if (firstNumber < 0) firstNumber = i;
    } else if (t === "string") {
      if (firstString < 0) firstString = i;
    } else if (t === "boolean") {
      if (firstBoolean < 0) firstBoolean = i;
    } else {
      throw new MetricInputError(`${name} holds a ${t} at position ${i}: labels must be numbers or strings`, {
        argument: name,
        position: i,
      });
    }
  }
  const kinds = [firstNumber, firstString, firstBoolean].filter((p) => p >= 0);
  if (kinds.length > 1) {
    const [a, b] = kinds.sort((x, y) => x - y) as [number, number];
    throw new MetricInputError(
      `${name} mixes label types: position ${a} holds ${describeLabel(values[a] as LabelValue)} but ` +
        `position ${b} holds ${describeLabel(values[b] as LabelValue)}. Mix of label input types ` +
        "(string and number): every label in a column must be a number, or every one a string",
      { argument: name, position: b },
    );
  }
  if (firstString >= 0) return { kind: "string", values: values as readonly string[] };
  if (firstBoolean >= 0) {
    const numbers = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) numbers[i] = values[i] ? 1 : 0;
    return { kind: "number", values: numbers };
  }
  return { kind: "number", values: values as ArrayLike<number> };
}

/** type_of_target for a checked 1-D label array: binary or multiclass, or an error. */
function targetType(labels: CheckedLabels, name: string): TargetType {
  if (labels.kind === "number") {
    const v = labels.values;
    let firstNaN = -1;
    let firstInfinite = -1;
    let firstContinuous = -1;
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as number;
      if (Number.isNaN(x)) {
        firstNaN = i;
        break; // NaN is reported first, whatever else is there
      }
      if (!Number.isFinite(x)) {
        if (firstInfinite < 0) firstInfinite = i;
      } else if (firstContinuous < 0 && !isIntegralLabel(x)) firstContinuous = i;
    }
    const bad = firstNaN >= 0 ? firstNaN : firstInfinite >= 0 ? firstInfinite : firstContinuous;
    if (bad >= 0) {
      const x = v[bad] as number;
      const why =
        bad === firstContinuous
          ? ": class labels must be whole numbers or strings (scikit-learn sees a continuous target)"
          : "";
      throw new MetricInputError(`${name} contains ${describeNumber(x)} at position ${bad}${why}`, {
        argument: name,
        position: bad,
      });
    }
  }
  return distinctUpTo3(labels.values).length <= 2 ? "binary" : "multiclass";
}

/** Up to three distinct values: enough to tell binary from multiclass without a full scan. */
function distinctUpTo3(values: ArrayLike<number | string>): (number | string)[] {
  const seen: (number | string)[] = [];
  for (let i = 0; i < values.length && seen.length < 3; i++) {
    const x = values[i] as number | string;
    if (!seen.includes(x)) seen.push(x); // includes() uses SameValueZero: -0 equals 0, like numpy
  }
  return seen;
}

/** The result of _check_targets: the combined type and the two arrays with booleans turned to numbers. */
export interface CheckedTargets {
  readonly type: TargetType;
  readonly yTrue: CheckedLabels;
  readonly yPred: CheckedLabels;
}

/** scikit-learn's _check_targets for 1-D labels, returning the checked arrays for the metric to use. */
export function checkTargets(
  yTrue: LabelArray,
  yPred: LabelArray,
  names: readonly [string, string] = ["y_true", "y_pred"],
): CheckedTargets {
  const [trueName, predName] = names;
  assertSameLength(yTrue, yPred, trueName, predName);
  assertNonEmpty(yTrue, trueName);
  const trueLabels = classifyLabels(yTrue, trueName);
  const predLabels = classifyLabels(yPred, predName);
  const trueType = targetType(trueLabels, trueName);
  const predType = targetType(predLabels, predName);
  let type: TargetType = trueType === "binary" && predType === "binary" ? "binary" : "multiclass";
  if (type === "binary") {
    if (trueLabels.kind !== predLabels.kind) {
      throw new MetricInputError(
        `Labels in ${trueName} and ${predName} should be of the same type: ${trueName} holds ` +
          `${trueLabels.kind}s and ${predName} holds ${predLabels.kind}s (e.g. the number 1 never equals ` +
          'the string "1"). Write the labels the same way as in the answers',
      );
    }
    const union = [...distinctUpTo3(trueLabels.values), ...distinctUpTo3(predLabels.values)];
    if (distinctUpTo3(union).length > 2) type = "multiclass";
  }
  return { type, yTrue: trueLabels, yPred: predLabels };
}

/**
 * scikit-learn's _check_targets(y_true, y_pred) for 1-D labels: returns "binary" or "multiclass", or
 * throws MetricInputError where scikit-learn raises (see the module header for the exact rules).
 */
export function checkClassificationTargets(yTrue: LabelArray, yPred: LabelArray): TargetType {
  return checkTargets(yTrue, yPred).type;
}

/** Python's sorted() order for str: by code point (JS's default sort compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
}

/**
 * scikit-learn's unique_labels(y_true, y_pred) after _check_targets: the sorted union of the labels
 * present. Throws "Mix of label input types (string and number)" when one array holds numbers and the
 * other strings.
 */
export function uniqueLabels(
  targets: CheckedTargets,
  names: readonly [string, string] = ["y_true", "y_pred"],
): readonly number[] | readonly string[] {
  const { yTrue, yPred } = targets;
  if (yTrue.kind !== yPred.kind) {
    throw new MetricInputError(
      `${names[0]} holds ${yTrue.kind}s but ${names[1]} holds ${yPred.kind}s: Mix of label input types ` +
        "(string and number). Write the labels the same way as in the answers",
    );
  }
  if (yTrue.kind === "number" && yPred.kind === "number") {
    const set = new Set<number>();
    for (let i = 0; i < yTrue.values.length; i++) set.add((yTrue.values[i] as number) + 0);
    for (let i = 0; i < yPred.values.length; i++) set.add((yPred.values[i] as number) + 0);
    return [...set].sort((a, b) => a - b);
  }
  const set = new Set<string>();
  for (const v of yTrue.values as readonly string[]) set.add(v);
  for (const v of yPred.values as readonly string[]) set.add(v);
  return [...set].sort(compareCodePoints);
}
