// The quirks of the 18 classification graders (g3-classification.md), one block per grader, on small
// hand-written files; graders/parity-classification.test.ts checks the same graders against the Python
// re-implementation on seeded files.

import { describe, expect, it } from "vitest";
import { G3_GRADERS } from "./families/classification.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const grader = (id: string) => {
  const g = G3_GRADERS.find((x) => x.id === id);
  if (g === undefined) throw new Error(`no grader ${id}`);
  return g;
};
const grade = (id: string, answers: string, submission: string) => gradeCsv(grader(id), answers, submission);
const score = (id: string, answers: string, submission: string) =>
  expectValid(grade(id, answers, submission)).score;

describe("accuracy-helper competitions", () => {
  const answers = "image_id,label\n1.jpg,0\n2.jpg,3\n3.jpg,4\n4.jpg,3\n";
  it("cassava: whole floats equal ints; row order irrelevant; one text label is rejected with the reference's 0.0", () => {
    expect(
      score(
        "cassava-leaf-disease-classification",
        answers,
        "image_id,label\n4.jpg,3.0\n1.jpg,0\n2.jpg,3\n3.jpg,1\n",
      ),
    ).toBe(0.75);
    const error = expectInvalid(
      grade(
        "cassava-leaf-disease-classification",
        answers,
        "image_id,label\n1.jpg,0\n2.jpg,3\n3.jpg,4\n4.jpg,x\n",
      ),
    );
    expect(error.message).toMatch(/"x", which is not a class label/);
    expect("referenceNote" in error && error.referenceNote).toMatch(/valid score of 0/);
  });
  it("cdiscount: 10-digit category ids compare exactly; ids written as floats match", () => {
    const a = "_id,category_id\n10,1000010653\n11,1000004079\n12,1000018290\n";
    expect(
      score(
        "cdiscount-image-classification-challenge",
        a,
        "_id,category_id\n10.0,1000010653\n11.0,1000004078\n12.0,1000018290\n",
      ),
    ).toBeCloseTo(2 / 3, 15);
  });
  it("iwildcam: ids are case-sensitive", () => {
    const a = "Id,Category\nab-1,0\ncd-2,5\nef-3,7\n";
    expectInvalid(grade("iwildcam-2020-fgvc7", a, "Id,Category\nAB-1,0\ncd-2,5\nef-3,7\n"));
  });
  it("ml2021spring-hw2: ids numbered from 1 do not match", () => {
    const a = "Id,ClassId\n0,1\n1,2\n2,3\n";
    expect(expectInvalid(grade("ml2021spring-hw2", a, "Id,ClassId\n1,1\n2,2\n3,3\n")).message).toMatch(
      /not in the test set: 3/,
    );
  });
  it("movie-review: the answers' Phrase text with commas and quotes is never read", () => {
    const a = 'PhraseId,SentenceId,Phrase,Sentiment\n1,1,"good , ""not"" great",3\n2,1,bad,0\n3,2,ok,2\n';
    expect(
      score("movie-review-sentiment-analysis-kernels-only", a, "PhraseId,Sentiment\n3,2\n2,0\n1,1\n"),
    ).toBeCloseTo(2 / 3, 15);
  });
  it("spaceship-titanic: true/1 equal True, yes/no is invalid, three text labels score 0", () => {
    const a = "PassengerId,HomePlanet,Transported\n0001_01,Earth,True\n0002_01,,False\n0003_01,Mars,True\n";
    const s = (col: string[]) =>
      `PassengerId,Transported\n0001_01,${col[0]}\n0002_01,${col[1]}\n0003_01,${col[2]}\n`;
    expect(score("spaceship-titanic", a, s(["true", "false", "TRUE"]))).toBe(1);
    expect(score("spaceship-titanic", a, s(["1", "0", "0"]))).toBeCloseTo(2 / 3, 15);
    expectInvalid(grade("spaceship-titanic", a, s(["yes", "no", "yes"])));
    expect(score("spaceship-titanic", a, s(["yes", "no", "maybe"]))).toBe(0);
    expectInvalid(grade("spaceship-titanic", a, s(["True", "", "True"])));
  });
  it("tensorflow-speech: 'silence' and 'unknown' never match the raw words", () => {
    const a =
      "fname,label\nclip_00000001.wav,bed\nclip_00000002.wav,yes\nclip_00000003.wav,_background_noise_\n";
    const s = (l: string) =>
      `fname,label\nclip_00000001.wav,${l}\nclip_00000002.wav,yes\nclip_00000003.wav,silence\n`;
    expect(score("tensorflow-speech-recognition-challenge", a, s("unknown"))).toBeCloseTo(1 / 3, 15);
    expect(score("tensorflow-speech-recognition-challenge", a, s("bed"))).toBeCloseTo(2 / 3, 15);
  });
});

