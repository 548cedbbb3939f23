// Benchmark cases for the geometry family (shared/mlebench/full-grading/g1-geometry.md): for each of the
// 12 competitions, answers at the path its competition.yaml names and one plausible valid submission, at
// the upstream size times `scale`. Files are written in ~1 MiB chunks. Values are shaped like the real
// ones: column-major RLE masks made of blobs (HuBMAP's three images of ~1.2 billion pixels each, 101×101
// salt masks, 256×256 contrails), Lyft 3D boxes, COCO-style chest X-ray boxes, Kuzushiji character
// boxes and points, IceCube directions (the largest: ~13 million events), GNSS tracks, OSIC weeks.
//
//   export const CASES = [{ id, rows, generate({ dataDir, random, scale }) }]
// generate() returns { submission: <absolute path> }.

import {
  answersPath,
  blobRle,
  csvWriter,
  rowsAt,
  shiftRle,
  submissionPath,
} from "./geometry/write-lines.mjs";

const f = (x, d = 4) => x.toFixed(d);

function tgsSalt({ dataDir, random, scale }) {
  const id = "tgs-salt-identification-challenge";
  const n = rowsAt(1000, scale);
  const ids = random.uniqueIds(n, (r) => r.hex(10)).sort();
  const a = csvWriter(answersPath(dataDir, id, "test.csv"), "id,rle_mask");
  const s = csvWriter(submissionPath(dataDir, id), "id,rle_mask");
  for (const x of ids) {
    const truth = random.uniform() < 0.4 ? "" : blobRle(random, 101, 101, random.int(1, 3), 60);
    a.write(`${x},${truth}`);
    s.write(`${x},${random.uniform() < 0.2 ? "" : shiftRle(truth, random.int(-40, 40), 10201)}`);
  }
  a.close();
  return { submission: s.close() };
}

function contrails({ dataDir, random, scale }) {
  const id = "google-research-identify-contrails-reduce-global-warming";
  const n = rowsAt(1856, scale);
  const ids = random.uniqueIds(
    n,
    (r) =>
      `${r.int(1, 9)}${String(r.int(0, 999999999)).padStart(9, "0")}${String(r.int(0, 999999999)).padStart(9, "0")}`,
  );
  const a = csvWriter(answersPath(dataDir, id, "answers.csv"), "record_id,encoded_pixels,height,width");
  const s = csvWriter(submissionPath(dataDir, id), "record_id,encoded_pixels,height,width");
  for (const x of ids) {
    const truth = random.uniform() < 0.5 ? "" : blobRle(random, 256, 256, random.int(1, 4), 40);
    a.write(`${x},${truth || "-"},256,256`);
    s.write(`${x},${shiftRle(truth, random.int(-300, 300), 65536) || "-"},256,256`);
  }
  a.close();
  return { submission: s.close() };
}

function hubmap({ dataDir, random, scale }) {
  const id = "hubmap-kidney-segmentation";
  const a = csvWriter(answersPath(dataDir, id, "test.csv"), "id,encoding,width_pixels,height_pixels");
  const s = csvWriter(submissionPath(dataDir, id), "id,predicted");
  for (let i = 0; i < 3; i++) {
    const x = random.hex(9);
    const height = 31000 + random.int(0, 8000);
    const width = 36000 + random.int(0, 8000);
    // glomeruli: ~2,000 blobs of up to 300 pixels a side at scale 1 (a few MB of RLE per image)
    const truth = blobRle(random, height, width, Math.max(1, Math.round(2000 * scale)), 300);
    a.write(`${x},${truth},${width},${height}`);
    s.write(`${x},${shiftRle(truth, random.int(-5, 5), height * width)}`);
  }
  a.close();
  return { submission: s.close() };
}

function vesuvius({ dataDir, random, scale }) {
  const id = "vesuvius-challenge-ink-detection";
  const width = Math.max(64, Math.round(5249 * Math.sqrt(scale)));
  const height = Math.max(64, Math.round(7606 * Math.sqrt(scale)));
  // row-major: build a column-major mask of the transposed image, which is the same run list
  const truth = blobRle(random, width, height, Math.max(1, Math.round(3000 * scale)), 120);
  const a = csvWriter(answersPath(dataDir, id, "inklabels_rle.csv"), "Id,Predicted,width,height");
  a.write(`a,${truth},${width},${height}`);
  a.close();
  const s = csvWriter(submissionPath(dataDir, id), "Id,Predicted");
  s.write(`a,${shiftRle(truth, random.int(-3, 3), width * height) || "1 1"}`);
  return { submission: s.close() };
}

