// Parity cases for the probabilistic-F1 and MAP@k competitions of the sets-and-text family.

import type { Rng } from "../rng.js";
import {
  type Cell,
  closingCases,
  csvOf,
  type FamilyCompetition,
  genericCases,
  hex,
  idTable,
  sample,
  setTarget,
  type Table,
  toCsv,
  valid,
  withColumn,
} from "./table.js";

export function rsna(rng: Rng): FamilyCompetition {
  const patients = Array.from({ length: 25 }, () => rng.int(10000, 99999));
  const ids = [...new Set(patients)].flatMap((p) => [`${p}_L`, `${p}_R`]);
  const truth = ids.map((_, i) => (i % 7 === 0 ? 1 : 0));
  const header = ["prediction_id", "cancer"] as const;
  const answers = csvOf(idTable(header, ids, (i) => String(truth[i])));
  const base = (pick: (i: number) => Cell) => idTable(header, ids, pick);
  const noisy = base((i) => String(Math.min(1, Math.max(0, truth[i]! * 0.6 + rng.next() * 0.5))));
  return {
    id: "rsna-breast-cancer-detection",
    answersName: "answers.csv",
    answers,
    cases: [
      valid(
        "perfect hard labels",
        base((i) => String(truth[i])),
      ),
      valid("noisy probabilities", noisy),
      valid(
        "sample default rate",
        base(() => "0.021"),
      ),
      valid(
        "all zero",
        base(() => "0"),
      ),
      valid(
        "out of range clipped",
        setTarget(noisy, 1, (i, c) => (i % 5 === 0 ? String(-2 + i) : c)),
      ),
      valid(
        "text (invalid)",
        setTarget(noisy, 1, (i, c) => (i === 2 ? "high" : c)),
      ),
      {
        label: "NaN prediction",
        csv: toCsv(noisy.header, setTarget(noisy, 1, (i, c) => (i === 3 ? null : c)).rows),
        expect: "bench-rejects",
      },
      ...closingCases(rng, noisy, "1_L"),
    ],
  };
}

export function hAndM(rng: Rng): FamilyCompetition {
  const articles = Array.from({ length: 30 }, () => String(rng.int(100000000, 999999999)));
  const customers = Array.from({ length: 60 }, () => hex(rng, 64));
  const buyers = customers.slice(0, 30);
  const truth = buyers.map(() => Array.from({ length: rng.int(1, 5) }, () => rng.pick(articles)));
  const answers = toCsv(
    ["customer_id", "prediction"],
    buyers.map((c, i) => [c, truth[i]!.join(" ")]),
  );
  const base = (pick: (i: number) => Cell, who = customers): Table => ({
    header: ["customer_id", "prediction"],
    rows: who.map((c, i) => [c, pick(i)]),
  });
  const guess = (i: number) =>
    i < truth.length && rng.chance(0.5)
      ? [...truth[i]!, ...sample(rng, articles, 8)].slice(0, 12 + rng.int(0, 3))
      : sample(rng, articles, 12);
  const noisy = base((i) => guess(i).join(" "));
  const dup = { header: noisy.header, rows: [...noisy.rows, [...noisy.rows[4]!]] };
  return {
    id: "h-and-m-personalized-fashion-recommendations",
    answersName: "answers.csv",
    answers,
    cases: [
      valid(
        "perfect, buyers only",
        base((i) => truth[i]!.join(" "), buyers),
      ),
      valid("noisy, every customer", noisy),
      valid(
        "leading zeros never match",
        base((i) => (i < truth.length ? truth[i]!.map((a) => `0${a}`).join(" ") : "0123")),
      ),
      valid(
        "single id per row read as integers",
        base((i) => `0${i < truth.length ? truth[i]![0] : articles[0]}`),
      ),
      valid(
        "double spaces occupy ranks",
        base((i) => (i < truth.length ? `  ${truth[i]!.join("  ")}` : "x")),
      ),
      valid(
        "repeated correct token",
        base((i) => (i < truth.length ? `${truth[i]![0]} ${truth[i]![0]} ${truth[i]!.join(" ")}` : "x")),
      ),
      valid(
        "some empty (token nan)",
        setTarget(noisy, 1, (i, c) => (i % 3 === 0 ? null : c)),
      ),
      valid("a buyer missing (invalid)", { header: noisy.header, rows: noisy.rows.slice(1) }),
      valid(
        "extra column (invalid)",
        withColumn(noisy, "x", () => "1"),
      ),
      valid("prediction column missing (invalid)", {
        header: ["customer_id"],
        rows: noisy.rows.map((r) => [r[0]!]),
      }),
      valid("shuffled", { header: noisy.header, rows: [...noisy.rows].sort(() => rng.next() - 0.5) }),
      { label: "a customer listed twice", csv: toCsv(dup.header, dup.rows), expect: "bench-rejects" },
    ],
  };
}