describe("paddy-disease-classification", () => {
  const a =
    "image_id,label,variety,age\n100001.jpg,blast,ADT45,45\n100002.jpg,hispa,ADT45,50\n100003.jpg,normal,ADT45,60\n";
  it("accepts blank labels as wrong (the blank sample submission scores 0)", () => {
    expect(
      score("paddy-disease-classification", a, "image_id,label\n100001.jpg,\n100002.jpg,\n100003.jpg,\n"),
    ).toBe(0);
    const outcome = expectValid(
      grade(
        "paddy-disease-classification",
        a,
        "image_id,label\n100001.jpg,blast\n100002.jpg,\n100003.jpg,normal\n",
      ),
    );
    expect(outcome.score).toBeCloseTo(2 / 3, 15);
    expect(outcome.notes.join()).toMatch(/1 empty label/);
  });
  it("is case-sensitive, scores class indices 0 with a note, rejects numbers mixed with blanks", () => {
    expect(
      score(
        "paddy-disease-classification",
        a,
        "image_id,label\n100001.jpg,Blast\n100002.jpg,hispa\n100003.jpg,normal\n",
      ),
    ).toBeCloseTo(2 / 3, 15);
    const indices = expectValid(
      grade("paddy-disease-classification", a, "image_id,label\n100001.jpg,1\n100002.jpg,2\n100003.jpg,3\n"),
    );
    expect(indices.score).toBe(0);
    expect(indices.notes.join()).toMatch(/disease names/);
    expectInvalid(
      grade("paddy-disease-classification", a, "image_id,label\n100001.jpg,1\n100002.jpg,\n100003.jpg,3\n"),
    );
  });
});

describe("inaturalist-2019-fgvc6", () => {
  const a = "id,predicted\n5,12\n6,400\n7,1009\n8,0\n";
  const g = (s: string) => grade("inaturalist-2019-fgvc6", a, s);
  it("is an error rate (perfect = 0) scored on the first token of a top-k list", () => {
    expect(expectValid(g("id,predicted\n5,12\n6,400\n7,1009\n8,0\n")).score).toBe(0);
    expect(expectValid(g("id,predicted\n5,12 1 2\n6,1 400\n7,1009\n8,0 5\n")).score).toBe(0.25);
    expect(expectValid(g('id,predicted\n5," 1_2\t3"\n6,+400\n7,1009\n8,0\n')).score).toBe(0);
  });
  it("rejects a column read as floats (5.0 or a blank cell), True/False, and a non-integer first token", () => {
    expect(expectInvalid(g("id,predicted\n5,12.0\n6,400\n7,1009\n8,0\n")).message).toMatch(/decimal numbers/);
    expectInvalid(g("id,predicted\n5,12\n6,\n7,1009\n8,0\n"));
    expectInvalid(g("id,predicted\n5,True\n6,False\n7,True\n8,False\n"));
    expect(expectInvalid(g("id,predicted\n5,12.0 3\n6,400\n7,1009\n8,0\n")).message).toMatch(/first word/);
  });
});

