// tensorflow-speech-recognition-challenge: accuracy of the spoken word, paired by fname, through the
// reference's accuracy helper (src/grading/blocks/accuracy-helper.ts): exact, case-sensitive text
// equality. Quirk: the answers hold the RAW training folder name (one of 30 words or
// '_background_noise_'), so the competition's own labels 'unknown' and 'silence' never match, and the
// sample submission (all 'silence') scores 0.0. An empty label mixes text with NaN: invalid.

import { accuracyGrader } from "../src/grading/blocks/accuracy-helper.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = accuracyGrader({
  id: "tensorflow-speech-recognition-challenge",
  idColumn: "fname",
  targetColumn: "label",
});
