import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { CappedLogFile } from "./capped-log-file.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bench-log-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("keeps the agent's output up to the cap, says so once, and still takes bench's notes", async () => {
  const file = path.join(dir, "agent.log");
  const log = new CappedLogFile(file, 10);
  await log.opened();
  log.sink.write("123456");
  log.sink.write("789abc");
  log.sink.write("never written");
  await new Promise((resolve) => log.sink.write("", resolve));
  log.note("completed: the agent exited with code 0");
  await log.close();
  await log.close();
  expect(log.truncated).toBe(true);
  expect(readFileSync(file, "utf8")).toBe(
    "123456789a\n[bench] the agent's output reached the log size limit; the rest was dropped\n" +
      "[bench] completed: the agent exited with code 0\n",
  );
});

it("writes a note after all the output received before it, however much is still queued", async () => {
  const file = path.join(dir, "agent.log");
  const log = new CappedLogFile(file, 1024 ** 2);
  await log.opened();
  const lines = Array.from({ length: 2_000 }, (_, i) => `line ${i + 1}\n`);
  for (const line of lines) log.sink.write(Buffer.from(line));
  log.note("completed: the agent exited normally");
  await log.close();
  expect(readFileSync(file, "utf8")).toBe(`${lines.join("")}[bench] completed: the agent exited normally\n`);
});
