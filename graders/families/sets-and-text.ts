// The graders of MLE-bench's sets and text family (rules: shared/mlebench/full-grading/g2-sets-and-text.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";
import { grader as billionWord } from "../billion-word-imputation.js";
import { grader as bms } from "../bms-molecular-translation.js";
import { grader as chaii } from "../chaii-hindi-and-tamil-question-answering.js";
import { grader as facebook } from "../facebook-recruiting-iii-keyword-extraction.js";
import { grader as handm } from "../h-and-m-personalized-fashion-recommendations.js";
import { grader as herbarium2020 } from "../herbarium-2020-fgvc7.js";
import { grader as herbarium2021 } from "../herbarium-2021-fgvc8.js";
import { grader as herbarium2022 } from "../herbarium-2022-fgvc9.js";
import { grader as hotelId } from "../hotel-id-2021-fgvc8.js";
import { grader as imet } from "../imet-2020-fgvc7.js";
import { grader as iwildcam } from "../iwildcam-2019-fgvc6.js";
import { grader as gestures } from "../multi-modal-gesture-recognition.js";
import { grader as plantPathology2021 } from "../plant-pathology-2021-fgvc8.js";
import { grader as plantSeedlings } from "../plant-seedlings-classification.js";
import { grader as rsna } from "../rsna-breast-cancer-detection.js";
import { grader as tf2qa } from "../tensorflow2-question-answering.js";
import { grader as tweet } from "../tweet-sentiment-extraction.js";
import { grader as whale } from "../whale-categorization-playground.js";

export const G2_GRADERS: readonly Grader[] = [
  facebook,
  herbarium2020,
  herbarium2021,
  herbarium2022,
  imet,
  iwildcam,
  plantPathology2021,
  plantSeedlings,
  tf2qa,
  rsna,
  handm,
  hotelId,
  whale,
  chaii,
  tweet,
  billionWord,
  bms,
  gestures,
];