function uwMadison({ dataDir, random, scale }) {
  const id = "uw-madison-gi-tract-image-segmentation";
  const days = Math.max(1, Math.round(24 * scale));
  const slices = scale >= 1 ? 144 : Math.max(2, Math.round(144 * Math.min(1, scale * 10)));
  const a = csvWriter(answersPath(dataDir, id, "test.csv"), "id,class,predicted,image_width,image_height");
  const s = csvWriter(submissionPath(dataDir, id), "id,class,predicted");
  for (let d = 0; d < days; d++) {
    const size = random.choice([266, 310, 360]);
    const prefix = `case${random.int(1, 160)}_day${d}`;
    for (let k = 1; k <= slices; k++) {
      for (const cls of ["large_bowel", "small_bowel", "stomach"]) {
        const inside = k > slices * 0.3 && k < slices * 0.8 && random.uniform() < 0.7;
        const truth = inside ? blobRle(random, size, size, random.int(1, 3), 50) : "";
        a.write(`${prefix}_slice_${String(k).padStart(4, "0")},${cls},${truth},${size}.0,${size}.0`);
        s.write(
          `${prefix}_slice_${String(k).padStart(4, "0")},${cls},${shiftRle(truth, random.int(-2, 2), size * size)}`,
        );
      }
    }
  }
  a.close();
  return { submission: s.close() };
}

function kuzushiji({ dataDir, random, scale }) {
  const id = "kuzushiji-recognition";
  const n = rowsAt(388, scale);
  const a = csvWriter(answersPath(dataDir, id, "test.csv"), "image_id,labels");
  const s = csvWriter(submissionPath(dataDir, id), "image_id,labels");
  const labels = Array.from({ length: 400 }, (_, i) => `U+${(0x3042 + i).toString(16).toUpperCase()}`);
  for (let p = 0; p < n; p++) {
    const pageId = `${random.int(100000000, 999999999)}_${String(random.int(0, 99999)).padStart(5, "0")}_${p}`;
    const count = random.uniform() < 0.05 ? 0 : random.int(50, 600);
    const truth = [];
    const pred = [];
    for (let c = 0; c < count; c++) {
      const [x, y, w, h] = [
        random.int(0, 3000),
        random.int(0, 4000),
        random.int(20, 120),
        random.int(20, 120),
      ];
      const label = random.choice(labels);
      truth.push(`${label} ${x} ${y} ${w} ${h}`);
      if (random.uniform() < 0.9)
        pred.push(
          `${random.uniform() < 0.9 ? label : random.choice(labels)} ${x + random.int(0, w)} ${y + random.int(0, h)}`,
        );
    }
    a.write(`${pageId},${truth.join(" ")}`);
    s.write(`${pageId},${pred.join(" ")}`);
  }
  a.close();
  return { submission: s.close() };
}

function icecube({ dataDir, random, scale }) {
  const id = "icecube-neutrinos-in-deep-ice";
  const n = rowsAt(13_200_000, scale);
  const a = csvWriter(answersPath(dataDir, id, "test.csv"), "event_id,azimuth,zenith");
  const s = csvWriter(submissionPath(dataDir, id), "event_id,azimuth,zenith");
  let event = 3_000_000;
  for (let i = 0; i < n; i++) {
    event += random.int(1, 20);
    const az = random.uniform() * 2 * Math.PI;
    const zen = random.uniform() * Math.PI;
    a.write(`${event},${f(az, 9)},${f(zen, 9)}`);
    s.write(`${event},${f(az + random.normal(0, 0.8), 6)},${f(zen + random.normal(0, 0.5), 6)}`);
  }
  a.close();
  return { submission: s.close() };
}

