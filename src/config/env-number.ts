// Limits set in the environment (BENCH_MAX_..._BYTES and the like): a whole positive number, or the
// default when unset; anything else is a configuration error naming the variable and the default,
// never a silent fallback.

import { BenchError } from "../errors.js";

export function positiveIntegerFromEnv(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  options: { unit: string; defaultText?: string },
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BenchError(
      "CONFIG_INVALID",
      `${name} must be a positive whole number of ${options.unit}; it is "${raw.slice(0, 40)}".`,
      { hint: `unset ${name} to use the default, ${options.defaultText ?? fallback}.` },
    );
  }
  return value;
}