describe("ROC AUC competitions", () => {
  it("rsna-miccai: zero-padded ids equal their integers", () => {
    const a = "BraTS21ID,MGMT_value\n00012,1\n00005,0\n00100,1\n";
    expect(
      score(
        "rsna-miccai-brain-tumor-radiogenomic-classification",
        a,
        "BraTS21ID,MGMT_value\n12,0.9\n5,0.1\n100,0.8\n",
      ),
    ).toBe(1);
  });
  it("seti and invasive-species reject values outside [0, 1]", () => {
    expectInvalid(grade("seti-breakthrough-listen", "id,target\naa,1\nbb,0\n", "id,target\naa,1.5\nbb,0\n"));
    expectInvalid(
      grade("invasive-species-monitoring", "name,invasive\n1,1\n2,0\n", "name,invasive\n1,-0.1\n2,0\n"),
    );
  });
  it("playground-series-s3e18: only EC1 and EC2, no range check", () => {
    const a = "id,EC1,EC2,EC3\n1,1,0,1\n2,0,1,1\n3,1,1,0\n4,0,0,0\n";
    expect(score("playground-series-s3e18", a, "id,EC2,EC1\n1,-3,7\n2,4,-2\n3,5,9\n4,-1,0\n")).toBe(1);
    expectInvalid(grade("playground-series-s3e18", a, "id,EC1\n1,1\n2,0\n3,1\n4,0\n"));
  });
  it("alaska2: logits are fine; the TPR band [0, 0.4] weighs twice", () => {
    const ids = ["0001.jpg", "0002.jpg", "0003.jpg", "0004.jpg"];
    const a = `Id,Label\n${ids.map((id, i) => `${id},${i % 2}`).join("\n")}\n`;
    expect(
      score(
        "alaska2-image-steganalysis",
        a,
        `Id,Label\n${ids.map((id, i) => `${id},${i % 2 ? 50 : -50}`).join("\n")}\n`,
      ),
    ).toBeCloseTo(1, 12);
    expectInvalid(
      grade(
        "alaska2-image-steganalysis",
        a,
        `Id,Label\n${ids.map((id, i) => `${id.replace(".jpg", "")},${i}`).join("\n")}\n`,
      ),
    );
  });
});

describe("log-loss competitions", () => {
  it("lmsys: rows must sum to 1 at 6 decimals, and are not renormalised", () => {
    const a =
      'id,model_a,prompt,winner_model_a,winner_model_b,winner_tie\n1,m,"[""a, b""]",1,0,0\n2,m,x,0,0,1\n';
    const s = (r1: string) => `id,winner_model_a,winner_model_b,winner_tie\n1,${r1}\n2,0.2,0.3,0.5\n`;
    expect(score("lmsys-chatbot-arena", a, s("0.5,0.2,0.3000004"))).toBeCloseTo(
      (-Math.log(0.5) - Math.log(0.5)) / 2,
      12,
    );
    expect(expectInvalid(grade("lmsys-chatbot-arena", a, s("0.5,0.2,0.300001"))).message).toMatch(
      /not 1 at 6 decimals/,
    );
  });
  it("statoil: hard 0/1 allowed (36.04 per wrong row); duplicated rows invalid", () => {
    const a = "id,is_iceberg\naa,1\nbb,0\n";
    expect(score("statoil-iceberg-classifier-challenge", a, "id,is_iceberg\naa,0\nbb,0\n")).toBeCloseTo(
      36.04365338911715 / 2,
      10,
    );
    expectInvalid(grade("statoil-iceberg-classifier-challenge", a, "id,is_iceberg\naa,0.5\naa,0.5\nbb,0\n"));
  });
  it("rsna-2022: eps 1e-15, weights 14/7 and 2/1, per-study mean", () => {
    const labels = ["patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7"];
    const a = `row_id,fractured\n${labels.map((l, j) => `1.2.3_${l},${j === 0 ? 1 : 0}`).join("\n")}\n`;
    const s = `row_id,fractured\n${labels.map((l) => `1.2.3_${l},${l === "patient_overall" ? 0 : 0}`).join("\n")}\n`;
    // patient_overall y=1 p=0 -> clipped 1e-15: loss 34.54 with weight 14; C1..C7 perfect with weight 1 each.
    expect(score("rsna-2022-cervical-spine-fracture-detection", a, s)).toBeCloseTo(
      (14 * -Math.log(1e-15)) / 21,
      8,
    );
    expectInvalid(grade("rsna-2022-cervical-spine-fracture-detection", a, s.replace("1.2.3_C7,0\n", "")));
  });
});

