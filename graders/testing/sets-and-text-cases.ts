// Seeded answers and submissions for the sets-and-text family's parity test (graders/parity-sets-and-
// text.test.ts): for each competition, an answers file and a few dozen submissions, valid ones with
// realistic mistakes, malformed ones the reference rejects, and each quirk of
// shared/mlebench/full-grading/g2-sets-and-text.md.

import { Rng } from "./rng.js";
import { facebook, herbariumLike, imet, plantPathology, plantSeedlings } from "./sets-and-text/labels.js";
import { hAndM, hotelId, rsna, whale } from "./sets-and-text/ranking.js";
import type { FamilyCompetition } from "./sets-and-text/table.js";
import { billionWord, bms, chaii, gestures, tweet } from "./sets-and-text/text.js";
import { tf2qa } from "./sets-and-text/tf2qa.js";

export type { FamilyCase, FamilyCompetition } from "./sets-and-text/table.js";

/** Every competition of the family with its answers and cases, from one seed. */
export function familyCompetitions(seed: number): FamilyCompetition[] {
  const rng = new Rng(seed);
  return [
    facebook(rng),
    herbariumLike(rng, "herbarium-2020-fgvc7", "Id", "Predicted", false, false),
    herbariumLike(rng, "herbarium-2021-fgvc8", "Id", "Predicted", false, false),
    herbariumLike(rng, "herbarium-2022-fgvc9", "Id", "Predicted", false, false),
    imet(rng),
    herbariumLike(rng, "iwildcam-2019-fgvc6", "Id", "Category", true, true),
    plantPathology(rng),
    plantSeedlings(rng),
    tf2qa(rng),
    rsna(rng),
    hAndM(rng),
    hotelId(rng),
    whale(rng),
    chaii(rng),
    tweet(rng),
    billionWord(rng),
    bms(rng),
    gestures(rng),
  ];
}
