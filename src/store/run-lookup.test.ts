import { afterEach, describe, expect, it } from "vitest";
import { isBenchError } from "../errors.js";
import { resolveRunRef } from "./run-lookup.js";
import { runIdHash } from "./run-short-id.js";
import { agentsTable, competitionsTable, runsTable } from "./schema.js";
import { openTempStore, type TempStore } from "./temp-store.js";

let store: TempStore | undefined;
afterEach(() => store?.dispose());

function storeWith(ids: readonly string[]): TempStore {
  store?.dispose();
  store = openTempStore();
  const agent = store.db
    .insert(agentsTable)
    .values({ name: "a", contentHash: "h", createdAtMs: 0 })
    .returning()
    .get();
  store.db
    .insert(competitionsTable)
    .values({ id: "c", kind: "kaggle", name: "c", origin: "registry", createdAtMs: 0 })
    .run();
  for (const [seed, id] of ids.entries()) {
    store.db
      .insert(runsTable)
      .values({ id, agentId: agent.id, competitionId: "c", seed, status: "completed", queuedAtMs: 0 })
      .run();
  }
  return store;
}

function failure(ref: string): string {
  try {
    resolveRunRef(store!.db, ref);
  } catch (error) {
    if (isBenchError(error)) return error.message;
    throw error;
  }
  throw new Error(`"${ref}" resolved`);
}

describe("resolveRunRef", () => {
  it("takes a full id even where it is the start of another", () => {
    const s = storeWith(["s:a:c:1", "s:a:c:10"]);
    expect(resolveRunRef(s.db, "s:a:c:1").run.id).toBe("s:a:c:1");
    expect(resolveRunRef(s.db, "s:a:c:10").run.id).toBe("s:a:c:10");
  });

  it("takes a unique start of an id or of a short id, in either case", () => {
    const s = storeWith(["nightly:a:c:1", "weekly:a:c:1"]);
    expect(resolveRunRef(s.db, "week").run.id).toBe("weekly:a:c:1");
    const hash = runIdHash("nightly:a:c:1");
    expect(resolveRunRef(s.db, hash.slice(0, 6).toUpperCase()).run.id).toBe("nightly:a:c:1");
  });

  it("reads three hex digits only as the start of an id, not of a short id", () => {
    storeWith(["nightly:a:c:1"]);
    expect(failure(runIdHash("nightly:a:c:1").slice(0, 3))).toMatch(/^no run/);
  });

  it("lists the matches of an ambiguous start, a few of them", () => {
    storeWith(Array.from({ length: 8 }, (_, i) => `s:a:c:${i}`));
    const message = failure("s:a");
    expect(message).toContain('run id "s:a" is ambiguous: it matches 8 runs');
    expect(message).toContain(`${runIdHash("s:a:c:0").slice(0, 8)} s:a:c:0`);
    expect(message).toContain("… and 3 more");
  });

  it("suggests close ids for an unknown one, and says when the store is empty", () => {
    storeWith(["nightly:agent-1234:comp:1"]);
    expect(failure("nightly:agent-1243:comp:1")).toContain('(did you mean "nightly:agent-1234:comp:1"?)');
    storeWith([]);
    expect(failure("x")).toBe('no run "x" in the results store.');
  });
});
