// A real results store in a temporary folder, filled row by row with drizzle, for the report tests
// (the import commands are not needed to build one). Rows get sensible defaults; tests set what they test.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore, type Store } from "../../store/open-store.js";
import {
  agentsTable,
  competitionsTable,
  gradesTable,
  type RunStatus,
  runsTable,
  sweepsTable,
} from "../../store/schema.js";
import type { ResolvedFilter } from "../report-filters.js";
import { resolveFilter } from "../report-filters.js";

export interface GradeInput {
  score?: number | null;
  lastScore?: number | null;
  normalizedScore?: number | null;
  baselineScore?: number | null;
  gold?: boolean;
  silver?: boolean;
  bronze?: boolean;
  aboveMedian?: boolean;
  submissionExists?: boolean;
  validSubmission?: boolean;
  isLowerBetter?: boolean | null;
  exceedsHumansPct?: number | null;
}

export interface RunInput extends GradeInput {
  agentId: number;
  competitionId: string;
  seed?: number;
  runGroup?: string | null;
  sweepId?: string | null;
  status?: RunStatus;
  timeLimitMs?: number | null;
  queuedAtMs?: number;
  /** false: the run has no grade row. */
  graded?: boolean;
}

export class ReportStore {
  readonly dir: string;
  readonly file: string;
  readonly store: Store;
  #runs = 0;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), "bench-report-"));
    this.file = path.join(this.dir, "bench.db");
    this.store = openStore({ path: this.file });
  }

  get db() {
    return this.store.db;
  }

  agent(name: string, options: { version?: string; hash?: string } = {}): number {
    const [row] = this.db
      .insert(agentsTable)
      .values({
        name,
        version: options.version ?? null,
        contentHash: options.hash ?? `hash-of-${name}-${options.version ?? ""}`,
        createdAtMs: 0,
      })
      .returning({ id: agentsTable.id })
      .all();
    return row!.id;
  }

  competition(
    id: string,
    options: {
      kind?: "kaggle" | "rebench" | "external";
      splits?: string[];
      direction?: "higher" | "lower" | null;
    } = {},
  ): string {
    this.db
      .insert(competitionsTable)
      .values({
        id,
        kind: options.kind ?? "kaggle",
        name: id,
        direction: options.direction === undefined ? "higher" : options.direction,
        splits: options.splits ?? [],
        origin: "registry",
        createdAtMs: 0,
      })
      .run();
    return id;
  }

  sweep(id: string): string {
    this.db.insert(sweepsTable).values({ id, name: id, status: "finished", createdAtMs: 0 }).run();
    return id;
  }

  /** Inserts one run (and its grade unless graded: false); returns its id. */
  run(input: RunInput): string {
    const id = `run-${String(++this.#runs).padStart(6, "0")}`;
    this.db
      .insert(runsTable)
      .values({
        id,
        agentId: input.agentId,
        competitionId: input.competitionId,
        seed: input.seed ?? 0,
        runGroup: input.runGroup ?? null,
        sweepId: input.sweepId ?? null,
        status: input.status ?? "completed",
        timeLimitMs: input.timeLimitMs ?? null,
        queuedAtMs: input.queuedAtMs ?? 0,
      })
      .run();
    if (input.graded !== false) {
      const gold = input.gold ?? false;
      const silver = input.silver ?? false;
      const bronze = input.bronze ?? false;
      this.db
        .insert(gradesTable)
        .values({
          runId: id,
          competitionId: input.competitionId,
          score: input.score ?? null,
          lastScore: input.lastScore ?? null,
          normalizedScore: input.normalizedScore ?? null,
          baselineScore: input.baselineScore ?? null,
          anyMedal: gold || silver || bronze,
          goldMedal: gold,
          silverMedal: silver,
          bronzeMedal: bronze,
          aboveMedian: input.aboveMedian ?? false,
          submissionExists: input.submissionExists ?? true,
          validSubmission: input.validSubmission ?? true,
          isLowerBetter: input.isLowerBetter ?? null,
          exceedsHumansPct: input.exceedsHumansPct ?? null,
          gradedAtMs: 0,
        })
        .run();
    }
    return id;
  }

  /** Many rows at once, in one transaction (synchronous, as better-sqlite3 transactions must be). */
  runs(inputs: readonly RunInput[]): void {
    this.db.transaction(() => {
      for (const input of inputs) this.run(input);
    });
  }

  filter(flags: Parameters<typeof resolveFilter>[1] = {}): ResolvedFilter {
    return resolveFilter(this.db, flags);
  }

  dispose(): void {
    this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
