// The quirks of the geometry family's graders that a user would notice (g1-geometry.md), one or two
// per competition, on hand-made files whose scores are computed by hand. graders/parity-geometry.test.ts
// checks the same graders against the Python re-implementation on many seeded files.

import { describe, expect, it } from "vitest";
import { grader as lyft } from "./3d-object-detection-for-autonomous-vehicles.js";
import { grader as contrails } from "./google-research-identify-contrails-reduce-global-warming.js";
import { grader as hubmap } from "./hubmap-kidney-segmentation.js";
import { grader as icecube } from "./icecube-neutrinos-in-deep-ice.js";
import { grader as kuzushiji } from "./kuzushiji-recognition.js";
import { grader as osic } from "./osic-pulmonary-fibrosis-progression.js";
import { grader as siim } from "./siim-covid19-detection.js";
import { grader as smartphone } from "./smartphone-decimeter-2022.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";
import { grader as tgs } from "./tgs-salt-identification-challenge.js";
import { grader as uw } from "./uw-madison-gi-tract-image-segmentation.js";
import { grader as vesuvius } from "./vesuvius-challenge-ink-detection.js";
import { grader as vinbigdata } from "./vinbigdata-chest-xray-abnormalities-detection.js";

const lines = (...rows: string[]) => `${rows.join("\n")}\n`;
const noteOf = (error: unknown) => (error as { referenceNote?: string }).referenceNote ?? "";

describe("tgs-salt-identification-challenge", () => {
  const answers = lines("id,rle_mask", "aaaaaaaaaa,1 6000", "bbbbbbbbbb,");
  it("counts an empty prediction as the full image (the reference's histogram artefact)", () => {
    // image a: IoU = 6000/10201 = 0.588 > 0.5, 0.55 -> 0.2; image b: empty on empty -> 1
    expect(
      expectValid(gradeCsv(tgs, answers, lines("id,rle_mask", "aaaaaaaaaa,", "bbbbbbbbbb,"))).score,
    ).toBeCloseTo(0.6, 15);
  });
  it("rejects an extra column and a column of single integers", () => {
    expect(
      expectInvalid(gradeCsv(tgs, answers, lines("id,rle_mask,x", "aaaaaaaaaa,,1", "bbbbbbbbbb,,1"))).message,
    ).toMatch(/exactly the columns/);
    expect(
      expectInvalid(gradeCsv(tgs, answers, lines("id,rle_mask", "aaaaaaaaaa,5", "bbbbbbbbbb,7"))).message,
    ).toMatch(/read as a number/);
  });
});

describe("segmentation by Dice", () => {
  it("contrails: one global Dice, '-' for an empty mask, a blank cell rejected", () => {
    const answers = lines("record_id,encoded_pixels,height,width", "1,1 10,4,4", "2,-,4,4");
    // 10 true pixels; predicted 5 of them plus 5 on the empty image: 2*5/(10+10)
    expect(
      expectValid(gradeCsv(contrails, answers, lines("record_id,encoded_pixels", "1,1 5", "2,1 5"))).score,
    ).toBe(0.5);
    expect(
      expectInvalid(gradeCsv(contrails, answers, lines("record_id,encoded_pixels", "1,1 5", "2,"))).message,
    ).toMatch(/write "-"/);
  });
  it("hubmap: an image where both masks are empty scores 1", () => {
    const answers = lines("id,encoding,width_pixels,height_pixels", "a,,3,3", "b,1 4,3,3");
    expect(expectValid(gradeCsv(hubmap, answers, lines("id,predicted", "a,", "b,1 2"))).score).toBeCloseTo(
      (1 + 4 / 6) / 2,
      15,
    );
  });
  it("vesuvius: rows are matched by position, so swapped rows are invalid", () => {
    const answers = lines("Id,Predicted,width,height", "a,1 4,4,4", "b,1 4,4,4");
    expect(
      expectValid(gradeCsv(vesuvius, answers, lines("Id,Predicted", "a,1 4", "b,1 2"))).score,
    ).toBeCloseTo((1 + (1.25 * 2) / (1.25 * 2 + 0.25 * 2)) / 2, 15);
    expect(
      expectInvalid(gradeCsv(vesuvius, answers, lines("Id,Predicted", "b,1 2", "a,1 4"))).message,
    ).toMatch(/matched by position/);
  });
});

describe("uw-madison-gi-tract-image-segmentation", () => {
  const answers = lines(
    "id,class,predicted,image_width,image_height",
    "case1_day1_slice_0001,stomach,1 4,4.0,4.0",
    "case1_day1_slice_0002,stomach,,4.0,4.0",
  );
  it("scores a perfect file 1 and rejects a reordered one with the reference's number", () => {
    const perfect = lines(
      "id,class,predicted",
      "case1_day1_slice_0001,stomach,1 4",
      "case1_day1_slice_0002,stomach,",
    );
    expect(expectValid(gradeCsv(uw, answers, perfect)).score).toBe(1);
    const swapped = lines(
      "id,class,predicted",
      "case1_day1_slice_0002,stomach,",
      "case1_day1_slice_0001,stomach,1 4",
    );
    expect(noteOf(expectInvalid(gradeCsv(uw, answers, swapped)))).toMatch(/would report 0\b/);
  });
  it("says the reference would report NaN for a header-only file", () => {
    expect(noteOf(expectInvalid(gradeCsv(uw, answers, "id,class,predicted\n")))).toMatch(/NaN/);
  });
});

