// The accounting of an agent's LLM usage, pure: one usage line (`{"model", "input_tokens",
// "output_tokens", "cost_usd"?}`) checked and priced, the run's totals per model, and whether they are
// past the agent's budget. The usage watcher (usage-watcher.ts) feeds it the lines it reads.
//
// A line's own `cost_usd` wins; without one, the agent file's price for the model gives the cost; with
// neither, the call counts with an unknown cost (its tokens count towards a token budget, nothing
// towards a dollar budget) and the run's notes say so.

/** US dollars per million tokens, as the agent file gives them. */
export interface ModelPrice {
  input_per_mtok: number;
  output_per_mtok: number;
}

export type PriceTable = Readonly<Record<string, ModelPrice>>;

export interface UsageBudget {
  /** Most input plus output tokens. */
  tokens?: number | undefined;
  /** Most known cost, US dollars. */
  usd?: number | undefined;
}

export interface UsageCall {
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** null: neither reported nor priced. */
  costUsd: number | null;
}

/** One model's totals in a run; `costUsd` sums the known costs (null when none is known). */
export interface ModelUsage {
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
  unpricedCalls: number;
}

/** Most tokens one line may report: no LLM call uses more, and it keeps every sum exact. */
export const MAX_LINE_TOKENS = 1_000_000_000;
/** Most dollars one line may report. */
export const MAX_LINE_COST_USD = 1_000_000;
/** Longest model name kept. */
export const MAX_MODEL_CHARS = 200;
/** Distinct models kept apart in a run; later ones are summed under OTHER_MODELS. */
export const MAX_MODELS = 100;
export const OTHER_MODELS = "(other models)";

/** What was wrong with a line, quoting a bounded piece of it. */
function got(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function tokenCount(record: Record<string, unknown>, key: string): number | string {
  const value = record[key];
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_LINE_TOKENS) {
    return value;
  }
  return value === undefined
    ? `${key} is missing`
    : `expected ${key} as a whole number of tokens from 0 to ${MAX_LINE_TOKENS}, got ${got(value)}`;
}

/** One line of the usage file (without its newline), priced; or why it is not counted. */
export function parseUsageLine(text: string, prices: PriceTable): UsageCall | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: `not JSON: ${got(text)}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { problem: `expected a JSON object, got ${got(value)}` };
  }
  const record = value as Record<string, unknown>;
  const model = record.model;
  if (typeof model !== "string" || model.trim() === "" || model.length > MAX_MODEL_CHARS) {
    return {
      problem: `expected model as a name of 1 to ${MAX_MODEL_CHARS} characters, got ${got(model)}`,
    };
  }
  const inputTokens = tokenCount(record, "input_tokens");
  if (typeof inputTokens === "string") return { problem: inputTokens };
  const outputTokens = tokenCount(record, "output_tokens");
  if (typeof outputTokens === "string") return { problem: outputTokens };
  const reported = record.cost_usd;
  let costUsd: number | null;
  if (reported === undefined || reported === null) {
    const price = Object.hasOwn(prices, model) ? prices[model] : undefined;
    costUsd =
      price === undefined
        ? null
        : (inputTokens * price.input_per_mtok + outputTokens * price.output_per_mtok) / 1_000_000;
  } else if (
    typeof reported === "number" &&
    Number.isFinite(reported) &&
    reported >= 0 &&
    reported <= MAX_LINE_COST_USD
  ) {
    costUsd = reported;
  } else {
    return {
      problem: `expected cost_usd as a number of dollars from 0 to ${MAX_LINE_COST_USD}, got ${got(reported)}`,
    };
  }
  return { model, inputTokens, outputTokens, costUsd };
}

/** A run's usage so far: per-model totals and the lines that were not counted. */
export class UsageTally {
  readonly #models = new Map<string, ModelUsage>();
  /** Lines not counted, and the first few of them with their line numbers. */
  malformed = 0;
  readonly problems: string[] = [];
  /** Lines counted. */
  calls = 0;
  tokens = 0;
  /** The sum of the known costs. */
  costUsd = 0;
  unpricedCalls = 0;
  readonly #unpricedModels = new Set<string>();

  add(call: UsageCall): void {
    const key = this.#models.has(call.model) || this.#models.size < MAX_MODELS ? call.model : OTHER_MODELS;
    let usage = this.#models.get(key);
    if (usage === undefined) {
      usage = { model: key, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: null, unpricedCalls: 0 };
      this.#models.set(key, usage);
    }
    usage.calls++;
    usage.inputTokens += call.inputTokens;
    usage.outputTokens += call.outputTokens;
    this.calls++;
    this.tokens += call.inputTokens + call.outputTokens;
    if (call.costUsd === null) {
      usage.unpricedCalls++;
      this.unpricedCalls++;
      if (this.#unpricedModels.size < 5) this.#unpricedModels.add(call.model);
    } else {
      usage.costUsd = (usage.costUsd ?? 0) + call.costUsd;
      this.costUsd += call.costUsd;
    }
  }

  reject(line: number, problem: string): void {
    this.malformed++;
    if (this.problems.length < 3) this.problems.push(`line ${line}: ${problem}`);
  }

  models(): ModelUsage[] {
    return [...this.#models.values()].map((usage) => ({ ...usage }));
  }

  /** What the run's record should say about its usage lines besides the totals. */
  notes(): string[] {
    const notes: string[] = [];
    if (this.malformed > 0) {
      notes.push(
        `${this.malformed === 1 ? "1 usage line was" : `${this.malformed} usage lines were`} malformed and not counted (${this.problems.join("; ")})`,
      );
    }
    if (this.unpricedCalls > 0) {
      notes.push(
        `${this.unpricedCalls === 1 ? "1 usage line has" : `${this.unpricedCalls} usage lines have`} no cost_usd and no price in the agent file (model ${[...this.#unpricedModels].join(", ")}): tokens counted, cost unknown and left out of the run's cost`,
      );
    }
    if (this.#models.has(OTHER_MODELS)) {
      notes.push(`usage of more than ${MAX_MODELS} models: the rest is summed as "${OTHER_MODELS}"`);
    }
    return notes;
  }
}

/** Why a run's usage is past its budget, or null when it is not (reaching the budget is allowed). */
export function overBudget(tally: UsageTally, budget: UsageBudget | undefined): string | null {
  if (budget?.tokens !== undefined && tally.tokens > budget.tokens) {
    return `the agent reported ${tally.tokens.toLocaleString("en-US")} tokens, past its budget of ${budget.tokens.toLocaleString("en-US")}; it was stopped`;
  }
  if (budget?.usd !== undefined && tally.costUsd > budget.usd) {
    return `the agent reported $${tally.costUsd.toFixed(2)} of LLM cost, past its budget of $${budget.usd.toFixed(2)}; it was stopped`;
  }
  return null;
}
