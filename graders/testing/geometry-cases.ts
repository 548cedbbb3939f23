// Seeded answers and submissions for the geometry family's parity test (graders/parity-geometry.test.ts):
// per competition, the answers file and a few dozen submissions, well-formed and malformed, each with
// what the test asserts ("same": equal verdicts and scores; "bench-rejects": the reference grades a
// malformed file, bench rejects it and its note gives the reference's number).

import { ODD_RLES, randomRle, shiftRle } from "./geometry-rle.js";
import { Rng } from "./rng.js";
import { type Table, toCsv } from "./table.js";

export interface GeometryCase {
  readonly label: string;
  readonly csv: string;
  readonly expect: "same" | "bench-rejects";
  /** Replaces the competition's answers file for this case. */
  readonly answers?: string;
}

export interface GeometryCompetition {
  readonly answers: string;
  readonly cases: readonly GeometryCase[];
}

type Rows = string[][];
const csv = (columns: readonly string[], rows: Rows): string => toCsv({ columns, rows } satisfies Table);
const same = (label: string, text: string): GeometryCase => ({ label, csv: text, expect: "same" });

/** Common malformations of a table: the cases every competition gets. */
function tableVariants(columns: readonly string[], rows: Rows, idColumn: string, rng: Rng): GeometryCase[] {
  const id = columns.indexOf(idColumn);
  const cases: GeometryCase[] = [
    same("shuffled", csv(columns, rng.shuffle(rows))),
    same("header only", `${columns.join(",")}\n`),
    same("empty file", ""),
    same("dropped row", csv(columns, rows.slice(1))),
    same(
      "extra column",
      csv(
        [...columns, "note"],
        rows.map((r) => [...r, "x"]),
      ),
    ),
    same(
      "columns reversed",
      csv(
        [...columns].reverse(),
        rows.map((r) => [...r].reverse()),
      ),
    ),
  ];
  for (const name of columns) {
    const keep = columns.map((_, i) => i).filter((i) => columns[i] !== name);
    cases.push(
      same(
        `missing ${name}`,
        csv(
          keep.map((i) => columns[i]!),
          rows.map((r) => keep.map((i) => r[i]!)),
        ),
      ),
    );
  }
  if (rows.length > 2) {
    const dup = rows.map((r) => [...r]);
    dup[1]![id] = dup[0]![id]!;
    cases.push(same("duplicated id", csv(columns, dup)));
    const unknown = rows.map((r) => [...r]);
    unknown[2]![id] = "zz-not-an-id";
    cases.push(same("unknown id", csv(columns, unknown)));
  }
  return cases;
}

function withCell(rows: Rows, row: number, column: number, text: string): Rows {
  const out = rows.map((r) => [...r]);
  out[row]![column] = text;
  return out;
}

// ---------------------------------------------------------------------------------------------------

function tgsSalt(rng: Rng): GeometryCompetition {
  const n = 24;
  const pixels = 101 * 101;
  const ids = rng.distinct(n, () => rng.chars(10)).sort();
  const truth = ids.map((_, i) =>
    i % 5 === 0 ? "" : i % 7 === 0 ? `1 ${pixels}` : randomRle(rng, pixels, 6),
  );
  const answers = csv(
    ["id", "rle_mask"],
    ids.map((id, i) => [id, truth[i]!]),
  );
  const cols = ["id", "rle_mask"];
  const perfect = ids.map((id, i) => [id, truth[i]!]);
  const random = ids.map((id) => [id, rng.chance(0.2) ? "" : randomRle(rng, pixels, 6)]);
  const near = ids.map((id, i) => [id, rng.chance(0.3) ? shiftRle(truth[i]!, rng.int(-3, 3)) : truth[i]!]);
  const cases: GeometryCase[] = [
    same("perfect", csv(cols, perfect)),
    same("random", csv(cols, random)),
    same("near", csv(cols, near)),
    same(
      "all empty",
      csv(
        cols,
        ids.map((id) => [id, ""]),
      ),
    ),
    same(
      "sample 1 1",
      csv(
        cols,
        ids.map((id) => [id, "1 1"]),
      ),
    ),
    same(
      "all single integers",
      csv(
        cols,
        ids.map((id, i) => [id, String(i + 1)]),
      ),
    ),
    same(
      "full image everywhere",
      csv(
        cols,
        ids.map((id) => [id, `1 ${pixels}`]),
      ),
    ),
    same("run past the end", csv(cols, withCell(near, 1, 1, "10000 500"))),
    ...ODD_RLES.map(([label, text]) => same(label, csv(cols, withCell(near, 3, 1, text)))),
    ...tableVariants(cols, near, "id", rng),
  ];
  return { answers, cases };
}

const rejects = (label: string, text: string): GeometryCase => ({
  label,
  csv: text,
  expect: "bench-rejects",
});
const num = (x: number, digits = 6): string => x.toFixed(digits);

function pick(cases: GeometryCase[], labels: readonly string[]): GeometryCase[] {
  return cases.filter((c) => labels.includes(c.label));
}

