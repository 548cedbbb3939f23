import { describe, expect, it } from "vitest";
import { MAX_MODELS, OTHER_MODELS, overBudget, parseUsageLine, UsageTally } from "./usage-accounting.js";

const PRICES = { "gpt-4o": { input_per_mtok: 2.5, output_per_mtok: 10 } };

describe("parseUsageLine", () => {
  it("keeps a reported cost, prices a line without one, and leaves an unpriced one unknown", () => {
    expect(
      parseUsageLine('{"model":"gpt-4o","input_tokens":10,"output_tokens":2,"cost_usd":0.5}', PRICES),
    ).toEqual({ model: "gpt-4o", inputTokens: 10, outputTokens: 2, costUsd: 0.5 });
    const priced = parseUsageLine('{"model":"gpt-4o","input_tokens":3000,"output_tokens":1000}', PRICES);
    expect(priced).toMatchObject({ inputTokens: 3000, outputTokens: 1000 });
    expect((priced as { costUsd: number }).costUsd).toBeCloseTo(0.0175, 12);
    expect(
      parseUsageLine('{"model":"other","input_tokens":1,"output_tokens":1,"cost_usd":null}', PRICES),
    ).toMatchObject({ costUsd: null });
    // A price for an inherited property name is no price.
    expect(parseUsageLine('{"model":"toString","input_tokens":1,"output_tokens":1}', PRICES)).toMatchObject({
      costUsd: null,
    });
  });

  it("says what is wrong with a malformed line", () => {
    const problem = (text: string) => (parseUsageLine(text, PRICES) as { problem: string }).problem;
    expect(problem("not json")).toMatch(/^not JSON/);
    expect(problem("[1]")).toMatch(/expected a JSON object/);
    expect(problem('{"input_tokens":1,"output_tokens":1}')).toMatch(/expected model/);
    expect(problem('{"model":"m","output_tokens":1}')).toBe("input_tokens is missing");
    expect(problem('{"model":"m","input_tokens":-1,"output_tokens":1}')).toMatch(
      /expected input_tokens as a whole number/,
    );
    expect(problem('{"model":"m","input_tokens":1,"output_tokens":1.5}')).toMatch(/output_tokens/);
    expect(problem('{"model":"m","input_tokens":1e12,"output_tokens":1}')).toMatch(/from 0 to/);
    expect(problem('{"model":"m","input_tokens":1,"output_tokens":1,"cost_usd":"1"}')).toMatch(
      /expected cost_usd/,
    );
  });
});

describe("UsageTally", () => {
  it("sums per model, counts unknown costs and malformed lines, and says so in notes", () => {
    const tally = new UsageTally();
    tally.add({ model: "a", inputTokens: 10, outputTokens: 5, costUsd: 1 });
    tally.add({ model: "a", inputTokens: 1, outputTokens: 1, costUsd: null });
    tally.add({ model: "b", inputTokens: 2, outputTokens: 0, costUsd: 0.25 });
    tally.reject(4, "not JSON");
    expect(tally.models()).toEqual([
      { model: "a", calls: 2, inputTokens: 11, outputTokens: 6, costUsd: 1, unpricedCalls: 1 },
      { model: "b", calls: 1, inputTokens: 2, outputTokens: 0, costUsd: 0.25, unpricedCalls: 0 },
    ]);
    expect({ tokens: tally.tokens, cost: tally.costUsd, calls: tally.calls }).toEqual({
      tokens: 19,
      cost: 1.25,
      calls: 3,
    });
    expect(tally.notes()).toEqual([
      "1 usage line was malformed and not counted (line 4: not JSON)",
      "1 usage line has no cost_usd and no price in the agent file (model a): tokens counted, cost unknown and left out of the run's cost",
    ]);
  });

  it("sums models past the hundredth under one name", () => {
    const tally = new UsageTally();
    for (let i = 0; i <= MAX_MODELS + 5; i++) {
      tally.add({ model: `m${i}`, inputTokens: 1, outputTokens: 0, costUsd: 0 });
    }
    const models = tally.models();
    expect(models).toHaveLength(MAX_MODELS + 1);
    expect(models.at(-1)).toMatchObject({ model: OTHER_MODELS, calls: 6 });
  });
});

describe("overBudget", () => {
  it("is past a budget only above it, in tokens or in known dollars", () => {
    const tally = new UsageTally();
    tally.add({ model: "a", inputTokens: 600, outputTokens: 400, costUsd: 2 });
    expect(overBudget(tally, undefined)).toBeNull();
    expect(overBudget(tally, { tokens: 1000, usd: 2 })).toBeNull();
    expect(overBudget(tally, { tokens: 999 })).toBe(
      "the agent reported 1,000 tokens, past its budget of 999; it was stopped",
    );
    expect(overBudget(tally, { usd: 1.5 })).toBe(
      "the agent reported $2.00 of LLM cost, past its budget of $1.50; it was stopped",
    );
  });
});
