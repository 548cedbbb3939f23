// The sklearn-baseline agent's reasoning, function by function, on small hand-made competitions: which
// column holds the ids, which columns are predicted and how (probabilities, labels, values, one column
// per class), which metric the description names, how each feature column is used, and how it reads a
// validator's answer. One Python process answers every case (agent.py imported as a module).

import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { PROGRAM, PYTHON, skipWithoutPython } from "./python-agent.js";

const skip = skipWithoutPython("test/sklearn-baseline/task-inference.test.ts");

/** Runs each case through agent.py: { tasks: {name: task | {error}}, metrics, plans, validations }. */
const DRIVER = `
import importlib.util, io, json, sys
import pandas as pd
spec = importlib.util.spec_from_file_location("agent", sys.argv[1])
agent = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agent)
cases = json.load(sys.stdin)
def frame(text, as_text=False):
    return pd.read_csv(io.StringIO(text), dtype=str if as_text else None, keep_default_na=not as_text)
out = {"tasks": {}, "metrics": {}, "plans": {}, "validations": {}}
for name, case in cases["tasks"].items():
    try:
        task = agent.infer_task(frame(case["sample"], True), frame(case["train"]), frame(case["test"]),
                                case.get("description", ""))
        out["tasks"][name] = json.loads(json.dumps(task, default=lambda v: v.item() if hasattr(v, "item") else str(v)))
    except agent.TaskError as error:
        out["tasks"][name] = {"error": str(error)}
for name, text in cases["metrics"].items():
    out["metrics"][name] = agent.infer_metric(text)
for name, case in cases["plans"].items():
    out["plans"][name] = agent.plan_features(frame(case["train"]), frame(case["test"]), set(case["exclude"]))
for name, text in cases["validations"].items():
    out["validations"][name] = list(agent.parse_validation(text))
print(json.dumps(out))
`;

