import { describe, expect, it } from "vitest";
import { folderNotes, LISTED_PER_FOLDER } from "./artifact-notes.js";
import type { ExtractReport } from "./extract-archive.js";

const GiB = 1024 ** 3;

function report(overrides: Partial<ExtractReport>): ExtractReport {
  return {
    files: 0,
    directories: 0,
    bytes: 0,
    entries: 0,
    skipped: [],
    skippedCount: 0,
    overBytes: { files: 0, bytes: 0 },
    overEntries: 0,
    readBytes: 0,
    stopped: null,
    root: { type: "directory", linkname: null },
    ...overrides,
  };
}

describe("folderNotes", () => {
  it("names a file over the folder's budget with its size and the budget", () => {
    const size = Math.round(1.1 * GiB);
    const found = folderNotes(
      "/home/code",
      "code",
      { bytes: GiB, entries: 100_000 },
      report({
        files: 1,
        entries: 2,
        skipped: [{ path: "code/model.ckpt", kind: "over-bytes", size, bytesLeft: GiB - 10 }],
        skippedCount: 1,
        overBytes: { files: 1, bytes: size },
      }),
    );
    expect(found).toEqual({
      notes: ["code/model.ckpt: 1.1 GiB, over the 1 GiB kept from /home/code"],
      problem: null,
    });
  });

  it("says how much was left of the budget when the file alone would have fitted", () => {
    const found = folderNotes(
      "/home/code",
      "code",
      { bytes: 3 * 1024 ** 2, entries: 10 },
      report({
        skipped: [{ path: "code/b.bin", kind: "over-bytes", size: 2 * 1024 ** 2, bytesLeft: 1024 ** 2 }],
        skippedCount: 1,
      }),
    );
    expect(found.notes).toEqual([
      "code/b.bin: 2 MiB, more than the 1 MiB left of the 3 MiB kept from /home/code",
    ]);
  });

  it("counts the entries over the entry budget in one line, and lists only the first few others", () => {
    const skipped = Array.from({ length: 12 }, (_, i) => ({
      path: `logs/l${i}`,
      kind: "refused" as const,
      reason: "a symbolic link to /etc, not copied (bench never creates or follows links)",
    }));
    const found = folderNotes(
      "/home/logs",
      "logs",
      { bytes: GiB, entries: 100_000 },
      report({ files: 100_000, entries: 120_012, skipped, skippedCount: 12, overEntries: 20_000 }),
    );
    expect(found.notes).toHaveLength(LISTED_PER_FOLDER + 2);
    expect(found.notes[LISTED_PER_FOLDER]).toBe("... and 4 more entries of /home/logs left out");
    expect(found.notes.at(-1)).toBe(
      "logs: 120012 entries, 100000 kept (the rest left out; at most 100000 are kept)",
    );
  });

  it("says where reading stopped, in bytes or in entries", () => {
    const bytes = folderNotes(
      "/home/code",
      "code",
      { bytes: GiB, entries: 100_000 },
      report({ files: 3, entries: 4, readBytes: 5 * GiB, stopped: "bytes" }),
    );
    expect(bytes.notes).toEqual([
      "code: bench stopped reading /home/code at 5 GiB, over 4 times the 1 GiB kept from it; what came after was left out unseen",
    ]);
    const entries = folderNotes(
      "/home/logs",
      "logs",
      { bytes: GiB, entries: 100 },
      report({ files: 100, entries: 400, overEntries: 300, stopped: "entries" }),
    );
    expect(entries.notes).toEqual([
      "logs: more than 400 entries, 100 kept (the rest left out; at most 100 are kept)",
    ]);
  });

  it("reports why submission.csv itself was left out", () => {
    const budget = { bytes: 100, entries: 1_000 };
    const over = folderNotes(
      "/home/submission",
      "submission",
      budget,
      report({
        skipped: [{ path: "submission/submission.csv", kind: "over-bytes", size: 200, bytesLeft: 100 }],
        skippedCount: 1,
      }),
      "submission/submission.csv",
    );
    expect(over.problem).toBe("200 bytes, over the 100 bytes kept from /home/submission");
    const linked = folderNotes(
      "/home/submission",
      "submission",
      budget,
      report({ root: { type: "symlink", linkname: "/etc" } }),
      "submission/submission.csv",
    );
    expect(linked.notes).toEqual([
      "/home/submission is a symbolic link to /etc, not a folder; nothing was copied from it (bench never follows links)",
    ]);
    expect(linked.problem).toBe(linked.notes[0]);
  });
});