export function hotelId(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = Array.from({ length: n }, () => `${hex(rng, 16)}.jpg`);
  const hotels = Array.from({ length: 12 }, () => String(rng.int(1000, 99999)));
  const truth = ids.map(() => rng.pick(hotels));
  const answers = toCsv(
    ["image", "chain", "hotel_id", "timestamp"],
    ids.map((x, i) => [x, String(rng.int(0, 80)), truth[i]!, "2018-04-01 12:00:00"]),
  );
  const base = (pick: (i: number) => Cell) => idTable(["image", "hotel_id"], ids, pick);
  const noisy = base((i) => {
    const list = sample(rng, hotels, 5);
    if (rng.chance(0.5)) list[rng.int(0, 6) % 5] = truth[i]!;
    return list.join(" ");
  });
  return {
    id: "hotel-id-2021-fgvc8",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect single id",
        base((i) => truth[i]!),
      ),
      valid("noisy top 5", noisy),
      valid(
        "true id repeated and beyond 5th",
        base((i) => `1 ${truth[i]} ${truth[i]} 2 3 4 5`),
      ),
      valid(
        "true id sixth",
        base((i) => `1 2 3 4 5 ${truth[i]}`),
      ),
      valid(
        "single ids read as floats",
        base((i) => (i === 0 ? null : truth[i]!)),
      ),
      valid(
        "some empty",
        setTarget(noisy, 1, (i, c) => (i % 4 === 0 ? null : c)),
      ),
      ...closingCases(rng, noisy, "zzzz.jpg"),
    ],
  };
}

export function whale(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = Array.from({ length: n }, () => `${hex(rng, 8)}.jpg`);
  const labels = ["new_whale", ...Array.from({ length: 10 }, () => `w_${hex(rng, 7)}`)];
  const truth = ids.map(() => rng.pick(labels));
  const header = ["Image", "Id"] as const;
  const answers = csvOf(idTable(header, ids, (i) => truth[i]!));
  const base = (pick: (i: number) => Cell) => idTable(header, ids, pick);
  const noisy = base((i) => {
    const list = sample(rng, labels, 5);
    if (rng.chance(0.5)) list[rng.int(0, 4)] = truth[i]!;
    return list.join(" ");
  });
  return {
    id: "whale-categorization-playground",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid("noisy", noisy),
      valid(
        "sample defaults",
        base(() => `new_whale ${labels.slice(1, 5).join(" ")}`),
      ),
      valid(
        "upper case never matches",
        base((i) => truth[i]!.toUpperCase()),
      ),
      valid(
        "more than 5 labels",
        base((i) => `a b c d e ${truth[i]}`),
      ),
      valid(
        "some empty",
        setTarget(noisy, 1, (i, c) => (i % 4 === 0 ? null : c)),
      ),
      valid(
        "extra column (invalid)",
        withColumn(noisy, "x", () => "1"),
      ),
      ...genericCases(rng, noisy, 0, 1, "zzzz.jpg"),
    ],
  };
}
