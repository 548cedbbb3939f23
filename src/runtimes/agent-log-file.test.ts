import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printAgentLog, readLogTail } from "./agent-log-file.js";

const dir = () => mkdtempSync(path.join(tmpdir(), "bench-agent-log-"));

describe("readLogTail", () => {
  it("reads the last lines of a log far bigger than what it reads", () => {
    const file = path.join(dir(), "agent.log");
    const lines = Array.from({ length: 100_000 }, (_, i) => `line ${i}`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    expect(readLogTail(file, 3)).toEqual({
      lines: ["line 99997", "line 99998", "line 99999"],
      problem: null,
    });
  });

  it("refuses a log an agent replaced with a link or a FIFO, without following or blocking", () => {
    const d = dir();
    const secret = path.join(d, "secret");
    writeFileSync(secret, "private\n");
    const link = path.join(d, "agent.log");
    symlinkSync(secret, link);
    expect(readLogTail(link)).toEqual({
      lines: [],
      problem: `${link} is a symbolic link; bench does not follow it.`,
    });
    const fifo = path.join(d, "fifo.log");
    execFileSync("mkfifo", [fifo]);
    expect(readLogTail(fifo).problem).toContain("is not a regular file");
    expect(readLogTail(path.join(d, "none.log")).problem).toContain("there is no");
  });
});

describe("printAgentLog", () => {
  it("prints a log that was started again from its start, saying so", async () => {
    const file = path.join(dir(), "agent.log");
    writeFileSync(file, "attempt 1, a long first line\n");
    let out = "";
    const notices: string[] = [];
    let polls = 0;
    const reason = await printAgentLog(file, {
      write: (text) => {
        out += text;
      },
      notice: (message) => notices.push(message),
      follow: {
        pollMs: 10,
        state: () => {
          polls++;
          if (polls === 2) writeFileSync(file, "attempt 2\n");
          return polls < 4 ? { done: false } : { done: true, reason: "the run ended" };
        },
      },
    });
    expect(reason).toBe("the run ended");
    expect(out).toBe("attempt 1, a long first line\nattempt 2\n");
    expect(notices).toEqual([`${file} was started again; printing it from its start.`]);
  });

  it("stops following when its signal aborts", async () => {
    const file = path.join(dir(), "agent.log");
    writeFileSync(file, "partial line without newline");
    let out = "";
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const reason = await printAgentLog(file, {
      write: (text) => {
        out += text;
      },
      notice: () => {},
      follow: { pollMs: 10, state: () => ({ done: false }), signal: controller.signal },
    });
    expect(reason).toBe("interrupted");
    expect(out).toBe("partial line without newline\n");
  });
});