function icecube(rng: Rng): GeometryCompetition {
  const n = 30;
  const cols = ["event_id", "azimuth", "zenith"];
  const ids = rng
    .distinct(n, () => String(rng.int(1000, 99999)))
    .map(Number)
    .sort((a, b) => a - b);
  const truth = ids.map((id) => [String(id), num(rng.next() * 2 * Math.PI, 9), num(rng.next() * Math.PI, 9)]);
  const answers = csv(cols, truth);
  const noisy = truth.map(([id, a, z]) => [
    id!,
    num(Number(a) + rng.next() - 0.5),
    num(Number(z) + (rng.next() - 0.5) / 2),
  ]);
  const random = truth.map(([id]) => [id!, num(rng.next() * 7 - 0.5), num(rng.next() * 4 - 0.5)]);
  const cases: GeometryCase[] = [
    same("perfect", csv(cols, truth)),
    same("noisy", csv(cols, noisy)),
    same("random and out of range", csv(cols, random)),
    same(
      "sample (integer angles)",
      csv(
        cols,
        truth.map(([id]) => [id!, "1", "1"]),
      ),
    ),
    same(
      "opposite",
      csv(
        cols,
        truth.map(([id, a, z]) => [id!, num(Number(a) + Math.PI, 12), num(Math.PI - Number(z), 12)]),
      ),
    ),
    same(
      "ids as floats",
      csv(
        cols,
        noisy.map(([id, a, z]) => [`${id}.0`, a!, z!]),
      ),
    ),
    same("blank azimuth", csv(cols, withCell(noisy, 4, 1, ""))),
    same("infinite zenith", csv(cols, withCell(noisy, 4, 2, "inf"))),
    same("text azimuth", csv(cols, withCell(noisy, 4, 1, "north"))),
    same(
      "True/False zenith",
      csv(
        cols,
        noisy.map(([id, a], i) => [id!, a!, i % 2 ? "True" : "False"]),
      ),
    ),
    ...tableVariants(cols, noisy, "event_id", rng),
  ];
  return { answers, cases };
}

function osic(rng: Rng): GeometryCompetition {
  const cols = [
    "Patient",
    "Weeks",
    "FVC",
    "Percent",
    "Age",
    "Sex",
    "SmokingStatus",
    "Patient_Week",
    "Confidence",
  ];
  const patients = rng.distinct(5, () => `ID00${rng.chars(21, "0123456789")}`);
  const rows: Rows = [];
  const graded = new Set<string>();
  patients.forEach((p, pi) => {
    const measured = new Set<number>();
    const count = pi === 0 ? 2 : rng.int(3, 6);
    while (measured.size < count) measured.add(rng.int(-3, 12));
    [...measured]
      .sort((a, b) => a - b)
      .slice(-3)
      .forEach((w) => {
        graded.add(`${p}_${w}`);
      });
    for (let w = -3; w <= 12; w++) {
      const m = measured.has(w);
      rows.push([
        p,
        String(w),
        m ? String(rng.int(1500, 4000)) : "",
        m ? num(rng.next() * 100, 4) : "",
        m ? "70" : "",
        m ? "Male" : "",
        m ? "Ex-smoker" : "",
        `${p}_${w}`,
        "100",
      ]);
    }
  });
  const answers = csv(cols, rows);
  const sc = ["Patient_Week", "FVC", "Confidence"];
  const keyOf = (r: readonly string[]) => r[7]!;
  const fvc = (r: readonly string[]) => (r[2] === "" ? "2000" : r[2]!);
  const perfect = rows.map((r) => [keyOf(r), fvc(r), "70"]);
  const random = rows.map((r) => [
    keyOf(r),
    String(Number(fvc(r)) + rng.int(-1500, 1500)),
    String(rng.int(0, 600)),
  ]);
  const gradedIdx = rows.map((r, i) => (graded.has(keyOf(r)) ? i : -1)).filter((i) => i >= 0);
  const ungradedIdx = rows.map((r, i) => (graded.has(keyOf(r)) ? -1 : i)).filter((i) => i >= 0);
  const g0 = gradedIdx[0]!;
  const u0 = ungradedIdx[0]!;
  const without = (list: Rows, i: number) => list.filter((_, k) => k !== i);
  const onlyOneGraded = [...ungradedIdx.map((i) => random[i]!), random[g0]!, random[g0]!];
  const cases: GeometryCase[] = [
    same("perfect", csv(sc, perfect)),
    same("random", csv(sc, random)),
    same(
      "sample",
      csv(
        sc,
        rows.map((r) => [keyOf(r), "2000", "100"]),
      ),
    ),
    same("blank confidence", csv(sc, withCell(random, g0, 2, ""))),
    same("blank FVC on a graded row", csv(sc, withCell(random, g0, 1, ""))),
    same("blank FVC on an ungraded row", csv(sc, withCell(random, u0, 1, ""))),
    same("text FVC", csv(sc, withCell(random, u0, 1, "high"))),
    same(
      "float FVC and confidence",
      csv(
        sc,
        random.map(([k, f, c]) => [k!, `${f}.25`, `${c}.5`]),
      ),
    ),
    same("ungraded row missing", csv(sc, without(random, u0))),
    rejects("graded row missing", csv(sc, without(random, g0))),
    same("ungraded row repeated", csv(sc, [...random, random[u0]!])),
    same("graded row repeated", csv(sc, [...random, random[g0]!])),
    rejects("only one graded row, repeated", csv(sc, onlyOneGraded)),
    rejects(
      "no graded row",
      csv(
        sc,
        ungradedIdx.map((i) => random[i]!),
      ),
    ),
    same("unknown Patient_Week", csv(sc, withCell(random, u0, 0, "ID00_nobody_3"))),
    ...pick(tableVariants(sc, random, "Patient_Week", rng), [
      "shuffled",
      "header only",
      "empty file",
      "extra column",
      "columns reversed",
      "missing Patient_Week",
      "missing FVC",
      "missing Confidence",
    ]),
  ];
  return { answers, cases };
}

