import { describe, expect, it } from "vitest";
import { buildProgram } from "./program.js";

describe("the command tree", () => {
  it("loads no command for --version, so it answers at once", async () => {
    for (const flag of ["--version", "-V"]) {
      const program = await buildProgram(["node", "bench", flag]);
      expect(program.commands.map((c) => c.name())).toEqual([]);
      expect(program.version()).toBe("0.1.0");
    }
  });

  it("loads only the command being run, and every command for help", async () => {
    expect((await buildProgram(["node", "bench", "status"])).commands.map((c) => c.name())).toEqual([
      "status",
    ]);
    const all = (await buildProgram(["node", "bench", "--help"])).commands.map((c) => c.name());
    expect(all).toEqual(expect.arrayContaining(["grade", "run", "sweep", "status", "report", "compare"]));
  });
});
