// spaceship-titanic: accuracy of Transported (True/False), paired by PassengerId ('gggg_pp'), through
// the reference's accuracy helper (src/grading/blocks/accuracy-helper.ts) and scikit-learn's label rules.
// Quirks: pandas reads True/TRUE/true (and False...) as booleans, and 1/0 equal True/False, so those are
// accepted; an empty cell makes the column a True/False/NaN mix (invalid); 'yes'/'no' (two text labels
// against two booleans) cannot be sorted together (invalid); three or more distinct text labels are a
// valid 'multiclass' column in which nothing equals a boolean (score 0.0, as the reference reports).

import { accuracyGrader } from "../src/grading/blocks/accuracy-helper.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = accuracyGrader({
  id: "spaceship-titanic",
  idColumn: "PassengerId",
  targetColumn: "Transported",
});