function csv(header: string, rows: (string | number)[][]): string {
  return `${header}\n${rows.map((row) => row.join(",")).join("\n")}\n`;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const CASES = {
  tasks: {
    binaryAuc: {
      sample: "id,target\n1,0.5\n2,0.5\n",
      train: csv(
        "id,x,target",
        range(10).map((i) => [100 + i, i, i % 2]),
      ),
      test: "id,x\n1,3\n2,4\n",
      description: "# Demo\n\n## Evaluation\n\nSubmissions are scored by the area under the ROC curve.\n",
    },
    classColumns: {
      sample: "id,bird,cat,dog\na,0.33,0.33,0.34\nb,0.33,0.33,0.34\n",
      train: csv(
        "id,x,animal",
        range(9).map((i) => [`t${i}`, i, ["cat", "dog", "bird"][i % 3]!]),
      ),
      test: "id,x\na,1\nb,2\n",
      description: "Scored by the multi-class logarithmic loss.",
    },
    labelsByAccuracy: {
      sample: "PassengerId,Transported\n0013_01,False\n0018_01,False\n",
      train: csv(
        "PassengerId,Age,Transported",
        range(6).map((i) => [`00${i}1_01`, 20 + i, i % 2 ? "True" : "False"]),
      ),
      test: "PassengerId,Age\n0013_01,30\n0018_01,40\n",
      description: "## Evaluation\nSubmissions are evaluated on their classification accuracy.\n",
    },
    regression: {
      sample: "id,price\n7,0\n8,0\n",
      train: csv(
        "id,area,price",
        range(8).map((i) => [i, 50 + i, 1000.5 + 37 * i]),
      ),
      test: "id,area\n7,60\n8,70\n",
      description: "Root mean squared error (RMSE) between predicted and actual prices.",
    },
    idsUnderAnotherName: {
      sample: "Id,target\n11,0.5\n12,0.5\n",
      train: csv(
        "row_id,x,target",
        range(6).map((i) => [i, i, i % 2]),
      ),
      test: "row_id,x\n11,1\n12,2\n",
    },
    targetUnderAnotherName: {
      sample: "id,prediction\n1,0\n2,0\n",
      train: csv(
        "id,x,y",
        range(6).map((i) => [i + 10, i, 3.25 * i]),
      ),
      test: "id,x\n1,1\n2,2\n",
    },
    severalProbabilities: {
      sample: "id,toxic,obscene\n1,0.5,0.5\n2,0.5,0.5\n",
      train: csv(
        "id,text,toxic,obscene",
        range(6).map((i) => [i + 10, `words ${i}`, i % 2, Number(i > 3)]),
      ),
      test: "id,text\n1,some words\n2,more words\n",
    },
    integerLabels: {
      sample: "id,grade\n1,0\n2,0\n",
      train: csv(
        "id,x,grade",
        range(9).map((i) => [i + 10, i, i % 3]),
      ),
      test: "id,x\n1,1\n2,2\n",
      description: "## Evaluation\nQuadratic weighted kappa.\n",
    },
    zeroOneWithoutMetric: {
      sample: "id,label\n1,0\n2,0\n",
      train: csv(
        "id,x,label",
        range(6).map((i) => [i + 10, i, i % 2]),
      ),
      test: "id,x\n1,1\n2,2\n",
    },
    noSource: {
      sample: "id,a,b\n1,0.5,0.5\n2,0.5,0.5\n",
      train: csv(
        "id,x,y,z",
        range(4).map((i) => [i + 10, i, i, i]),
      ),
      test: "id,x\n1,1\n2,2\n",
    },
  },
  metrics: {
    evaluationSectionFirst:
      "# Intro\nAccuracy matters to us.\n\n## Evaluation\nScored by log loss.\n## Timeline\n",
    rmsleOverRmse: "Submissions are evaluated on Root Mean Squared Logarithmic Error (RMSLE).",
    mae: "The metric is the mean absolute error.",
    none: "Predict things well.",
    wordBoundaries: "We measure dynamics of the samples; evaluation is by F1 score.",
  },
  plans: {
    roles: {
      train: csv(
        "id,size,city,month,review,code,target",
        range(12).map((i) => [
          i,
          i * 1.5,
          ["north", "south"][i % 2]!,
          `2023-0${(i % 9) + 1}`,
          `this is a fairly long review number ${i}`,
          `X${i}Y`,
          i % 2,
        ]),
      ),
      test: "id,size,city,month,review,code\n99,2,north,2023-04,another long review of the place,ZZZ\n",
      exclude: ["id", "target"],
    },
  },
  validations: {
    json: '{"result": "Submission is valid."}',
    text: "Submission is valid.\n",
    invalidJson: '{"result": "Submission invalid! Submission file must be a CSV file."}',
    invalidText:
      "Submission invalid! The attempt to grade the submission has resulted in the following error message:\nmissing column",
    noAnswer: "bench did not answer within 900 seconds; try again later.",
  },
};

interface Results {
  tasks: Record<string, Record<string, unknown>>;
  metrics: Record<string, string | null>;
  plans: Record<string, Record<string, string>>;
  validations: Record<string, [boolean | null, string]>;
}

describe.skipIf(skip)("sklearn-baseline's task inference", () => {
  let results: Results;
  beforeAll(() => {
    const output = execFileSync(PYTHON, ["-c", DRIVER, PROGRAM], {
      input: JSON.stringify(CASES),
      encoding: "utf8",
      timeout: 120_000,
    });
    results = JSON.parse(output) as Results;
  });

  it("predicts P(positive) for a 0/1 target with fractional sample values, by the metric named", () => {
    expect(results.tasks.binaryAuc).toEqual({
      id: "id",
      test_id: "id",
      metric: "auc",
      kind: "columns",
      targets: [{ column: "target", type: "probability", positive: 1 }],
    });
  });

  it("recognises one sample column per class of a training column", () => {
    expect(results.tasks.classColumns).toMatchObject({
      kind: "class-probabilities",
      label: "animal",
      classes: { bird: "bird", cat: "cat", dog: "dog" },
      metric: "logloss",
    });
  });

  it("predicts labels where the sample holds labels and the metric counts correct ones", () => {
    expect(results.tasks.labelsByAccuracy).toMatchObject({
      id: "PassengerId",
      metric: "accuracy",
      targets: [{ column: "Transported", type: "labels" }],
    });
    expect(results.tasks.integerLabels).toMatchObject({
      metric: "kappa",
      targets: [{ column: "grade", type: "labels" }],
    });
  });

  it("predicts values for a continuous target", () => {
    expect(results.tasks.regression).toMatchObject({
      metric: "rmse",
      targets: [{ column: "price", type: "regression" }],
    });
  });

  it("finds the ids in another test column, and the target under another training name", () => {
    expect(results.tasks.idsUnderAnotherName).toMatchObject({ id: "Id", test_id: "row_id" });
    expect(results.tasks.targetUnderAnotherName).toMatchObject({
      targets: [{ column: "prediction", type: "regression", source: "y" }],
    });
  });

  it("predicts each of several 0/1 columns as a probability; 0/1 without a metric as well", () => {
    expect(results.tasks.severalProbabilities).toMatchObject({
      kind: "columns",
      targets: [
        { column: "toxic", type: "probability", positive: 1 },
        { column: "obscene", type: "probability", positive: 1 },
      ],
    });
    expect(results.tasks.zeroOneWithoutMetric).toMatchObject({
      metric: null,
      targets: [{ column: "label", type: "probability" }],
    });
  });

  it("gives up with a reason when no training column explains the sample's columns", () => {
    expect(results.tasks.noSource?.error).toMatch(/cannot tell which training columns.*'a', 'b'/);
  });

  it("reads the metric from the evaluation section, whole words only, most specific first", () => {
    expect(results.metrics).toEqual({
      evaluationSectionFirst: "logloss",
      rmsleOverRmse: "rmsle",
      mae: "mae",
      none: null,
      wordBoundaries: "f1",
    });
  });

  it("uses numbers, dates, few-level categories and long text; drops identifier-like columns", () => {
    expect(results.plans.roles).toEqual({
      size: "numeric",
      city: "category",
      month: "date",
      review: "text",
    });
  });

  it("reads the validator's answer as text or as the reference's JSON", () => {
    expect(results.validations.json).toEqual([true, "Submission is valid."]);
    expect(results.validations.text).toEqual([true, "Submission is valid."]);
    expect(results.validations.invalidJson).toEqual([
      false,
      "Submission invalid! Submission file must be a CSV file.",
    ]);
    expect(results.validations.invalidText?.[0]).toBe(false);
    expect(results.validations.invalidText?.[1]).toMatch(/^Submission invalid! .*\nmissing column$/s);
    expect(results.validations.noAnswer).toEqual([null, CASES.validations.noAnswer]);
  });
});