function smartphone({ dataDir, random, scale }) {
  const id = "smartphone-decimeter-2022";
  const total = rowsAt(40_000, scale);
  const trips = Math.max(1, Math.round(30 * Math.min(1, scale * 4)));
  const a = csvWriter(
    answersPath(dataDir, id, "test.csv"),
    "tripId,UnixTimeMillis,LatitudeDegrees,LongitudeDegrees",
  );
  const s = csvWriter(submissionPath(dataDir, id), "tripId,UnixTimeMillis,LatitudeDegrees,LongitudeDegrees");
  const phones = ["Pixel4", "Pixel5", "SamsungGalaxyS20Ultra", "XiaomiMi8"];
  for (let t = 0; t < trips; t++) {
    const trip = `2022-0${random.int(1, 9)}-${String(random.int(10, 28))}-US-MTV-${t}-${random.choice(phones)}`;
    let [lat, lon, time] = [
      37.3 + random.uniform() * 0.2,
      -122.1 + random.uniform() * 0.2,
      1_640_000_000_000 + t * 1e7,
    ];
    const epochs = Math.floor(total / trips) + (t < total % trips ? 1 : 0);
    for (let e = 0; e < epochs; e++) {
      lat += random.normal(0, 1e-5);
      lon += random.normal(0, 1e-5);
      time += 1000;
      a.write(`${trip},${time},${f(lat, 9)},${f(lon, 9)}`);
      s.write(`${trip},${time},${f(lat + random.normal(0, 2e-5), 9)},${f(lon + random.normal(0, 2e-5), 9)}`);
    }
  }
  a.close();
  return { submission: s.close() };
}

function osic({ dataDir, random, scale }) {
  const id = "osic-pulmonary-fibrosis-progression";
  const patients = Math.max(1, Math.round(18 * Math.min(1, scale * 10)));
  const a = csvWriter(
    answersPath(dataDir, id, "test.csv"),
    "Patient,Weeks,FVC,Percent,Age,Sex,SmokingStatus,Patient_Week,Confidence",
  );
  const s = csvWriter(submissionPath(dataDir, id), "Patient_Week,FVC,Confidence");
  for (let p = 0; p < patients; p++) {
    const patient = `ID00${String(random.int(0, 99999999999)).padStart(11, "0")}${String(random.int(0, 9999999999)).padStart(10, "0")}`;
    const measured = new Set(Array.from({ length: random.int(6, 10) }, () => random.int(-12, 133)));
    const base = random.int(1500, 4000);
    for (let w = -12; w <= 133; w++) {
      const m = measured.has(w);
      const fvc = base - w * 3 + random.int(-100, 100);
      a.write(
        `${patient},${w},${m ? fvc : ""},${m ? f(fvc / 40, 6) : ""},${m ? 67 : ""},${m ? "Male" : ""},${m ? "Ex-smoker" : ""},${patient}_${w},100`,
      );
      s.write(`${patient}_${w},${fvc + random.int(-300, 300)},${random.int(100, 400)}`);
    }
  }
  a.close();
  return { submission: s.close() };
}

function siimCovid({ dataDir, random, scale }) {
  const id = "siim-covid19-detection";
  const studies = rowsAt(634, scale);
  const labels = ["negative", "typical", "indeterminate", "atypical"];
  const box = () => {
    const [x, y] = [random.int(0, 2500), random.int(0, 2500)];
    return [x, y, x + random.int(100, 900), y + random.int(100, 900)];
  };
  const rows = [];
  for (let i = 0; i < studies; i++) {
    const study = random.hex(12);
    rows.push([
      `${study}_study`,
      `${random.choice(labels)} 1 0 0 1 1`,
      labels.map((l) => `${l} ${f(random.uniform(), 3)} 0 0 1 1`).join(" "),
    ]);
    const images = random.uniform() < 0.1 ? 2 : 1;
    for (let k = 0; k < images; k++) {
      const boxes = random.uniform() < 0.35 ? [] : Array.from({ length: random.int(1, 3) }, box);
      const truth =
        boxes.length === 0 ? "none 1 0 0 1 1" : boxes.map((b) => `opacity 1 ${b.join(" ")}`).join(" ");
      const pred = [
        ...boxes.map(
          (b) => `opacity ${f(random.uniform(), 3)} ${b.map((v) => f(v + random.int(-80, 80), 1)).join(" ")}`,
        ),
        `none ${f(random.uniform(), 3)} 0 0 1 1`,
      ].join(" ");
      rows.push([`${random.hex(12)}_image`, truth, pred]);
    }
  }
  rows.sort((p, q) =>
    p[0].endsWith("study") === q[0].endsWith("study")
      ? p[0] < q[0]
        ? -1
        : 1
      : p[0].endsWith("study")
        ? -1
        : 1,
  );
  const a = csvWriter(answersPath(dataDir, id, "test.csv"), "id,PredictionString");
  const s = csvWriter(submissionPath(dataDir, id), "id,PredictionString");
  for (const [x, truth, pred] of rows) {
    a.write(`${x},${truth}`);
    s.write(`${x},${pred}`);
  }
  a.close();
  return { submission: s.close() };
}

