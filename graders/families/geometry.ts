// The graders of MLE-bench's geometry family (rules: shared/mlebench/full-grading/g1-geometry.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";
import { grader as lyft3d } from "../3d-object-detection-for-autonomous-vehicles.js";
import { grader as contrails } from "../google-research-identify-contrails-reduce-global-warming.js";
import { grader as hubmap } from "../hubmap-kidney-segmentation.js";
import { grader as icecube } from "../icecube-neutrinos-in-deep-ice.js";
import { grader as kuzushiji } from "../kuzushiji-recognition.js";
import { grader as osic } from "../osic-pulmonary-fibrosis-progression.js";
import { grader as siimCovid } from "../siim-covid19-detection.js";
import { grader as smartphone } from "../smartphone-decimeter-2022.js";
import { grader as tgsSalt } from "../tgs-salt-identification-challenge.js";
import { grader as uwMadison } from "../uw-madison-gi-tract-image-segmentation.js";
import { grader as vesuvius } from "../vesuvius-challenge-ink-detection.js";
import { grader as vinbigdata } from "../vinbigdata-chest-xray-abnormalities-detection.js";

export const G1_GRADERS: readonly Grader[] = [
  tgsSalt,
  osic,
  icecube,
  smartphone,
  contrails,
  hubmap,
  vesuvius,
  kuzushiji,
  uwMadison,
  siimCovid,
  lyft3d,
  vinbigdata,
];