function smartphone(rng: Rng): GeometryCompetition {
  const cols = ["tripId", "UnixTimeMillis", "LatitudeDegrees", "LongitudeDegrees"];
  const trips = [
    "2021-04-28-US-MTV-2-Pixel4",
    "2021-08-24-US-SVL-1-GooglePixel5",
    "2022-01-04-US-MTV-1-XiaomiMi8",
  ];
  const blocks: Rows[] = trips.map((trip) => {
    let t = 1619650000000 + rng.int(0, 1e6);
    const count = rng.int(8, 16);
    return Array.from({ length: count }, () => {
      t += 1000;
      return [trip, String(t), num(37.3 + rng.next() * 0.2, 9), num(-122.1 + rng.next() * 0.2, 9)];
    });
  });
  const truth = blocks.flat();
  const answers = csv(cols, truth);
  const noisy = truth.map(([trip, t, lat, lon]) => [
    trip!,
    t!,
    num(Number(lat) + (rng.next() - 0.5) * 1e-4, 10),
    num(Number(lon) + (rng.next() - 0.5) * 1e-4, 10),
  ]);
  const n0 = blocks[0]!.length;
  const reversedTrip = [...noisy.slice(0, n0).reverse(), ...noisy.slice(n0)];
  const moved = noisy.map((r) => [...r]);
  moved.push(moved.splice(0, 1)[0]!); // trip 0 loses a row, the total count stays
  moved[moved.length - 1]![0] = trips[2]!;
  const cases: GeometryCase[] = [
    same("perfect", csv(cols, truth)),
    same("noisy", csv(cols, noisy)),
    same(
      "sample",
      csv(
        cols,
        truth.map(([trip, t]) => [trip!, t!, "37.904611315634504", "-86.48107806249548"]),
      ),
    ),
    same("trips reordered", csv(cols, [...noisy.slice(n0), ...noisy.slice(0, n0)])),
    same(
      "times as floats",
      csv(
        cols,
        noisy.map(([a, t, b, c]) => [a!, `${t}.0`, b!, c!]),
      ),
    ),
    same(
      "integer coordinates",
      csv(
        cols,
        noisy.map(([a, t]) => [a!, t!, "37", "-122"]),
      ),
    ),
    same("blank latitude", csv(cols, withCell(noisy, 2, 2, ""))),
    same("text longitude", csv(cols, withCell(noisy, 2, 3, "west"))),
    same("row moved to another trip", csv(cols, moved)),
    same("unknown trip", csv(cols, withCell(noisy, 0, 0, "no-such-trip"))),
    rejects("rows of a trip reversed", csv(cols, reversedTrip)),
    rejects("a timestamp changed", csv(cols, withCell(noisy, 1, 1, "1"))),
    rejects("shuffled", csv(cols, rng.shuffle(noisy))),
    ...pick(tableVariants(cols, noisy, "tripId", rng), [
      "header only",
      "empty file",
      "dropped row",
      "extra column",
      "columns reversed",
      "missing tripId",
      "missing UnixTimeMillis",
      "missing LatitudeDegrees",
      "missing LongitudeDegrees",
    ]),
  ];
  return { answers, cases };
}

/** RLE cases shared by the segmentation competitions: row `row` of `rows`, column `column`, replaced. */
function oddRleCases(cols: readonly string[], rows: Rows, row: number, column: number): GeometryCase[] {
  return ODD_RLES.map(([label, text]) => same(label, csv(cols, withCell(rows, row, column, text))));
}

function contrails(rng: Rng): GeometryCompetition {
  const n = 16;
  const h = 12;
  const w = 10;
  const cols = ["record_id", "encoded_pixels", "height", "width"];
  const ids = rng.distinct(n, () => String(rng.int(1, 9)) + rng.chars(rng.int(10, 18), "0123456789"));
  const truth = ids.map((id, i) => [
    id,
    i % 3 === 0 ? "-" : randomRle(rng, h * w, 4) || "-",
    String(h),
    String(w),
  ]);
  const answers = csv(cols, truth);
  const near = truth.map((r) => [
    r[0]!,
    rng.chance(0.4) ? randomRle(rng, h * w, 4) || "-" : r[1]!,
    r[2]!,
    r[3]!,
  ]);
  const sc = ["record_id", "encoded_pixels"];
  const sub = near.map((r) => [r[0]!, r[1]!]);
  const cases: GeometryCase[] = [
    same("perfect", csv(cols, truth)),
    same("near", csv(sc, sub)),
    same(
      "all dash",
      csv(
        sc,
        truth.map((r) => [r[0]!, "-"]),
      ),
    ),
    same(
      "sample style",
      csv(
        cols,
        truth.map((r) => [r[0]!, rng.chance(0.5) ? "1 3 10 5" : "-", "256", "256"]),
      ),
    ),
    same("blank cell", csv(sc, withCell(sub, 2, 1, ""))),
    same("dash with spaces", csv(sc, withCell(sub, 2, 1, " - "))),
    same(
      "full masks",
      csv(
        sc,
        truth.map((r) => [r[0]!, `1 ${h * w}`]),
      ),
    ),
    same(
      "ids as floats",
      csv(
        sc,
        sub.map(([id, m]) => [`${id}.0`, m!]),
      ),
    ),
    ...oddRleCases(sc, sub, 1, 1),
    ...tableVariants(sc, sub, "record_id", rng),
  ];
  return { answers, cases };
}