describe("hms-harmful-brain-activity-classification", () => {
  const votes = "seizure_vote,lpd_vote,gpd_vote,lrda_vote,grda_vote,other_vote";
  const a = `eeg_id,spectrogram_id,${votes}\n7,1,3,0,0,0,0,0\n7,1,3,0,0,0,0,0\n9,2,0,1,1,0,0,0\n`;
  const g = (s: string) => grade("hms-harmful-brain-activity-classification", a, s);
  it("repeats eeg_ids one row per window and scores the mean KL divergence", () => {
    expect(
      expectValid(g(`eeg_id,${votes}\n9,0,0.5,0.5,0,0,0\n7,1,0,0,0,0,0\n7,1,0,0,0,0,0\n`)).score,
    ).toBeCloseTo(0, 12);
    // one row per eeg_id is not enough
    expectInvalid(g(`eeg_id,${votes}\n9,0,0.5,0.5,0,0,0\n7,1,0,0,0,0,0\n`));
  });
  it("checks extra columns as probabilities: a zero column passes, spectrogram_id fails", () => {
    expectValid(g(`eeg_id,${votes},spare\n9,0,0.5,0.5,0,0,0,0\n7,1,0,0,0,0,0,0\n7,1,0,0,0,0,0,0\n`));
    expect(
      expectInvalid(
        g(`eeg_id,spectrogram_id,${votes}\n9,2,0,0.5,0.5,0,0,0\n7,1,1,0,0,0,0,0\n7,1,1,0,0,0,0,0\n`),
      ).message,
    ).toMatch(/spectrogram_id/);
  });
  it("accepts a NaN cell whose row still sums to 1 and drops its term", () => {
    const outcome = expectValid(g(`eeg_id,${votes}\n9,,0.5,0.5,0,0,0\n7,1,0,0,0,0,0\n7,1,0,0,0,0,0\n`));
    expect(outcome.notes.join()).toMatch(/1 empty class cell/);
    expect(
      expectValid(g(`eeg_id,${votes}\n9,,0.5,0.5,0,0,0\n7,1,0,0,0,0,0\n7,1,0,0,0,0,0\n`)).score,
    ).toBeCloseTo(0, 12);
  });
  it("notes when repeated eeg_ids carry different votes and different predictions (pairing unspecified)", () => {
    const b = `eeg_id,${votes}\n7,1,0,0,0,0,0\n7,0,1,0,0,0,0\n`;
    const outcome = expectValid(
      grade(
        "hms-harmful-brain-activity-classification",
        b,
        `eeg_id,${votes}\n7,0.9,0.1,0,0,0,0\n7,0.1,0.9,0,0,0,0\n`,
      ),
    );
    expect(outcome.notes.join()).toMatch(/unspecified/);
    // file order within the id: row 1 with row 1
    expect(outcome.score).toBeCloseTo(-Math.log(0.9), 12);
  });
  it("rejects equal id sets with different per-id counts, stating the reference's score", () => {
    const error = expectInvalid(g(`eeg_id,${votes}\n9,0,0.5,0.5,0,0,0\n9,0,0.5,0.5,0,0,0\n7,1,0,0,0,0,0\n`));
    expect("referenceNote" in error && error.referenceNote).toMatch(/valid score of \d/);
  });
});
