// The graders of MLE-bench's classification family (rules: shared/mlebench/full-grading/g3-classification.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";
import { grader as alaska2 } from "../alaska2-image-steganalysis.js";
import { grader as cassava } from "../cassava-leaf-disease-classification.js";
import { grader as cdiscount } from "../cdiscount-image-classification-challenge.js";
import { grader as hms } from "../hms-harmful-brain-activity-classification.js";
import { grader as inaturalist } from "../inaturalist-2019-fgvc6.js";
import { grader as invasiveSpecies } from "../invasive-species-monitoring.js";
import { grader as iwildcam } from "../iwildcam-2020-fgvc7.js";
import { grader as lmsys } from "../lmsys-chatbot-arena.js";
import { grader as ml2021spring } from "../ml2021spring-hw2.js";
import { grader as movieReview } from "../movie-review-sentiment-analysis-kernels-only.js";
import { grader as paddy } from "../paddy-disease-classification.js";
import { grader as playgroundS3e18 } from "../playground-series-s3e18.js";
import { grader as rsnaCervical } from "../rsna-2022-cervical-spine-fracture-detection.js";
import { grader as rsnaMiccai } from "../rsna-miccai-brain-tumor-radiogenomic-classification.js";
import { grader as seti } from "../seti-breakthrough-listen.js";
import { grader as spaceship } from "../spaceship-titanic.js";
import { grader as statoil } from "../statoil-iceberg-classifier-challenge.js";
import { grader as tensorflowSpeech } from "../tensorflow-speech-recognition-challenge.js";

export const G3_GRADERS: readonly Grader[] = [
  cassava,
  cdiscount,
  inaturalist,
  iwildcam,
  ml2021spring,
  movieReview,
  paddy,
  spaceship,
  tensorflowSpeech,
  alaska2,
  invasiveSpecies,
  playgroundS3e18,
  rsnaMiccai,
  seti,
  lmsys,
  statoil,
  rsnaCervical,
  hms,
];
