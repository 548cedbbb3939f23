// Human-written durations ("30m", "5min", "2h30m", "1.5h", "90s") for time limits in config files and
// CLI flags. One grammar everywhere, so that a limit means the same thing in a competition.yaml and on
// the command line; and one prose form for showing durations to people ("2.4 s", "32 h").

import { BenchError } from "../errors.js";

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
/** Largest first: a duration must list its parts in this order, each at most once ("1h30m", not "30m1h"). */
const UNIT_ORDER: readonly Unit[] = ["d", "h", "m", "s", "ms"];
/** Spellings that mean the same unit ("5min" is how many people write five minutes). */
const UNIT_ALIASES: Readonly<Record<string, Unit>> = { min: "m" };

// Longer spellings first in the alternation: `ms` and `min` before `m`, or "500ms" would read as 500
// minutes and a stray "s", and "5min" as 5 minutes and a stray "in".
const PART = /(\d+(?:\.\d+)?)(ms|min|d|h|m|s)/y;

export const DURATION_EXAMPLES = '"30m", "5min", "2h30m", "1.5h" or "90s"';

/**
 * Parses a duration into whole milliseconds, or returns `undefined` when the text is not one.
 * Accepted: one or more `<number><unit>` parts, units d, h, m (or min), s, ms, largest first, each
 * unit once; decimals are allowed ("1.5h"); the total is rounded to the nearest millisecond.
 */
export function tryParseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  let totalMs = 0;
  let position = 0;
  let lastUnitIndex = -1;
  while (position < trimmed.length) {
    PART.lastIndex = position;
    const match = PART.exec(trimmed);
    if (match === null) return undefined;
    const unit = UNIT_ALIASES[match[2]!] ?? (match[2] as Unit);
    const unitIndex = UNIT_ORDER.indexOf(unit);
    // Out of order or repeated units ("30m1h", "1h1h", "1m1min") are almost always typos: refuse
    // rather than guess.
    if (unitIndex <= lastUnitIndex) return undefined;
    lastUnitIndex = unitIndex;
    totalMs += Number(match[1]) * UNIT_MS[unit];
    position = PART.lastIndex;
  }
  return Number.isFinite(totalMs) ? Math.round(totalMs) : undefined;
}

/**
 * Parses a duration into milliseconds; throws a BenchError (CONFIG_INVALID) naming `what` (e.g. the
 * config field or flag) and the accepted forms when the text is not a duration.
 */
export function parseDuration(text: string, what = "duration"): number {
  const ms = tryParseDuration(text);
  if (ms === undefined) {
    const bareNumber = /^\s*\d+(\.\d+)?\s*$/.test(text);
    throw new BenchError(
      "CONFIG_INVALID",
      `${what}: expected a duration like ${DURATION_EXAMPLES}, got ${JSON.stringify(text)}`,
      {
        hint: bareNumber
          ? `add a unit: "${text.trim()}m" for minutes, "${text.trim()}h" for hours`
          : "write one or more <number><unit> parts, units d, h, m (or min), s or ms, largest first",
      },
    );
  }
  return ms;
}

function checkMs(ms: number, caller: string): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${caller}: expected ms >= 0, got ${ms}`);
}

/**
 * Milliseconds in the config grammar, largest units first ("1h30m"; 90 s -> "1m30s"): parseable again
 * and free of spaces, for names (of files, of plots) rather than sentences.
 */
export function formatDurationCompact(ms: number): string {
  checkMs(ms, "formatDurationCompact");
  if (ms === 0) return "0s";
  let rest = Math.round(ms);
  let text = "";
  for (const unit of UNIT_ORDER) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * UNIT_MS[unit];
    }
  }
  return text;
}

/** Units of the prose form, largest first; days are left out on purpose ("32 h" reads better than "1.3 d"). */
const PROSE_UNITS = [
  { label: "h", ms: 3_600_000 },
  { label: "min", ms: 60_000 },
  { label: "s", ms: 1_000 },
] as const;

/** `value` with at most one decimal, or undefined when that is not exact. */
function exactTenths(value: number): string | undefined {
  const tenths = Math.round(value * 10);
  return Math.abs(tenths - value * 10) < 1e-9 ? String(tenths / 10) : undefined;
}

/**
 * Milliseconds as a person reads them: a number, a space and one unit ("2.4 s", "32 h", "1.5 h",
 * "500 ms"). The largest unit that is at least 1 with at most one decimal; an exact whole number of a
 * smaller unit is preferred to a rounded larger one ("100 min", not "1.7 h"), else it is rounded.
 */
export function formatDuration(ms: number): string {
  checkMs(ms, "formatDuration");
  if (ms === 0) return "0 s";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const start = PROSE_UNITS.findIndex((unit) => ms >= unit.ms);
  const largest = PROSE_UNITS[start]!;
  const exact = exactTenths(ms / largest.ms);
  if (exact !== undefined) return `${exact} ${largest.label}`;
  for (const unit of PROSE_UNITS.slice(start + 1)) {
    const value = ms / unit.ms;
    if (Number.isInteger(value) && value < 1_000) return `${value} ${unit.label}`;
  }
  return `${Number((ms / largest.ms).toFixed(1))} ${largest.label}`;
}
