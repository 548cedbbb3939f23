import { describe, expect, it } from "vitest";
import { parseAgent } from "./agent-schema.js";

const agent = (body: string) => parseAgent(`name: spender\ncommand: ["true"]\n${body}`, "spender.yaml");

describe("an agent file's prices and budget", () => {
  it("reads prices per model and a budget in tokens, dollars or both", () => {
    const config = agent(
      "prices:\n  gpt-4o: { input_per_mtok: 2.5, output_per_mtok: 10 }\nbudget: { tokens: 2000000, usd: 50 }\n",
    );
    expect(config.prices).toEqual({ "gpt-4o": { input_per_mtok: 2.5, output_per_mtok: 10 } });
    expect(config.budget).toEqual({ tokens: 2_000_000, usd: 50 });
    expect(agent("").budget).toBeUndefined();
  });

  it("names what is wrong with them", () => {
    expect(() => agent("budget: {}\n")).toThrow(/budget.*expected tokens, usd or both/s);
    expect(() => agent("budget: { tokens: 1.5 }\n")).toThrow(/budget\.tokens/);
    expect(() => agent("budget: { dollars: 5 }\n")).toThrow(/dollars/);
    expect(() => agent("prices:\n  m: { input_per_mtok: -1, output_per_mtok: 1 }\n")).toThrow(
      /prices\.m\.input_per_mtok/,
    );
    expect(() => agent("prices:\n  m: { input_per_mtok: 1 }\n")).toThrow(/output_per_mtok/);
  });
});
