// Fixtures for the nine score-based competitions of the classification family (ROC AUC variants, log
// losses, KL divergence; shared/mlebench/full-grading/g3-classification.md), shaped as each prepare step
// writes its answers, at test size.

import { type Fixture, num, type Variant } from "./fixture.js";
import { binaryFixture, zeroOneLabels } from "./fixtures-auroc.js";
import type { Rng } from "./rng.js";
import { cells, select, type Table, withColumn } from "./table.js";

const logits = (sub: Table, target: string, rng: Rng): Variant => ({
  label: "logits (no range check)",
  table: withColumn(
    sub,
    target,
    sub.rows.map(() => num((rng.next() - 0.5) * 20)),
  ),
});

export const CLASSIFICATION_SCORE_FIXTURES: readonly Fixture[] = [
  binaryFixture({
    id: "invasive-species-monitoring",
    idColumn: "name",
    target: "invasive",
    rows: 40,
    positiveRate: 0.63,
    ids: (rng, n) => rng.distinct(n, () => String(rng.int(1, 2295))),
    sampleValue: "0.5",
  }),
  binaryFixture({
    id: "rsna-miccai-brain-tumor-radiogenomic-classification",
    idColumn: "BraTS21ID",
    target: "MGMT_value",
    rows: 30,
    positiveRate: 0.5,
    ids: (rng, n) => rng.distinct(n, () => String(rng.int(0, 1010)).padStart(5, "0")),
    sampleValue: "0.5",
    extra: (sub) => [
      {
        label: "ids without leading zeros",
        table: withColumn(
          sub,
          "BraTS21ID",
          cells(sub, "BraTS21ID").map((v) => String(Number(v))),
        ),
      },
    ],
  }),
  binaryFixture({
    id: "seti-breakthrough-listen",
    idColumn: "id",
    target: "target",
    rows: 60,
    positiveRate: 0.1,
    ids: (rng, n) => rng.distinct(n, () => rng.chars(15)),
    sampleValue: "0.5",
  }),
  binaryFixture({
    id: "statoil-iceberg-classifier-challenge",
    idColumn: "id",
    target: "is_iceberg",
    rows: 40,
    positiveRate: 0.47,
    ids: (rng, n) => rng.distinct(n, () => rng.chars(8)),
    sampleValue: "0.5",
  }),
  {
    ...binaryFixture({
      id: "alaska2-image-steganalysis",
      idColumn: "Id",
      target: "Label",
      rows: 50,
      positiveRate: 0.5,
      ids: (_, n) => Array.from({ length: n }, (_, k) => `${String(k + 1).padStart(4, "0")}.jpg`),
      sampleValue: "0",
      extra: (sub, rng) => [
        logits(sub, "Label", rng),
        {
          label: "TPR 0.4 hit exactly (scores = rank)",
          table: withColumn(
            sub,
            "Label",
            sub.rows.map((_, r) => String(r % 7)),
          ),
        },
        {
          label: "ids without .jpg",
          table: withColumn(
            sub,
            "Id",
            cells(sub, "Id").map((v) => v.replace(".jpg", "")),
          ),
        },
      ],
    }),
    kind: "real",
  },
  {
    id: "playground-series-s3e18",
    idColumn: "id",
    targets: ["EC1", "EC2"],
    kind: "probability",
    answers(rng) {
      const n = 50;
      const ids = rng.shuffle(Array.from({ length: n }, (_, k) => String(14838 + k)));
      const features = ["BertzCT", "Chi1", "ExactMolWt", "fr_COO"];
      const ecs = ["EC1", "EC2", "EC3", "EC4", "EC5", "EC6"].map((_, k) =>
        zeroOneLabels(rng, n, 0.3 + k / 20),
      );
      return {
        columns: ["id", ...features, "EC1", "EC2", "EC3", "EC4", "EC5", "EC6"],
        rows: ids.map((id, r) => [
          id,
          ...features.map(() => num(rng.int(0, 100000) / 100)),
          ...ecs.map((col) => col[r]!),
        ]),
      };
    },
    sample: (answers) => ({
      columns: ["id", "EC1", "EC2"],
      rows: cells(answers, "id").map((id) => [id, "0.5", "0.5"]),
    }),
    perfect: (answers) => select(answers, ["id", "EC1", "EC2"]),
    random: (answers, rng) => ({
      columns: ["id", "EC1", "EC2"],
      rows: cells(answers, "id").map((id) => [id, num(rng.next()), num(rng.next())]),
    }),
    variants: (answers, rng) => {
      const base = select(answers, ["id", "EC1", "EC2"]);
      return [
        logits(base, "EC1", rng),
        { label: "EC3..EC6 kept", table: select(answers, ["id", "EC1", "EC2", "EC3", "EC4", "EC5", "EC6"]) },
        {
          label: "ties",
          table: withColumn(
            base,
            "EC2",
            base.rows.map(() => num(rng.int(0, 3) / 4)),
          ),
        },
      ];
    },
  },
];