function hubmap(rng: Rng): GeometryCompetition {
  const dims = [
    [40, 30],
    [25, 60],
    [33, 33],
    [10, 70],
    [50, 20],
  ];
  const ids = rng.distinct(dims.length, () => rng.chars(9));
  const truth = ids.map((id, i) => [
    id,
    randomRle(rng, dims[i]![0]! * dims[i]![1]!, 8) || "1 5",
    String(dims[i]![1]),
    String(dims[i]![0]),
  ]);
  const answers = csv(["id", "encoding", "width_pixels", "height_pixels"], truth);
  const sc = ["id", "predicted"];
  const perfect = truth.map((r) => [r[0]!, r[1]!]);
  const near = truth.map((r) => [r[0]!, shiftRle(r[1]!, rng.int(-2, 2))]);
  const random = truth.map((r, i) => [r[0]!, randomRle(rng, dims[i]![0]! * dims[i]![1]!, 8)]);
  const cases: GeometryCase[] = [
    same("perfect", csv(sc, perfect)),
    same("near", csv(sc, near)),
    same("random", csv(sc, random)),
    same(
      "sample (empty)",
      csv(
        sc,
        truth.map((r) => [r[0]!, ""]),
      ),
    ),
    same("one empty prediction", csv(sc, withCell(near, 1, 1, ""))),
    same(
      "single integers",
      csv(
        sc,
        truth.map((r, i) => [r[0]!, String(i + 3)]),
      ),
    ),
    same("one single integer", csv(sc, withCell(near, 1, 1, "17"))),
    ...oddRleCases(sc, near, 2, 1),
    ...tableVariants(sc, near, "id", rng),
  ];
  return { answers, cases };
}

function vesuvius(rng: Rng): GeometryCompetition {
  const w = 23;
  const h = 17;
  const cols = ["Id", "Predicted", "width", "height"];
  const one = [["a", randomRle(rng, w * h, 10) || "3 4", String(w), String(h)]];
  const answers = csv(cols, one);
  const sc = ["Id", "Predicted"];
  const near = [["a", shiftRle(one[0]![1]!, 1)]];
  const two = [one[0]!, ["b", randomRle(rng, 11 * 9, 5) || "1 2", "11", "9"]];
  const twoAnswers = csv(cols, two);
  const twoSub = [
    ["a", near[0]![1]!],
    ["b", randomRle(rng, 99, 5)],
  ];
  const cases: GeometryCase[] = [
    same("perfect", csv(sc, [[one[0]![0]!, one[0]![1]!]])),
    same("near", csv(sc, near)),
    same("sample", csv(sc, [["a", "1 1 5 1"]])),
    same("full", csv(sc, [["a", `1 ${w * h}`]])),
    same("space (empty mask)", csv(sc, [["a", " "]])),
    same("blank cell", csv(sc, [["a", ""]])),
    same("wrong id", csv(sc, [["b", near[0]![1]!]])),
    same("columns reversed", csv(["Predicted", "Id"], [[near[0]![1]!, "a"]])),
    same("extra column", csv([...sc, "note"], [[...near[0]!, "x"]])),
    same("missing Predicted", csv(["Id", "note"], [["a", "x"]])),
    same("header only", "Id,Predicted\n"),
    same("two rows in order", csv(sc, twoSub)),
    same("two rows swapped", csv(sc, [twoSub[1]!, twoSub[0]!])),
    ...ODD_RLES.map(([label, text]) => same(label, csv(sc, [["a", text]]))),
  ].map((c) => (c.label.startsWith("two rows") ? { ...c, answers: twoAnswers } : c));
  return { answers, cases };
}

