// Files of the grading suite's cases (suite/*.mjs): written in ~1 MiB pieces, never as one giant string,
// laid out as `mlebench prepare` lays a competition out. Outside suite/ so the runner does not take it
// for a file of cases.

import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";

const CHUNK = 1 << 20;

/** An open CSV file: write(line) buffers, close() flushes and returns the path. No header when null. */
export function csvWriter(file, header) {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  let buffer = header === null ? "" : `${header}\n`;
  return {
    write(line) {
      buffer += `${line}\n`;
      if (buffer.length >= CHUNK) {
        writeSync(fd, buffer);
        buffer = "";
      }
    },
    close() {
      try {
        if (buffer.length > 0) writeSync(fd, buffer);
      } finally {
        closeSync(fd);
      }
      return file;
    },
  };
}

/** Writes `header` then `line(i)` for i < count; returns `file`. */
export function writeLines(file, header, count, line) {
  const out = csvWriter(file, header);
  try {
    for (let i = 0; i < count; i++) out.write(line(i));
  } finally {
    out.close();
  }
  return file;
}

/** DATA/<id>/prepared/<relative>, e.g. private/answers.csv. */
export const preparedPath = (dataDir, id, relative) => path.join(dataDir, id, "prepared", relative);
/** Where a case writes its submission. */
export const submissionPath = (dataDir, id) => path.join(dataDir, id, "submission.csv");
