// cdiscount-image-classification-challenge: accuracy of the 10-digit category id, paired by _id (706,990 rows upstream; ids and categories are exact in a double).
// Scored by the reference's accuracy helper (src/grading/blocks/accuracy-helper.ts) with scikit-learn's
// label rules: NaN and non-whole numbers are invalid, whole floats (3.0) equal the integer labels, and a
// column that one non-numeric cell turned into text is rejected with the reference's score in the note.

import { accuracyGrader } from "../src/grading/blocks/accuracy-helper.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = accuracyGrader({
  id: "cdiscount-image-classification-challenge",
  idColumn: "_id",
  targetColumn: "category_id",
});