function kuzushiji(rng: Rng): GeometryCompetition {
  const cols = ["image_id", "labels"];
  const alphabet = ["U+3042", "U+304B", "U+306E", "U+3082", "U+FF2F"];
  const ids = rng.distinct(14, () =>
    rng.chance(0.5)
      ? `${rng.int(100000000, 999999999)}_${rng.chars(5, "0123456789")}_1`
      : `umgy${rng.chars(3, "0123456789")}-${rng.chars(3, "0123456789")}`,
  );
  const pages = ids.map((_, i) =>
    i % 6 === 0
      ? []
      : Array.from(
          { length: rng.int(1, 6) },
          () =>
            [rng.pick(alphabet), rng.int(0, 200), rng.int(0, 200), rng.int(5, 40), rng.int(5, 40)] as const,
        ),
  );
  const truth = ids.map((id, i) => [id, pages[i]!.map((c) => c.join(" ")).join(" ")]);
  const answers = csv(cols, truth);
  const centre = (c: readonly [string, number, number, number, number]) =>
    [c[0], c[1] + c[3] / 2, c[2] + c[4] / 2] as const;
  const perfect = ids.map((id, i) => [id, pages[i]!.map((c) => centre(c).join(" ")).join(" ")]);
  const noisy = ids.map((id, i) => [
    id,
    [
      ...pages[i]!.filter(() => rng.chance(0.7)).map((c) => {
        const [l, x, y] = centre(c);
        return [
          rng.chance(0.85) ? l : rng.pick(alphabet),
          (x + (rng.next() - 0.5) * c[3]).toFixed(2),
          (y + (rng.next() - 0.5) * c[4]).toFixed(2),
        ].join(" ");
      }),
      ...(rng.chance(0.3) ? [`${rng.pick(alphabet)} ${rng.int(0, 200)} ${rng.int(0, 200)}`] : []),
    ].join(" "),
  ]);
  const p1 = pages[1]![0]!;
  const edge = withCell(noisy, 1, 1, `${p1[0]} ${p1[1]} ${p1[2] + 1}`);
  const cases: GeometryCase[] = [
    same("perfect", csv(cols, perfect)),
    same("noisy", csv(cols, noisy)),
    same(
      "sample",
      csv(
        cols,
        ids.map((id) => [id, "U+003F 1 1 U+FF2F 2 2"]),
      ),
    ),
    same(
      "all blank",
      csv(
        cols,
        ids.map((id) => [id, ""]),
      ),
    ),
    same("point on the box edge", csv(cols, edge)),
    same(
      "gold style (X+1, Y+1)",
      csv(
        cols,
        ids.map((id, i) => [id, pages[i]!.map((c) => `${c[0]} ${c[1] + 1} ${c[2] + 1}`).join(" ")]),
      ),
    ),
    same("prediction on an empty page", csv(cols, withCell(noisy, 0, 1, "U+3042 5 5 U+3042 6 6"))),
    same("double space", csv(cols, withCell(noisy, 2, 1, "U+3042  5 5"))),
    same("trailing space", csv(cols, withCell(noisy, 2, 1, "U+3042 5 5 "))),
    same(
      "lower-case label",
      csv(
        cols,
        perfect.map(([id, l]) => [id!, l!.replaceAll("U+", "u+")]),
      ),
    ),
    same("text coordinate", csv(cols, withCell(noisy, 2, 1, "U+3042 five 5"))),
    same("nan and exponent coordinates", csv(cols, withCell(noisy, 2, 1, "U+3042 nan 5 U+304B 1e2 -inf"))),
    same(
      "numeric labels column",
      csv(
        cols,
        ids.map((id, i) => [id, String(i)]),
      ),
    ),
    ...tableVariants(cols, noisy, "image_id", rng),
  ];
  return { answers, cases };
}

function uwMadison(rng: Rng): GeometryCompetition {
  const cols = ["id", "class", "predicted", "image_width", "image_height"];
  const classes = ["large_bowel", "small_bowel", "stomach"];
  const days = [
    ["case123_day20", 14, 12],
    ["case7_day0", 10, 16],
    ["case42_day3", 14, 12],
  ] as const;
  const rows: Rows = [];
  for (const [day, w, h] of days) {
    const count = rng.int(3, 5);
    for (let s = 1; s <= count; s++) {
      for (const c of classes) {
        const empty = rng.chance(0.45);
        rows.push([
          `${day}_slice_${String(s).padStart(4, "0")}`,
          c,
          empty ? "" : randomRle(rng, w * h, 3),
          `${w}.0`,
          `${h}.0`,
        ]);
      }
    }
  }
  const answers = csv(cols, rows);
  const sc = ["id", "class", "predicted"];
  const perfect = rows.map((r) => [r[0]!, r[1]!, r[2]!]);
  const near = rows.map((r) => {
    const pixels = Number(r[3]) * Number(r[4]);
    return [
      r[0]!,
      r[1]!,
      rng.chance(0.3)
        ? randomRle(rng, pixels, 3)
        : r[2] === "" || rng.chance(0.5)
          ? r[2]!
          : shiftRle(r[2]!, rng.int(-4, 4)),
    ];
  });
  const classSwapped = near.map((r) => [...r]);
  [classSwapped[0]![1], classSwapped[1]![1]] = [classSwapped[1]![1]!, classSwapped[0]![1]!];
  const firstDay = rows.filter((r) => r[0]!.startsWith("case123_")).length;
  const dayMoved = [...near.slice(firstDay), ...near.slice(0, firstDay)];
  const slicesReversed: Rows = [];
  for (let k = firstDay - 3; k >= 0; k -= 3) slicesReversed.push(...near.slice(k, k + 3));
  const cases: GeometryCase[] = [
    same("perfect", csv(sc, perfect)),
    same("near", csv(sc, near)),
    same(
      "sample",
      csv(
        sc,
        rows.map((r) => [r[0]!, r[1]!, "1 1 5 2"]),
      ),
    ),
    same(
      "all empty",
      csv(
        sc,
        rows.map((r) => [r[0]!, r[1]!, ""]),
      ),
    ),
    same(
      "extra column",
      csv(
        [...sc, "note"],
        near.map((r) => [...r, "x"]),
      ),
    ),
    same(
      "columns reversed",
      csv(
        [...sc].reverse(),
        near.map((r) => [...r].reverse()),
      ),
    ),
    same(
      "missing class",
      csv(
        ["id", "predicted"],
        near.map((r) => [r[0]!, r[2]!]),
      ),
    ),
    same(
      "missing predicted",
      csv(
        ["id", "class"],
        near.map((r) => [r[0]!, r[1]!]),
      ),
    ),
    same("empty file", ""),
    rejects("header only", `${sc.join(",")}\n`),
    rejects("classes of a slice swapped", csv(sc, classSwapped)),
    same(
      "case-days reordered (other sizes)",
      csv(sc, [
        ...near.slice(firstDay).filter((r) => r[0]!.startsWith("case42_")),
        ...near.filter((r) => !r[0]!.startsWith("case42_")),
      ]),
    ),
    rejects("slices of a day reversed", csv(sc, [...slicesReversed, ...near.slice(firstDay)])),
    same("case-days reordered (sizes differ)", csv(sc, dayMoved)),
    rejects("last row dropped", csv(sc, near.slice(0, -1))),
    rejects("a row repeated at the end", csv(sc, [...near, near[near.length - 1]!])),
    rejects("an id changed", csv(sc, withCell(near, 0, 0, "12"))),
    ...oddRleCases(sc, near, 4, 2),
  ];
  return { answers, cases };
}

