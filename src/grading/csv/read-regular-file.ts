// Reads a whole file into memory, but only a regular file smaller than a limit. A path can name a
// FIFO (reading it waits forever for a writer), a device (/dev/zero never ends), a directory, or a
// link to any of these; bench refuses them at once. The type is checked on the opened descriptor,
// so a path swapped between the check and the read cannot slip a FIFO in.

import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from "node:fs";
import { BenchError } from "../../errors.js";
import { formatBytes } from "./csv-limits.js";

/** What `accept` sees of the opened file before a byte of it is read. */
export interface OpenedFile {
  /** The opened file's own status (links followed). */
  readonly stats: Stats;
  /** The path of the file actually opened, with every link resolved. */
  readonly realPath: string;
}

export interface ReadRegularFileOptions {
  /** The file must be smaller than this many bytes. */
  readonly maxBytes: number;
  /** Called once the file is open and known to be regular; throw to refuse it unread. */
  readonly accept?: (file: OpenedFile) => void;
  /** What the FILE_TOO_LARGE error suggests (default: a CSV's, naming BENCH_MAX_CSV_BYTES). */
  readonly tooLargeHint?: string;
}

/** One read call takes at most 2^31 − 1 bytes; 1 GiB chunks stay well inside that. */
const CHUNK_BYTES = 1024 ** 3;

/** "a FIFO (named pipe)" for a file that is not regular; undefined for a regular file. */
function irregularKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

function refuseIrregular(path: string, kind: string): never {
  throw new BenchError("DATA_MISSING", `${path}: is ${kind}, not a regular file; bench reads only files.`, {
    hint: "Write the CSV to a regular file and pass that file's path.",
  });
}

function cannotOpen(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  throw new BenchError("DATA_MISSING", `${path}: cannot open the file (${code ?? String(error)}).`, {
    hint: code === "ENOENT" ? "Check the path; it is relative to the current directory." : undefined,
    cause: error,
  });
}

/** The path the descriptor really points at; /proc answers for the descriptor itself, race-free. */
function openedPath(fd: number, path: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return realpathSync(path);
  }
}

/**
 * The bytes of the regular file at `path` (links followed). Throws DATA_MISSING when it cannot be
 * opened or is not a regular file, FILE_TOO_LARGE when it is not smaller than `maxBytes`.
 */
export function readRegularFile(path: string, options: ReadRegularFileOptions): Buffer {
  // A first look before opening: opening some devices has effects of its own.
  let before: Stats;
  try {
    before = statSync(path);
  } catch (error) {
    cannotOpen(path, error);
  }
  const kind = irregularKind(before);
  if (kind !== undefined) refuseIrregular(path, kind);

  let fd: number;
  try {
    // O_NONBLOCK: if a FIFO took the file's place since the look above, open must not wait for a
    // writer (it has no effect on a regular file). O_NOCTTY: a terminal never becomes ours.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    cannotOpen(path, error);
  }
  try {
    const stats = fstatSync(fd);
    const openedKind = irregularKind(stats);
    if (openedKind !== undefined) refuseIrregular(path, openedKind);
    const size = stats.size;
    if (size >= options.maxBytes) {
      throw new BenchError(
        "FILE_TOO_LARGE",
        `${path}: the file is ${formatBytes(size)}; bench reads only files smaller than ${formatBytes(options.maxBytes)}.`,
        {
          hint:
            options.tooLargeHint ??
            "Check that this is the right file; the limit is BENCH_MAX_CSV_BYTES (files must stay under 2 GiB).",
        },
      );
    }
    options.accept?.({ stats, realPath: openedPath(fd, path) });
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const read = readSync(fd, bytes, offset, Math.min(CHUNK_BYTES, size - offset), offset);
      if (read === 0) break; // the file shrank while being read: keep what is there
      offset += read;
    }
    return offset === size ? bytes : bytes.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}
