import { describe, expect, it } from "vitest";
import { type EtaRun, estimateSweepEta } from "./sweep-eta.js";

const NOW = 1_000_000;
const finished = (tookMs: number, status: EtaRun["status"] = "completed"): EtaRun => ({
  status,
  startedAtMs: 0,
  finishedAtMs: tookMs,
});
const running = (elapsedMs: number): EtaRun => ({
  status: "running",
  startedAtMs: NOW - elapsedMs,
  finishedAtMs: null,
});
const queued: EtaRun = { status: "queued", startedAtMs: null, finishedAtMs: null };

describe("estimateSweepEta", () => {
  it("is unknown until a run has finished", () => {
    expect(estimateSweepEta([running(10), queued], NOW, 2)).toMatchObject({ remainingMs: null, left: 2 });
  });

  it("is zero when nothing is left", () => {
    expect(estimateSweepEta([finished(10)], NOW).remainingMs).toBe(0);
  });

  it("gives every run left the mean duration, a running run what it lacks of it, shared among the lanes", () => {
    const runs = [
      finished(60_000),
      finished(120_000, "agent_error"),
      running(30_000),
      queued,
      queued,
      queued,
    ];
    // Mean 90 s; three queued (270 s) and 60 s for the running one; two at a time.
    expect(estimateSweepEta(runs, NOW, 2)).toEqual({
      remainingMs: 165_000,
      left: 4,
      meanMs: 90_000,
      parallel: 2,
    });
    // Without a configured concurrency: as many at once as are running now.
    expect(estimateSweepEta(runs, NOW).parallel).toBe(1);
  });

  it("learns nothing from runs bench cut short, and never counts more lanes than runs left", () => {
    const runs = [finished(60_000), finished(1, "interrupted"), finished(2, "cancelled"), queued];
    expect(estimateSweepEta(runs, NOW, 8)).toEqual({
      remainingMs: 60_000,
      left: 1,
      meanMs: 60_000,
      parallel: 1,
    });
  });
});