function siimCovid(rng: Rng): GeometryCompetition {
  const cols = ["id", "PredictionString"];
  const studies = ["negative", "typical", "indeterminate", "atypical"];
  const studyIds = rng.distinct(6, () => `${rng.chars(12)}_study`).sort();
  const imageIds = rng.distinct(8, () => `${rng.chars(12)}_image`).sort();
  const box = () => {
    const x = rng.int(0, 2000);
    const y = rng.int(0, 2000);
    return [x, y, x + rng.int(50, 600), y + rng.int(50, 600)] as const;
  };
  const imageBoxes = imageIds.map((_, i) => (i % 3 === 0 ? [] : Array.from({ length: rng.int(1, 3) }, box)));
  const truth = [
    ...studyIds.map((id) => [id, `${rng.pick(studies)} 1 0 0 1 1`]),
    ...imageIds.map((id, i) => [
      id,
      imageBoxes[i]!.length === 0
        ? "none 1 0 0 1 1"
        : imageBoxes[i]!.map((b) => `opacity 1 ${b.join(" ")}`).join(" "),
    ]),
  ];
  const answers = csv(cols, truth);
  const jitter = (b: readonly number[]) => b.map((v) => (v + rng.int(-40, 40)).toFixed(1)).join(" ");
  const conf = () => rng.next().toFixed(3);
  const probs = studyIds.map((id) => [id, studies.map((s) => `${s} ${conf()} 0 0 1 1`).join(" ")]);
  const preds = imageIds.map((id, i) => [
    id,
    [
      ...imageBoxes[i]!.filter(() => rng.chance(0.8)).map((b) => `opacity ${conf()} ${jitter(b)}`),
      ...(rng.chance(0.5) ? [`opacity ${conf()} ${box().join(" ")}`] : []),
      `none ${conf()} 0 0 1 1`,
    ].join(" "),
  ]);
  const realistic = [...probs, ...preds];
  const cases: GeometryCase[] = [
    same("perfect", csv(cols, truth)),
    same("realistic", csv(cols, realistic)),
    same(
      "sample",
      csv(cols, [
        ...studyIds.map((id) => [id, "negative 1 0 0 1 1"]),
        ...imageIds.map((id) => [id, "none 1 0 0 1 1"]),
      ]),
    ),
    same(
      "tied confidences",
      csv(
        cols,
        realistic.map(([id, p]) => [id!, p!.replace(/(\w+) 0\.\d+ /g, "$1 0.5 ")]),
      ),
    ),
    same(
      "half-overlap study box",
      csv(cols, withCell(realistic, 0, 1, "typical 0.9 0 0 1 2 negative 0.3 0 0 1 1")),
    ),
    same(
      "typical on an image row",
      csv(cols, withCell(realistic, 7, 1, `${realistic[7]![1]} typical 0.99 0 0 1 1`)),
    ),
    same(
      "unknown label ignored",
      csv(cols, withCell(realistic, 7, 1, `${realistic[7]![1]} cat 0.7 0 0 1 1`)),
    ),
    same(
      "negative confidences",
      csv(
        cols,
        realistic.map(([id, p]) => [id!, p!.replace(/(\w+) 0\.(\d+) /g, "$1 -0.$2 ")]),
      ),
    ),
    same("whitespace around", csv(cols, withCell(realistic, 1, 1, `  ${realistic[1]![1]}\t`))),
    same("blank cell", csv(cols, withCell(realistic, 1, 1, ""))),
    same("7 tokens", csv(cols, withCell(realistic, 1, 1, "negative 0.5 0 0 1 1 7"))),
    same("text confidence", csv(cols, withCell(realistic, 1, 1, "negative high 0 0 1 1"))),
    same("nan confidence", csv(cols, withCell(realistic, 1, 1, "negative nan 0 0 1 1"))),
    same(
      "inf confidence on an unknown label",
      csv(cols, withCell(realistic, 1, 1, "negative 0.2 0 0 1 1 cat inf 0 0 1 1")),
    ),
    ...tableVariants(cols, realistic, "id", rng),
  ];
  return { answers, cases };
}

