// ml2021spring-hw2: accuracy of the phoneme class (int 0..38) per frame, paired by Id (0..N-1).
// Scored by the reference's accuracy helper (src/grading/blocks/accuracy-helper.ts) with scikit-learn's
// label rules: NaN and non-whole numbers are invalid, whole floats (3.0) equal the integer labels, and a
// column that one non-numeric cell turned into text is rejected with the reference's score in the note.

import { accuracyGrader } from "../src/grading/blocks/accuracy-helper.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = accuracyGrader({
  id: "ml2021spring-hw2",
  idColumn: "Id",
  targetColumn: "ClassId",
});
