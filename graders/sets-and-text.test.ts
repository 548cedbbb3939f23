// The quirks of each sets-and-text grader (shared/mlebench/full-grading/g2-sets-and-text.md), on small
// hand-made files whose scores are computed by hand in the comments. Parity with the Python reference on
// seeded files is in parity-sets-and-text.test.ts.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompetitionGrading } from "../src/grading/competition-grading.js";
import { G2_GRADERS } from "./families/sets-and-text.js";
import { expectInvalid, expectValid } from "./testing/fixtures.js";
import { gradeFamilyCase } from "./testing/grade-family-case.js";

function grade(id: string, answers: string, submission: string, answersName = "answers.csv") {
  const grader = G2_GRADERS.find((g) => g.id === id);
  if (grader === undefined) throw new Error(`no grader ${id}`);
  return gradeFamilyCase(grader, answersName, answers, submission);
}
const score = (...args: Parameters<typeof grade>) => expectValid(grade(...args)).score;
const error = (...args: Parameters<typeof grade>) => expectInvalid(grade(...args));

describe("facebook-recruiting-iii-keyword-extraction", () => {
  const id = "facebook-recruiting-iii-keyword-extraction";
  const answers = 'Id,Title,Body,Tags\n1,t,"<p>a\n""b"", c</p>",c# .net\n2,t,b,python\n';
  it("ignores unknown tags and repeats, and reads multi-line HTML bodies", () => {
    // TP: c#, python; FN: .net; C# and zzz are not tags of the answers: ignored.
    expect(score(id, answers, "Id,Tags\n2,python python zzz\n1,c# C#\n")).toBeCloseTo(4 / 5, 12);
  });
  it("scores an all-empty Tags column 0 but rejects a numeric one", () => {
    expect(score(id, answers, "Id,Tags\n1,\n2,\n")).toBe(0);
    expect(error(id, answers, "Id,Tags\n1,1\n2,2\n").message).toMatch(/only numbers/);
  });
  it("matches ids written as floats", () => {
    expect(score(id, answers, "Id,Tags\n1.0,c# .net\n2.0,python\n")).toBe(1);
  });
});

describe("herbarium and iwildcam (macro F1 of int labels)", () => {
  const answers = "Id,Predicted\n0,1\n1,1\n2,2\n";
  it("truncates non-integral predictions as int() does, and notes it", () => {
    const outcome = expectValid(grade("herbarium-2020-fgvc7", answers, "Id,Predicted\n0,1.9\n1,1\n2,2.2\n"));
    expect(outcome.score).toBe(1);
    expect(outcome.notes.join(" ")).toMatch(/truncated toward zero/);
  });
  it("counts a label absent from the answers as a zero-F1 class", () => {
    // labels {1, 2, 7}: F1(1) = 2/3, F1(2) = 1, F1(7) = 0 -> mean 5/9
    expect(score("herbarium-2021-fgvc8", answers, "Id,Predicted\n0,1\n1,7\n2,2\n")).toBeCloseTo(5 / 9, 12);
  });
  it("rejects an empty label and a non-integer text", () => {
    expect(error("herbarium-2022-fgvc9", answers, "Id,Predicted\n0,1\n1,\n2,2\n").message).toMatch(/row 2/);
    expect(error("herbarium-2022-fgvc9", answers, "Id,Predicted\n0,1\n1,12.0\n2,x\n").message).toMatch(
      /not an integer/,
    );
  });
  it("ignores iwildcam's unnamed index column", () => {
    const a = "Id,Category\nu1,0\nu2,3\n";
    expect(score("iwildcam-2019-fgvc6", a, ",Id,Category\n0,u2,3\n1,u1,0\n")).toBe(1);
  });
});

describe("imet-2020-fgvc7 and plant-pathology-2021-fgvc8", () => {
  it("compares attribute ids as text and rejects a column of single numbers", () => {
    const answers = "id,attribute_ids\na,1 2\nb,3\n";
    expect(score("imet-2020-fgvc7", answers, "id,attribute_ids\na,01 2\nb,3\n")).toBeCloseTo(4 / 5, 12);
    expect(error("imet-2020-fgvc7", answers, "id,attribute_ids\na,1\nb,3\n").message).toMatch(
      /read as a number column/,
    );
  });
  it("ignores unknown disease names", () => {
    const answers = "image,labels\nx.jpg,scab rust\ny.jpg,healthy\n";
    // TP scab, healthy; FN rust; 'Healthy' unknown -> 4/5
    expect(
      score("plant-pathology-2021-fgvc8", answers, "image,labels\nx.jpg,scab Healthy\ny.jpg,healthy\n"),
    ).toBeCloseTo(4 / 5, 12);
  });
});

