// Chunked CSV writing and small generators shared by the geometry benchmark cases: files are written in
// ~1 MiB pieces, never as one giant string, and RLE masks are produced run by run.

import { csvWriter, preparedPath } from "../../case-files.mjs";

export { csvWriter };
export const answersPath = (dataDir, id, file) => preparedPath(dataDir, id, `private/${file}`);
export { submissionPath } from "../../case-files.mjs";
export const rowsAt = (rows, scale) => Math.max(2, Math.round(rows * scale));

/**
 * An RLE of blob-like masks on a height x width image (column-major, 1-based): `blobs` rectangles of up
 * to `size` pixels a side, as sorted disjoint runs. Returns the text and the runs (for a perturbed copy).
 */
export function blobRle(random, height, width, blobs, size) {
  const covered = new Map(); // column -> list of [r0, r1)
  for (let b = 0; b < blobs; b++) {
    const h = random.int(1, size);
    const w = random.int(1, size);
    const r0 = random.int(0, Math.max(0, height - h));
    const c0 = random.int(0, Math.max(0, width - w));
    for (let c = c0; c < Math.min(width, c0 + w); c++) {
      const list = covered.get(c) ?? [];
      list.push([r0, Math.min(height, r0 + h)]);
      covered.set(c, list);
    }
  }
  const parts = [];
  for (const c of [...covered.keys()].sort((a, b) => a - b)) {
    const spans = covered.get(c).sort((a, b) => a[0] - b[0]);
    let [s, e] = spans[0];
    for (const [a, z] of spans.slice(1)) {
      if (a <= e) e = Math.max(e, z);
      else {
        parts.push(c * height + s + 1, e - s);
        [s, e] = [a, z];
      }
    }
    parts.push(c * height + s + 1, e - s);
  }
  // runs of neighbouring columns never overlap: a column's runs end before the next column starts
  return parts.join(" ");
}

/** The runs of `rle` shifted by `shift` pixels and kept inside [1, pixels]. */
export function shiftRle(rle, shift, pixels) {
  if (rle === "") return "";
  const t = rle.split(" ").map(Number);
  const out = [];
  let end = 0;
  for (let i = 0; i + 1 < t.length; i += 2) {
    const s = Math.max(t[i] + shift, end + 1);
    const e = Math.min(t[i] + shift + t[i + 1], pixels + 1);
    if (e > s) {
      out.push(s, e - s);
      end = e - 1;
    }
  }
  return out.join(" ");
}
