// Reads a CSV file with Python's pandas, as a user's script does (`pandas.read_csv(file)`, no options),
// for tests that check bench's CSV output is a table pandas reads. Python with pandas is optional on a
// developer machine: without it these tests skip with the reason printed, unless BENCH_REQUIRE_PYTHON=1
// (CI), where its absence fails.

import { execFileSync } from "node:child_process";

export const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
export const PYTHON_REQUIRED = process.env.BENCH_REQUIRE_PYTHON === "1";

/** Why pandas cannot run here, or undefined when it can. */
export function pandasUnavailableReason(): string | undefined {
  try {
    execFileSync(PYTHON, ["-c", "import pandas"], { stdio: ["ignore", "ignore", "pipe"], timeout: 60_000 });
    return undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return `${PYTHON} with pandas is not usable (${detail}); install it with \`apt-get install python3-pandas\` or point BENCH_PYTHON at one`;
  }
}

export interface PandasFrame {
  columns: string[];
  /** One object per row, values as pandas parsed them (NaN as null). */
  records: Record<string, unknown>[];
  dtypes: Record<string, string>;
}

const READ = `
import json, sys, pandas
frame = pandas.read_csv(sys.argv[1])
print(json.dumps({
    "columns": [str(c) for c in frame.columns],
    "records": json.loads(frame.to_json(orient="records")),
    "dtypes": {str(c): str(t) for c, t in frame.dtypes.items()},
}))
`;

/** `pandas.read_csv(file)`; throws with pandas' own message when it cannot read the file. */
export function readCsvWithPandas(file: string): PandasFrame {
  const output = execFileSync(PYTHON, ["-c", READ, file], {
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  return JSON.parse(output.toString("utf8")) as PandasFrame;
}