describe("plant-seedlings-classification", () => {
  const answers = "file,species\na.png,Sugar beet\nb.png,Maize\n";
  it("compares names exactly and rejects empty cells", () => {
    expect(
      score("plant-seedlings-classification", answers, 'file,species\na.png,"Sugar beet "\nb.png,Maize\n'),
    ).toBe(0.5);
    expectInvalid(grade("plant-seedlings-classification", answers, "file,species\na.png,\nb.png,Maize\n"));
  });
});

describe("tensorflow2-question-answering", () => {
  const record = (id: string, long: [number, number], shorts: [number, number][], yesNo = "NONE") =>
    JSON.stringify({
      example_id: id,
      document_text: "x ".repeat(50),
      annotations: [
        {
          long_answer: { start_token: long[0], end_token: long[1] },
          short_answers: shorts.map(([s, e]) => ({ start_token: s, end_token: e })),
          yes_no_answer: yesNo,
        },
      ],
    });
  const answers = `${record(
    "-1",
    [5, 20],
    [
      [7, 9],
      [11, 12],
    ],
  )}\n${record("2", [-1, -1], [], "NONE")}\n`;
  it("accepts any one short answer, empty for no answer, and int() spacing", () => {
    const csv = "example_id,PredictionString\n-1_long, 5 : 20 \n-1_short,11:12\n2_long,\n2_short,\n";
    expect(score("tensorflow2-question-answering", answers, csv, "test.jsonl")).toBe(1);
  });
  it("is graded from test.jsonl in an MLE-bench data dir (answers read by extension)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "bench-g2-jsonl-"));
    try {
      const folder = join(dataDir, "tensorflow2-question-answering", "prepared", "private");
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "test.jsonl"), answers);
      const submission = join(dataDir, "submission.csv");
      writeFileSync(submission, "example_id,PredictionString\n-1_long,5:20\n-1_short,\n2_long,\n2_short,\n");
      const report = await new CompetitionGrading({ dataDir }).grade(
        "tensorflow2-question-answering",
        submission,
      );
      expect(report.valid_submission).toBe(true);
      expect(report.score).toBe(0.75);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  it("counts YES on a row without a yes/no answer as wrong, and rejects other words", () => {
    const csv = "example_id,PredictionString\n-1_long,YES\n-1_short,7:9\n2_long,\n2_short,\n";
    expect(score("tensorflow2-question-answering", answers, csv, "test.jsonl")).toBe(0.75);
    const bad = "example_id,PredictionString\n-1_long,yes\n-1_short,7:9\n2_long,\n2_short,\n";
    expect(error("tensorflow2-question-answering", answers, bad, "test.jsonl").message).toMatch(/"yes"/);
  });
});

describe("rsna-breast-cancer-detection", () => {
  const answers = "prediction_id,cancer\n1_L,1\n1_R,0\n2_L,0\n2_R,0\n";
  it("clips predictions to [0, 1]", () => {
    // p = [1, 0, 0, 0.5]: ctp 1, cfp 0.5 -> P 2/3, R 1 -> F 0.8
    expect(
      score("rsna-breast-cancer-detection", answers, "prediction_id,cancer\n1_L,3\n1_R,-1\n2_L,0\n2_R,0.5\n"),
    ).toBeCloseTo(0.8, 12);
  });
  it("rejects NaN where the reference reports 0, and says so", () => {
    const e = error(
      "rsna-breast-cancer-detection",
      answers,
      "prediction_id,cancer\n1_L,1\n1_R,\n2_L,0\n2_R,0\n",
    );
    expect("referenceNote" in e ? e.referenceNote : "").toMatch(/valid score of 0/);
  });
});

describe("h-and-m-personalized-fashion-recommendations", () => {
  const id = "h-and-m-personalized-fashion-recommendations";
  const answers = "customer_id,prediction\nc1,111 222\nc2,333\n";
  it("ignores extra customers and scores repeated and empty tokens by rank", () => {
    // c1: 111 at rank 2 (after an empty token), repeat ignored, 222 at rank 4 -> (1/2 + 2/4)/2 = 0.5; c2: 1
    const csv = "customer_id,prediction\nzz,1\nc1, 111 111 222\nc2,333\n";
    expect(score(id, answers, csv)).toBeCloseTo(0.75, 12);
  });
  it("never matches Kaggle's leading-zero ids, unless the column is read as integers", () => {
    expect(score(id, answers, "customer_id,prediction\nc1,0111 0222\nc2,0333\n")).toBe(0);
    expect(score(id, answers, "customer_id,prediction\nc1,0111\nc2,0333\n")).toBeCloseTo(0.75, 12);
  });
  it("rejects a repeated customer and an extra column", () => {
    const e = error(id, answers, "customer_id,prediction\nc1,111\nc1,111\nc2,333\n");
    expect("referenceNote" in e ? e.referenceNote : "").toMatch(/pairs the sorted rows by position/);
    expect(error(id, answers, "customer_id,prediction,x\nc1,1,2\nc2,3,4\n").message).toMatch(
      /unexpected column/,
    );
  });
});

