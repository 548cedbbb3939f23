import { describe, expect, it } from "vitest";
import { countText } from "./count-text.js";

describe("countText", () => {
  it("says 1 run, 0 runs and 2 runs, with irregular plurals when given", () => {
    expect(countText(1, "run")).toBe("1 run");
    expect(countText(0, "run")).toBe("0 runs");
    expect(countText(2, "run")).toBe("2 runs");
    expect(countText(3, "entry", "entries")).toBe("3 entries");
  });
});
