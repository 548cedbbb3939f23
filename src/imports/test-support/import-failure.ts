// The BenchError an import is expected to end with; anything else (no error, another kind) fails the test.

import { BenchError } from "../../errors.js";

export async function importFailure(promise: Promise<unknown>): Promise<BenchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BenchError) return error;
    throw error;
  }
  throw new Error("expected the import to fail");
}
