// cassava-leaf-disease-classification: accuracy of the disease class (int 0..4), paired by image_id ('<digits>.jpg').
// Scored by the reference's accuracy helper (src/grading/blocks/accuracy-helper.ts) with scikit-learn's
// label rules: NaN and non-whole numbers are invalid, whole floats (3.0) equal the integer labels, and a
// column that one non-numeric cell turned into text is rejected with the reference's score in the note.

import { accuracyGrader } from "../src/grading/blocks/accuracy-helper.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = accuracyGrader({
  id: "cassava-leaf-disease-classification",
  idColumn: "image_id",
  targetColumn: "label",
});