describe("hotel-id-2021-fgvc8 and whale-categorization-playground", () => {
  it("renders a float column as 36363.0, which never matches", () => {
    const answers = "image,chain,hotel_id,timestamp\na.jpg,1,36363,t\nb.jpg,1,5,t\nc.jpg,1,6,t\n";
    expect(score("hotel-id-2021-fgvc8", answers, "image,hotel_id\na.jpg,36363\nb.jpg,5\nc.jpg,\n")).toBe(0);
    expect(
      score("hotel-id-2021-fgvc8", answers, "image,hotel_id\na.jpg,1 36363 36363\nb.jpg,5\nc.jpg,6\n"),
    ).toBeCloseTo((0.5 + 1 + 1) / 3, 12);
  });
  it("rejects an extra column in whale but counts only the first five labels", () => {
    const answers = "Image,Id\na.jpg,w_1\n";
    expectInvalid(grade("whale-categorization-playground", answers, "Image,Id,x\na.jpg,w_1,1\n"));
    expect(score("whale-categorization-playground", answers, "Image,Id\na.jpg,a b c d e w_1\n")).toBe(0);
    expect(score("whale-categorization-playground", answers, "Image,Id\na.jpg,a b c d w_1\n")).toBe(0.2);
  });
});

describe("chaii and tweet (word-set Jaccard)", () => {
  it("chaii: case- and whitespace-insensitive, both empty scores 0, numbers-only column invalid", () => {
    const answers = "id,PredictionString\na,नई दिल्ली\nb,1947\n";
    expect(
      score(
        "chaii-hindi-and-tamil-question-answering",
        answers,
        "id,PredictionString\na,नई\u00a0दिल्ली\nb,x\n",
      ),
    ).toBe(0.5);
    expect(score("chaii-hindi-and-tamil-question-answering", answers, "id,PredictionString\na,\nb,\n")).toBe(
      0,
    );
    expectInvalid(
      grade("chaii-hindi-and-tamil-question-answering", answers, "id,PredictionString\na,1\nb,1947\n"),
    );
  });
  it("tweet: invalid when a prediction and its answer both have no word", () => {
    const answers = "textID,text,selected_text,sentiment\na,x y,Good day!,positive\nb,z,,neutral\n";
    const e = error("tweet-sentiment-extraction", answers, "textID,selected_text\na,good DAY!\nb,\n");
    expect(e.message).toMatch(/0\/0/);
    expect(score("tweet-sentiment-extraction", answers, "textID,selected_text\na,good DAY!\nb,z\n")).toBe(
      0.5,
    );
  });
});

describe("Levenshtein graders", () => {
  it("billion-word: code points, and an empty sentence is invalid", () => {
    const answers = '"id","sentence"\n0,"a 𝄞 b"\n1,"x"\n';
    expect(score("billion-word-imputation", answers, 'id,sentence\n0,"a  b"\n1,"X"\n')).toBe(1);
    expectInvalid(grade("billion-word-imputation", answers, "id,sentence\n0,a\n1,\n"));
  });
  it("bms: an empty prediction is the text nan", () => {
    const answers = 'image_id,InChI\nabc,"InChI=1S/H2O/h1H2"\n';
    // "nan" keeps the "n" of "InChI": 17 characters, 16 edits
    expect(score("bms-molecular-translation", answers, "image_id,InChI\nabc,\n")).toBe(16);
  });
  it("gestures: zero-padded ids, list edits per gesture, and int() syntax", () => {
    const answers = "Id,Sequence\n0300,1 2 3\n0301,12\n";
    // row 1: one deletion; row 2: "1 2" vs [12] -> 2 edits; total 3 / 4 gestures
    expect(score("multi-modal-gesture-recognition", answers, "Id,Sequence\n300,+1 03\n301,1 2\n")).toBe(0.75);
    expectInvalid(grade("multi-modal-gesture-recognition", answers, "Id,Sequence\n300,\n301,12\n"));
  });
});