function vinbigdata({ dataDir, random, scale }) {
  const id = "vinbigdata-chest-xray-abnormalities-detection";
  const n = rowsAt(1500, scale);
  const ids = random.uniqueIds(n, (r) => r.hex(32)).sort();
  const a = csvWriter(
    answersPath(dataDir, id, "answers.csv"),
    "image_id,class_id,class_name,rad_id,x_min,y_min,x_max,y_max",
  );
  const s = csvWriter(submissionPath(dataDir, id), "image_id,PredictionString");
  for (const x of ids) {
    if (random.uniform() < 0.7) {
      a.write(`${x},14,No finding,R9,0.0,0.0,1.0,1.0`);
      s.write(`${x},14 ${f(random.uniform(), 3)} 0 0 1 1 ${random.int(0, 13)} 0.1 100 100 300 300`);
      continue;
    }
    const classes = [...new Set(Array.from({ length: random.int(1, 4) }, () => random.int(0, 13)))].sort(
      (p, q) => p - q,
    );
    const preds = [];
    for (const c of classes) {
      const [x0, y0] = [random.int(100, 2000), random.int(100, 2000)];
      const b = [x0, y0, x0 + random.int(50, 800), y0 + random.int(50, 800)];
      a.write(`${x},${c},Class ${c},R${random.int(8, 10)},${b.map((v) => f(v, 1)).join(",")}`);
      preds.push(`${c} ${f(random.uniform(), 3)} ${b.map((v) => f(v + random.int(-50, 50), 1)).join(" ")}`);
    }
    s.write(`${x},${preds.join(" ")}`);
  }
  a.close();
  return { submission: s.close() };
}

function lyft3d({ dataDir, random, scale }) {
  const id = "3d-object-detection-for-autonomous-vehicles";
  const n = rowsAt(4536, scale);
  const names = ["car", "car", "car", "pedestrian", "truck", "other_vehicle", "bicycle", "bus"];
  const a = csvWriter(answersPath(dataDir, id, "test.csv"), "Id,PredictionString");
  const s = csvWriter(submissionPath(dataDir, id), "Id,PredictionString");
  for (let i = 0; i < n; i++) {
    const x = random.hex(64);
    const truth = [];
    const pred = [];
    for (let k = random.int(1, 40); k > 0; k--) {
      const name = random.choice(names);
      const o = [
        2700 + random.uniform() * 100,
        650 + random.uniform() * 100,
        -18 + random.uniform(),
        1.9,
        4.6,
        1.7,
        random.uniform() * 6.28 - 3.14,
      ];
      truth.push(`1.0 ${o.map((v) => f(v, 6)).join(" ")} ${name}`);
      const jitter = o.map(
        (v, j) => v + (j < 3 ? random.normal(0, 0.3) : j < 6 ? random.normal(0, 0.1) : random.normal(0, 0.1)),
      );
      if (random.uniform() < 0.9)
        pred.push(`${f(random.uniform(), 4)} ${jitter.map((v) => f(v, 6)).join(" ")} ${name}`);
    }
    a.write(`${x},${truth.join(" ")}`);
    s.write(`${x},${pred.join(" ")}`);
  }
  a.close();
  return { submission: s.close() };
}

export const CASES = [
  { id: "tgs-salt-identification-challenge", rows: 1000, generate: tgsSalt },
  { id: "osic-pulmonary-fibrosis-progression", rows: 18 * 146, generate: osic },
  { id: "icecube-neutrinos-in-deep-ice", rows: 13_200_000, generate: icecube },
  { id: "smartphone-decimeter-2022", rows: 40_000, generate: smartphone },
  { id: "google-research-identify-contrails-reduce-global-warming", rows: 1856, generate: contrails },
  { id: "hubmap-kidney-segmentation", rows: 3, generate: hubmap },
  { id: "vesuvius-challenge-ink-detection", rows: 1, generate: vesuvius },
  { id: "uw-madison-gi-tract-image-segmentation", rows: 24 * 144 * 3, generate: uwMadison },
  { id: "kuzushiji-recognition", rows: 388, generate: kuzushiji },
  { id: "siim-covid19-detection", rows: 1300, generate: siimCovid },
  { id: "vinbigdata-chest-xray-abnormalities-detection", rows: 1500, generate: vinbigdata },
  { id: "3d-object-detection-for-autonomous-vehicles", rows: 4536, generate: lyft3d },
];