function lyft3d(rng: Rng): GeometryCompetition {
  const cols = ["Id", "PredictionString"];
  const names = ["car", "pedestrian", "truck", "bicycle"];
  const ids = rng.distinct(8, () => rng.chars(64));
  const objects = ids.map(() =>
    Array.from({ length: rng.int(1, 5) }, () => {
      const name = rng.pick(names);
      const size =
        name === "truck" ? [2.8, 9.5, 3.4] : name === "pedestrian" ? [0.7, 0.8, 1.8] : [1.9, 4.6, 1.7];
      return {
        x: 2700 + rng.next() * 30,
        y: 650 + rng.next() * 30,
        z: -18 + rng.next(),
        size: size.map((v) => v * (0.8 + rng.next() * 0.4)),
        yaw: rng.next() * 6.28 - 3.14,
        name,
      };
    }),
  );
  const fmt = (
    o: { x: number; y: number; z: number; size: number[]; yaw: number; name: string },
    conf: string,
  ) => [conf, o.x, o.y, o.z, ...o.size, o.yaw, o.name].join(" ");
  const truth = ids.map((id, i) => [id, objects[i]!.map((o) => fmt(o, "1.0")).join(" ")]);
  const answers = csv(cols, truth);
  const noisy = ids.map((id, i) => [
    id,
    [
      ...objects[i]!.filter(() => rng.chance(0.85)).map((o) =>
        fmt(
          {
            ...o,
            x: o.x + (rng.next() - 0.5) * 0.6,
            y: o.y + (rng.next() - 0.5) * 0.6,
            z: o.z + (rng.next() - 0.5) * 0.3,
            yaw: o.yaw + (rng.next() - 0.5) * 0.3,
            size: o.size.map((v) => v * (0.9 + rng.next() * 0.2)),
          },
          rng.next().toFixed(3),
        ),
      ),
      ...(rng.chance(0.4) ? [fmt({ ...objects[i]![0]!, x: objects[i]![0]!.x + 1.5 }, "0.2")] : []),
    ].join(" "),
  ]);
  const o0 = objects[0]![0]!;
  const cases: GeometryCase[] = [
    same("perfect", csv(cols, truth)),
    same("noisy", csv(cols, noisy)),
    same(
      "sample (empty)",
      csv(
        cols,
        ids.map((id) => [id, ""]),
      ),
    ),
    same(
      "duplicated detections",
      csv(
        cols,
        noisy.map(([id, p]) => [id!, p ? `${p} ${p}` : ""]),
      ),
    ),
    same(
      "8-token objects (no confidence)",
      csv(cols, withCell(noisy, 0, 1, [o0.x, o0.y, o0.z, ...o0.size, o0.yaw, o0.name].join(" "))),
    ),
    same(
      "unknown class with zero size",
      csv(cols, withCell(noisy, 0, 1, `${noisy[0]![1]} 0.9 1 1 1 0 0 0 nan ghost`.trim())),
    ),
    same(
      "zero size on a scored class",
      csv(cols, withCell(noisy, 0, 1, fmt({ ...o0, size: [0, 1, 1] }, "0.9"))),
    ),
    same(
      "nan yaw on a scored class",
      csv(cols, withCell(noisy, 0, 1, fmt({ ...o0, yaw: Number.NaN }, "0.9").replace("NaN", "nan"))),
    ),
    same("infinite yaw on an unknown class", csv(cols, withCell(noisy, 0, 1, "0.9 1 1 1 1 1 1 inf ghost"))),
    same("double space", csv(cols, withCell(noisy, 0, 1, fmt(o0, "0.9").replace(" ", "  ")))),
    same("trailing space", csv(cols, withCell(noisy, 0, 1, `${fmt(o0, "0.9")} `))),
    same("text number", csv(cols, withCell(noisy, 0, 1, fmt(o0, "high")))),
    same(
      "rotated by pi",
      csv(
        cols,
        truth.map(([id, p]) => [
          id!,
          p!.replace(
            / (-?\d+\.\d+) (car|pedestrian|truck|bicycle)/g,
            (_, y, n) => ` ${Number(y) + Math.PI} ${n}`,
          ),
        ]),
      ),
    ),
    same("whitespace-only cell", csv(cols, withCell(noisy, 1, 1, "   "))),
    ...tableVariants(cols, noisy, "Id", rng),
  ];
  return { answers, cases };
}

