// Paths that are not regular files (a FIFO, a device, a directory, links to them) are refused at once,
// and the size limit is exclusive and enforced at any size, with real files: FIFOs from mkfifo, sparse
// files of 2 GiB that cost no disk.

import { execFileSync } from "node:child_process";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { BenchError } from "../../errors.js";
import { readCsvFile } from "./frame.js";
import { readRegularFile } from "./read-regular-file.js";

const GiB = 1024 ** 3;

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-read-"));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function refusal(run: () => unknown): BenchError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    return error as BenchError;
  }
  throw new Error("expected the file to be refused");
}

/** A file of `size` bytes that takes no disk space (a hole). */
function sparseFile(path: string, size: number): string {
  closeSync(openSync(path, "w"));
  truncateSync(path, size);
  return path;
}

afterEach(() => {
  delete process.env.BENCH_MAX_CSV_BYTES;
});

describe("files that are not files", () => {
  it("refuses a FIFO at once instead of waiting for a writer, also through a link", () => {
    const dir = tempDir();
    const fifo = join(dir, "submission.csv");
    execFileSync("mkfifo", [fifo]);
    const link = join(dir, "link.csv");
    symlinkSync(fifo, link);
    for (const path of [fifo, link]) {
      const started = performance.now();
      const error = refusal(() => readCsvFile(path));
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(error.code).toBe("DATA_MISSING");
      expect(error.message).toBe(
        `${path}: is a FIFO (named pipe), not a regular file; bench reads only files.`,
      );
    }
  });

  it("refuses a character device and a directory", () => {
    expect(refusal(() => readCsvFile("/dev/zero")).message).toMatch(
      /is a character device, not a regular file/,
    );
    const dir = tempDir();
    mkdirSync(join(dir, "d.csv"));
    expect(refusal(() => readCsvFile(join(dir, "d.csv"))).message).toMatch(/is a directory/);
  });

  it("still reads a regular file, also through a link, and says what accept sees", () => {
    const dir = tempDir();
    const file = join(dir, "real.csv");
    writeFileSync(file, "id,x\n1,2\n");
    symlinkSync(file, join(dir, "link.csv"));
    let seen = "";
    const bytes = readRegularFile(join(dir, "link.csv"), {
      maxBytes: 100,
      accept: ({ realPath, stats }) => {
        seen = `${realPath} ${stats.size}`;
      },
    });
    expect(bytes.toString()).toBe("id,x\n1,2\n");
    expect(seen).toBe(`${file} 9`);
  });
});

describe("the size limit", () => {
  it("refuses a file of exactly the default limit, 2 GiB, naming the limit", () => {
    const path = sparseFile(join(tempDir(), "exact.csv"), 2 * GiB);
    const error = refusal(() => readCsvFile(path));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.message).toBe(
      `${path}: the file is 2 GiB (2147483648 bytes); bench reads only files smaller than 2 GiB (2147483648 bytes).`,
    );
  });

  it("is exclusive at any limit", () => {
    const path = join(tempDir(), "small.csv");
    writeFileSync(path, "id,x\n1,2\n"); // 9 bytes
    expect(refusal(() => readCsvFile(path, { maxBytes: 9 })).code).toBe("FILE_TOO_LARGE");
    expect(readCsvFile(path, { maxBytes: 10 }).rowCount).toBe(1);
  });

  it("refuses a limit raised above what bench can read, naming the ceiling, instead of crashing", () => {
    const path = sparseFile(join(tempDir(), "over.csv"), 2 * GiB + 1);
    process.env.BENCH_MAX_CSV_BYTES = String(3 * GiB);
    const error = refusal(() => readCsvFile(path));
    expect(error.code).toBe("USAGE");
    expect(error.message).toBe(
      "BENCH_MAX_CSV_BYTES is 3221225472, above 2147483648, the most bench can honour (files must be smaller than 2 GiB: byte offsets are 32-bit).",
    );
    expect(error.hint).toBe("set BENCH_MAX_CSV_BYTES to at most 2147483648.");
    process.env.BENCH_MAX_CSV_BYTES = String(2 * GiB);
    expect(refusal(() => readCsvFile(path)).code).toBe("FILE_TOO_LARGE");
  });
});
