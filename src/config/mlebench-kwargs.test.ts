import { describe, expect, it } from "vitest";
import { flattenKwargs, pythonFloat, pythonStr } from "./mlebench-kwargs.js";
import { parseMlebenchYaml } from "./mlebench-yaml.js";

describe("pythonFloat", () => {
  it("writes floats as Python's repr does", () => {
    // Figures from Python 3: repr(x) for each.
    const cases: Array<[number, string]> = [
      [1, "1.0"],
      [0.5, "0.5"],
      [0.1, "0.1"],
      [1e-5, "1e-05"],
      [0.0001, "0.0001"],
      [2.5e-7, "2.5e-07"],
      [1e16, "1e+16"],
      [1.5e15, "1500000000000000.0"],
      [123456789012345680000, "1.2345678901234568e+20"],
      [-3.25, "-3.25"],
      [Number.POSITIVE_INFINITY, "inf"],
      [Number.NaN, "nan"],
    ];
    for (const [value, text] of cases) expect(pythonFloat(value)).toBe(text);
  });
});

describe("pythonStr", () => {
  it("writes YAML values as Python's str() does", () => {
    expect(pythonStr(true)).toBe("True");
    expect(pythonStr(false)).toBe("False");
    expect(pythonStr(null)).toBe("None");
    expect(pythonStr(7200n)).toBe("7200");
    expect(pythonStr("gpt-4o")).toBe("gpt-4o");
    expect(pythonStr([1n, "a", 0.5])).toBe("[1, 'a', 0.5]");
    expect(pythonStr({ model: "x", steps: 8n, nested: { t: true } })).toBe(
      "{'model': 'x', 'steps': 8, 'nested': {'t': True}}",
    );
    expect(pythonStr(["it's"])).toBe(`["it's"]`);
  });
});

describe("flattenKwargs", () => {
  const kwargs = parseMlebenchYaml(
    [
      "agent.steps: 500",
      "agent.temp: 1.0",
      "copy_data: False",
      "enabled: yes",
      "lr: 1e-5",
      "eps: 1.0e-5",
      "model: gpt-4o-2024-08-06",
      "search: {max_depth: 20, prob: 0.5}",
    ].join("\n"),
    "kwargs.yaml",
  ) as Record<string, unknown>;

  it("passes argparse kwargs as --key value, in order", () => {
    expect(flattenKwargs(kwargs, "argparse")).toEqual([
      "--agent.steps",
      "500",
      "--agent.temp",
      "1.0",
      "--copy_data",
      "False",
      "--enabled",
      "True",
      "--lr",
      "1e-5", // PyYAML reads a float only with a decimal point: this stays text
      "--eps",
      "1e-05",
      "--model",
      "gpt-4o-2024-08-06",
      "--search",
      "{'max_depth': 20, 'prob': 0.5}",
    ]);
  });

  it("passes omegaconf kwargs as key=value, in order", () => {
    expect(flattenKwargs(kwargs, "omegaconf")).toEqual([
      "agent.steps=500",
      "agent.temp=1.0",
      "copy_data=False",
      "enabled=True",
      "lr=1e-5",
      "eps=1e-05",
      "model=gpt-4o-2024-08-06",
      "search={'max_depth': 20, 'prob': 0.5}",
    ]);
  });

  it("passes nothing without a kwargs type", () => {
    expect(flattenKwargs(kwargs, undefined)).toEqual([]);
  });
});
