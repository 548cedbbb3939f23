// Copies one regular file out of a container through its own archive request. Used for submission.csv
// when the agent filled /home/submission with more entries or bytes than the folder's budget before
// it: the file the run is graded on must not be lost to the files around it. The archive of a file
// path holds that one entry; anything else (a link, a folder, a device, a file over the limit) is
// refused without writing, with the reason.

import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { extract } from "tar-stream";
import { formatBytes } from "./format-bytes.js";

export type FetchOutcome = { copied: true; bytes: number } | { copied: false; reason: string };

export async function fetchSingleFile(
  source: Readable,
  options: { name: string; dest: string; maxBytes: number },
): Promise<FetchOutcome> {
  const extractor = extract();
  source.on("error", (error) => extractor.destroy(error));
  const sink = extractor as unknown as NodeJS.WritableStream;
  source.pipe(sink);
  try {
    for await (const entry of extractor) {
      const { header } = entry;
      const name = header.name.replace(/^\.\//, "").replace(/\/+$/, "");
      if (name !== options.name) {
        entry.resume();
        return {
          copied: false,
          reason: `the archive held ${JSON.stringify(name.slice(0, 80))}, not ${options.name}`,
        };
      }
      if (header.type !== "file" && header.type !== "contiguous-file") {
        entry.resume();
        return {
          copied: false,
          reason: `a ${header.type} entry, not a regular file (bench never follows links)`,
        };
      }
      const size = header.size ?? 0;
      if (size > options.maxBytes) {
        entry.resume();
        return {
          copied: false,
          reason: `${formatBytes(size)}, over the ${formatBytes(options.maxBytes)} kept`,
        };
      }
      const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
      const handle = await open(options.dest, flags, 0o644);
      let bytes = 0;
      try {
        for await (const chunk of entry) {
          bytes += (chunk as Buffer).length;
          await handle.write(chunk as Buffer);
        }
      } finally {
        await handle.close();
      }
      return { copied: true, bytes };
    }
    return { copied: false, reason: "the archive was empty" };
  } finally {
    source.unpipe(sink);
    source.destroy();
  }
}