function vinbigdata(rng: Rng): GeometryCompetition {
  const cols = ["image_id", "class_id", "class_name", "rad_id", "x_min", "y_min", "x_max", "y_max"];
  const ids = rng.distinct(8, () => rng.chars(32)).sort();
  type Row = { id: string; cls: number; box: number[] };
  const rows: Row[] = [];
  ids.forEach((id, i) => {
    if (i % 4 === 0) {
      rows.push({ id, cls: 14, box: [0, 0, 1, 1] });
      return;
    }
    const classes = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.int(0, 5)))].sort(
      (a, b) => a - b,
    );
    for (const cls of classes) {
      const x = rng.int(100, 1500);
      const y = rng.int(100, 1500);
      rows.push({
        id,
        cls,
        box: [x, y, x + rng.int(50, 400), y + rng.int(50, 400)].map((v) => v + rng.int(0, 9) / 10),
      });
    }
  });
  const answers = csv(
    cols,
    rows.map((r) => [
      r.id,
      String(r.cls),
      r.cls === 14 ? "No finding" : `Class ${r.cls}`,
      "R9",
      ...r.box.map(String),
    ]),
  );
  const sc = ["image_id", "PredictionString"];
  const boxText = (cls: number | string, score: string, b: readonly number[]) =>
    `${cls} ${score} ${b.map((v) => v.toFixed(1)).join(" ")}`;
  const perImage = (f: (r: Row) => string[]) =>
    ids.map((id) => [
      id,
      rows
        .filter((r) => r.id === id)
        .flatMap(f)
        .join(" "),
    ]);
  const perfect = perImage((r) => [boxText(r.cls, "1.0", r.box)]);
  const noisy = perImage((r) => [
    ...(rng.chance(0.85)
      ? [
          boxText(
            r.cls,
            rng.next().toFixed(3),
            r.box.map((v) => v + (r.cls === 14 ? 0 : rng.int(-60, 60))),
          ),
        ]
      : []),
    ...(rng.chance(0.4) ? [boxText(rng.int(0, 5), rng.next().toFixed(3), [200, 200, 500, 600])] : []),
  ]).map(([id, p]) => [id!, p || "14 0.5 0 0 1 1"]);
  const many = noisy.map(([id, p], i) => [
    id!,
    i === 1
      ? `${p} ${Array.from({ length: 110 }, (_, k) => boxText(rows.find((r) => r.id === id)!.cls, (k / 200).toFixed(3), [k, k, k + 300, k + 300])).join(" ")}`
      : p!,
  ]);
  const cases: GeometryCase[] = [
    same("perfect", csv(sc, perfect)),
    same("perfect reversed (id-0 box moves)", csv(sc, [...perfect].reverse())),
    same("noisy", csv(sc, noisy)),
    same(
      "sample",
      csv(
        sc,
        ids.map((id) => [id, "14 1 0 0 1 1"]),
      ),
    ),
    same(
      "unknown class ignored",
      csv(
        sc,
        noisy.map(([id, p]) => [id!, `${p} 99 0.9 1 1 50 50`]),
      ),
    ),
    same(
      "fractional and negative class ids",
      csv(
        sc,
        noisy.map(([id, p]) => [id!, p!.replace(/^(\d+) /, "$1.9 ").replace(/ 0 0\.(\d+) /, " -0.5 0.$1 ")]),
      ),
    ),
    same(
      "inverted boxes",
      csv(
        sc,
        perImage((r) => [boxText(r.cls, "0.7", [r.box[2]!, r.box[3]!, r.box[0]!, r.box[1]!])]),
      ),
    ),
    same("over 100 boxes of one class", csv(sc, many)),
    same(
      "scores outside [0, 1]",
      csv(
        sc,
        noisy.map(([id, p]) => [id!, p!.replace(/ 0\.(\d+) /g, " 7.$1 ")]),
      ),
    ),
    rejects("duplicated row pooled", csv(sc, [...noisy, [noisy[1]![0]!, "2 0.9 300 300 700 700"]])),
    same("nan class", csv(sc, withCell(noisy, 2, 1, "nan 0.9 1 1 2 2"))),
    same("7 tokens", csv(sc, withCell(noisy, 2, 1, "3 0.9 1 1 2 2 5"))),
    same("double space", csv(sc, withCell(noisy, 2, 1, "3 0.9  1 1 2 2"))),
    same("blank cell", csv(sc, withCell(noisy, 2, 1, ""))),
    same("text token", csv(sc, withCell(noisy, 2, 1, "3 high 1 1 2 2"))),
    same("missing image", csv(sc, noisy.slice(1))),
    same("unknown image", csv(sc, [...noisy, ["zz-not-an-id", "14 1 0 0 1 1"]])),
    same("unknown image replacing one", csv(sc, withCell(noisy, 0, 0, "zz-not-an-id"))),
    same(
      "extra column",
      csv(
        [...sc, "note"],
        noisy.map((r) => [...r, "x"]),
      ),
    ),
    same(
      "missing PredictionString",
      csv(
        ["image_id"],
        noisy.map((r) => [r[0]!]),
      ),
    ),
    same(
      "missing image_id",
      csv(
        ["PredictionString"],
        noisy.map((r) => [r[1]!]),
      ),
    ),
    same("empty file", ""),
  ];
  return { answers, cases };
}

export const GEOMETRY_COMPETITIONS: Readonly<Record<string, (rng: Rng) => GeometryCompetition>> = {
  "tgs-salt-identification-challenge": tgsSalt,
  "icecube-neutrinos-in-deep-ice": icecube,
  "osic-pulmonary-fibrosis-progression": osic,
  "smartphone-decimeter-2022": smartphone,
  "google-research-identify-contrails-reduce-global-warming": contrails,
  "hubmap-kidney-segmentation": hubmap,
  "vesuvius-challenge-ink-detection": vesuvius,
  "kuzushiji-recognition": kuzushiji,
  "uw-madison-gi-tract-image-segmentation": uwMadison,
  "siim-covid19-detection": siimCovid,
  "3d-object-detection-for-autonomous-vehicles": lyft3d,
  "vinbigdata-chest-xray-abnormalities-detection": vinbigdata,
};

export function geometryCompetition(id: string, seed: number): GeometryCompetition {
  const make = GEOMETRY_COMPETITIONS[id];
  if (make === undefined) throw new Error(`no geometry parity cases for ${id}`);
  return make(new Rng(seed));
}
