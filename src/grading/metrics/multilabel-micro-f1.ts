// Micro-averaged F1 over multi-label rows, as scikit-learn 1.5.1 computes it after
// MultiLabelBinarizer(classes=sorted(C)): the vocabulary C is the answers' tokens only, so a predicted
// token outside C is dropped (scikit-learn only warns) and is never a false positive; a token repeated
// within a row counts once (indicator matrix). F1 = 2TP / (2TP + FP + FN), 0 when that is 0.

export interface MultilabelCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/**
 * Counts over rows paired by position: `actual(r)` and `predicted(r)` give the token lists of row r.
 * `vocabulary` is C (defaults to every token of the actual rows).
 */
export function multilabelCounts(
  rows: number,
  actual: (row: number) => readonly string[],
  predicted: (row: number) => readonly string[],
  vocabulary?: ReadonlySet<string>,
): MultilabelCounts {
  let known = vocabulary;
  if (known === undefined) {
    const all = new Set<string>();
    for (let r = 0; r < rows; r++) for (const token of actual(r)) all.add(token);
    known = all;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let r = 0; r < rows; r++) {
    const truth = new Set(actual(r));
    const guessed = new Set<string>();
    for (const token of predicted(r)) if (known.has(token)) guessed.add(token);
    for (const token of guessed) {
      if (truth.has(token)) tp++;
      else fp++;
    }
    for (const token of truth) if (!guessed.has(token)) fn++;
  }
  return { tp, fp, fn };
}

/** F1 from pooled counts: 2TP / (2TP + FP + FN), 0.0 for an empty denominator. */
export function microF1({ tp, fp, fn }: MultilabelCounts): number {
  const denominator = 2 * tp + fp + fn;
  return denominator === 0 ? 0 : (2 * tp) / denominator;
}