describe("tabular geometry", () => {
  it("icecube: requires exactly the three columns", () => {
    const answers = lines("event_id,azimuth,zenith", "1,0.5,1.0");
    expect(
      expectValid(gradeCsv(icecube, answers, lines("event_id,azimuth,zenith", "1.0,0.5,1.0"))).score,
    ).toBeCloseTo(0, 7);
    expect(
      expectInvalid(gradeCsv(icecube, answers, lines("event_id,azimuth,zenith,x", "1,0.5,1.0,2"))).message,
    ).toMatch(/unexpected column/);
  });
  it("smartphone: rejects rows reordered inside a trip, giving the reference's positional score", () => {
    const answers = lines(
      "tripId,UnixTimeMillis,LatitudeDegrees,LongitudeDegrees",
      "t,1,37,-122",
      "t,2,37.001,-122",
    );
    const swapped = lines(
      "tripId,UnixTimeMillis,LatitudeDegrees,LongitudeDegrees",
      "t,2,37.001,-122",
      "t,1,37,-122",
    );
    const error = expectInvalid(gradeCsv(smartphone, answers, swapped));
    expect(error.message).toMatch(/sample submission's order/);
    expect(noteOf(error)).toMatch(/would report 111\.19/);
  });
  it("osic: scores only the 3 latest measured weeks per patient, and caps errors at 1000", () => {
    const answers = lines(
      "Patient,Weeks,FVC,Percent,Age,Sex,SmokingStatus,Patient_Week,Confidence",
      ...[1, 2, 3, 4].map((w) => `P,${w},${2000 + w},50,70,Male,Ex-smoker,P_${w},100`),
      "P,5,,,,,,P_5,100",
    );
    const sub = lines(
      "Patient_Week,FVC,Confidence",
      "P_1,0,70",
      "P_2,2002,70",
      "P_3,2003,70",
      "P_4,9999,70",
      "P_5,0,70",
    );
    const best = -Math.log(70 * Math.SQRT2);
    expect(expectValid(gradeCsv(osic, answers, sub)).score).toBeCloseTo(
      (2 * best + best - (Math.SQRT2 * 1000) / 70) / 3,
      12,
    );
  });
});

describe("detection", () => {
  it("kuzushiji: a point on the box edge is not a match", () => {
    const answers = lines("image_id,labels", "p1,U+3042 10 10 20 20");
    expect(expectValid(gradeCsv(kuzushiji, answers, lines("image_id,labels", "p1,U+3042 15 15"))).score).toBe(
      1,
    );
    expect(expectValid(gradeCsv(kuzushiji, answers, lines("image_id,labels", "p1,U+3042 10 15"))).score).toBe(
      0,
    );
  });
  it("siim: IoU of exactly 0.5 is not a match", () => {
    const answers = lines("id,PredictionString", "a_image,opacity 1 0 0 10 10", "b_image,none 1 0 0 1 1");
    // the box [0,0,10,5] has IoU 0.5 with [0,0,10,10]: an FP, so opacity AP = 0 + its (1, 0) pair at score 0
    const half = lines("id,PredictionString", "a_image,opacity 0.9 0 0 10 5", "b_image,none 1 0 0 1 1");
    const full = lines("id,PredictionString", "a_image,opacity 0.9 0 0 10 10", "b_image,none 1 0 0 1 1");
    expect(expectValid(gradeCsv(siim, answers, full)).score).toBeGreaterThan(
      expectValid(gradeCsv(siim, answers, half)).score,
    );
  });
  it("vinbigdata: the answers' first box can never be a true positive", () => {
    const answers = lines(
      "image_id,class_id,class_name,rad_id,x_min,y_min,x_max,y_max",
      "a,0,A,R1,10,10,50,50",
      "b,0,A,R1,10,10,50,50",
    );
    const perfect = lines("image_id,PredictionString", "a,0 0.9 10 10 50 50", "b,0 0.8 10 10 50 50");
    // ranked: a (matched to id 0, an FP) then b (TP): precision 0.5 up to recall 0.5
    expect(expectValid(gradeCsv(vinbigdata, answers, perfect)).score).toBeCloseTo((51 * 0.5) / 101, 12);
  });
  it("3d: objects of classes absent from the sample's answers are ignored, even degenerate ones", () => {
    const answers = lines("Id,PredictionString", "s1,1.0 0 0 0 2 4 1.5 0 car");
    const perfect = "1.0 0 0 0 2 4 1.5 0 car";
    expect(
      expectValid(
        gradeCsv(lyft, answers, lines("Id,PredictionString", `s1,${perfect} 0.5 1 1 1 0 0 0 0 ghost`)),
      ).score,
    ).toBe(1);
    expect(
      expectInvalid(gradeCsv(lyft, answers, lines("Id,PredictionString", "s1,0.5 1 1 1 0 4 1 0 car")))
        .message,
    ).toMatch(/not positive/);
  });
});
