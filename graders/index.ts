// The registry of competition graders: competition id -> Grader. Each grader lives in its own module
// (graders/<competition-id>.ts, exporting `grader`); this file only lists them, so adding a competition
// is one module and one line here.

import { closestMatches } from "../src/config/closest-match.js";
import { BenchError } from "../src/errors.js";
import type { Grader } from "../src/grading/grader.js";
import { grader as aerialCactus } from "./aerial-cactus-identification.js";
import { grader as aptos } from "./aptos2019-blindness-detection.js";
import { grader as demoBinaryAuc } from "./demo-binary-auc.js";
import { grader as demoMulticlassLogloss } from "./demo-multiclass-logloss.js";
import { grader as demoRegressionRmse } from "./demo-regression-rmse.js";
import { grader as denoising } from "./denoising-dirty-documents.js";
import { grader as insults } from "./detecting-insults-in-social-commentary.js";
import { grader as dogBreed } from "./dog-breed-identification.js";
import { grader as dogsVsCats } from "./dogs-vs-cats-redux-kernels-edition.js";
import { G3_GRADERS } from "./families/classification.js";
import { G1_GRADERS } from "./families/geometry.js";
import { G4_GRADERS } from "./families/regression-and-ranking.js";
import { G2_GRADERS } from "./families/sets-and-text.js";
import { grader as histopathologic } from "./histopathologic-cancer-detection.js";
import { grader as jigsaw } from "./jigsaw-toxic-comment-classification-challenge.js";
import { grader as leaf } from "./leaf-classification.js";
import { grader as mlsp } from "./mlsp-2013-birds.js";
import { grader as nycTaxi } from "./new-york-city-taxi-fare-prediction.js";
import { grader as nomad } from "./nomad2018-predict-transparent-conductors.js";
import { grader as plantPathology } from "./plant-pathology-2020-fgvc7.js";
import { grader as pizza } from "./random-acts-of-pizza.js";
import { grader as ranzcr } from "./ranzcr-clip-catheter-line-classification.js";
import { grader as siim } from "./siim-isic-melanoma-classification.js";
import { grader as spooky } from "./spooky-author-identification.js";
import { grader as tabularDec2021 } from "./tabular-playground-series-dec-2021.js";
import { grader as tabularMay2022 } from "./tabular-playground-series-may-2022.js";
import { grader as textNormalizationEnglish } from "./text-normalization-challenge-english-language.js";
import { grader as textNormalizationRussian } from "./text-normalization-challenge-russian-language.js";
import { grader as whale } from "./the-icml-2013-whale-challenge-right-whale-redux.js";

const ALL: readonly Grader[] = [
  // MLE-bench Lite (experiments/splits/low.txt), in that file's order.
  aerialCactus,
  aptos,
  denoising,
  insults,
  dogBreed,
  dogsVsCats,
  histopathologic,
  jigsaw,
  leaf,
  mlsp,
  nycTaxi,
  nomad,
  plantPathology,
  pizza,
  ranzcr,
  siim,
  spooky,
  tabularDec2021,
  tabularMay2022,
  textNormalizationEnglish,
  textNormalizationRussian,
  whale,
  // The rest of MLE-bench (shared/mlebench/full-grading/), one list per family.
  ...G1_GRADERS,
  ...G2_GRADERS,
  ...G3_GRADERS,
  ...G4_GRADERS,
  // Bundled demo competitions.
  demoBinaryAuc,
  demoMulticlassLogloss,
  demoRegressionRmse,
];

export const GRADERS: ReadonlyMap<string, Grader> = new Map(ALL.map((grader) => [grader.id, grader]));

/** The grader of competition `id`; a COMPETITION_NOT_GRADABLE error (with near misses) when there is none. */
export function getGrader(id: string): Grader {
  const grader = GRADERS.get(id);
  if (grader !== undefined) return grader;
  const near = closestMatches(id, GRADERS.keys());
  throw new BenchError("COMPETITION_NOT_GRADABLE", `No grader for competition "${id}".`, {
    hint:
      near.length > 0
        ? `Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?`
        : "`bench competitions list --split all` shows which competitions bench can grade; see graders/index.ts.",
  });
}
