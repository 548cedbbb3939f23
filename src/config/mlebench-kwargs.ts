// How MLE-bench hands an agent definition's `kwargs` to its start script: `argparse` as `--key value`,
// `omegaconf` as `key=value`, in the mapping's order, each value as Python's str() writes it (so
// `True`, `None`, `7200`, `1.0`, `1e-05`, `['a', 1]`, `{'k': 'v'}`); no kwargs without a type. The
// reference does not flatten nested mappings into dotted keys: a nested value is passed as str() of
// the whole dict, and bench does the same, so a start script sees exactly the arguments it would there.
// YAML integers arrive as bigint (see mlebench-yaml.ts), floats as number: that keeps `1` and `1.0` apart.

export type KwargsType = "argparse" | "omegaconf";

/** Python's repr() of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? "-" : "+";
    return `${sign}${body}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === "" ? "0" : fraction}`;
}

/** Python's repr() of a str: single quotes unless the text holds one and no double quote. */
function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of text) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)
      out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

function pythonRepr(value: unknown): string {
  return typeof value === "string" ? pythonStringRepr(value) : pythonStr(value);
}

/** Python's str() of a value read from YAML (scalars, lists, mappings). */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "bigint") return value.toString();
  // YAML integers are bigint here; a number is a YAML float, which Python writes as a float.
  if (typeof value === "number") return pythonFloat(value);
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item)}`).join(", ")}}`;
  }
  return String(value);
}

/** The start script's arguments for a definition's kwargs (MLE-bench's agents/run.py order and form). */
export function flattenKwargs(
  kwargs: Readonly<Record<string, unknown>>,
  type: KwargsType | undefined,
): string[] {
  if (type === undefined) return [];
  const args: string[] = [];
  for (const [key, value] of Object.entries(kwargs)) {
    if (type === "argparse") args.push(`--${key}`, pythonStr(value));
    else args.push(`${key}=${pythonStr(value)}`);
  }
  return args;
}
