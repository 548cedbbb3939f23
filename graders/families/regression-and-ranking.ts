// The graders of MLE-bench's regression and ranking family (rules: shared/mlebench/full-grading/g4-regression-and-ranking.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";
import { grader as ai4code } from "../AI4Code.js";
import { grader as champs } from "../champs-scalar-coupling.js";
import { grader as freesound } from "../freesound-audio-tagging-2019.js";
import { grader as googleQuest } from "../google-quest-challenge.js";
import { grader as jigsawBias } from "../jigsaw-unintended-bias-in-toxicity-classification.js";
import { grader as essayScoring } from "../learning-agency-lab-automated-essay-scoring-2.js";
import { grader as nflContact } from "../nfl-player-contact-detection.js";
import { grader as petfinder } from "../petfinder-pawpularity-score.js";
import { grader as volcanic } from "../predict-volcanic-eruptions-ingv-oe.js";
import { grader as stanfordCovid } from "../stanford-covid-vaccine.js";
import { grader as usPatent } from "../us-patent-phrase-to-phrase-matching.js";
import { grader as ventilator } from "../ventilator-pressure-prediction.js";

export const G4_GRADERS: readonly Grader[] = [
  ai4code,
  champs,
  freesound,
  googleQuest,
  jigsawBias,
  essayScoring,
  nflContact,
  petfinder,
  volcanic,
  stanfordCovid,
  usPatent,
  ventilator,
];
