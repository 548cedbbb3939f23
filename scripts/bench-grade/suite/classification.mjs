// Benchmark cases for the classification family (shared/mlebench/full-grading/g3-classification.md): for
// each of the 18 competitions, answers at the path its competition.yaml names and one plausible valid
// submission, at the upstream size times `scale`. Files are written in ~1 MiB chunks (never one giant
// string). Values are shaped like the real ones (10-digit category ids, hex and UUID-like ids, top-5 label
// lists, repeated eeg_ids with vote counts, melted row_ids) so that parsing, joins and metrics do the work
// they do on real data. The largest is cdiscount (706,990 rows, ~5,270 classes).
//
//   export const CASES = [{ id, rows, generate({ dataDir, random, scale }) }]
// generate() returns { submission: <absolute path> }.

import { LABEL_CASES } from "./classification/label-cases.mjs";
import { SCORE_CASES } from "./classification/score-cases.mjs";

export const CASES = [...LABEL_CASES, ...SCORE_CASES];
