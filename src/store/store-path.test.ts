import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeHome, resolveBenchHome, resolveRunsRoot, resolveStorePath } from "./store-path.js";

function project(): { root: string; deep: string } {
  const root = mkdtempSync(path.join(tmpdir(), "bench-home-"));
  mkdirSync(path.join(root, "runs"));
  writeFileSync(path.join(root, "runs", "bench.db"), "");
  const deep = path.join(root, "agents", "aide", "src");
  mkdirSync(deep, { recursive: true });
  return { root, deep };
}

describe("where bench keeps its results", () => {
  it("finds the project's runs/ from a subfolder, as git finds .git, and says so", () => {
    const { root, deep } = project();
    expect(resolveBenchHome({}, deep)).toEqual({ dir: root, source: "found" });
    expect(resolveStorePath(undefined, {}, deep)).toBe(path.join(root, "runs", "bench.db"));
    expect(resolveRunsRoot({}, deep)).toBe(path.join(root, "runs"));
    expect(describeHome({}, deep)).toBe(
      `using ${path.join(root, "runs")}, found above the current folder (set BENCH_HOME or --db to choose another)`,
    );
  });

  it("uses the current folder when no folder above holds a store, and says nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-nohome-"));
    expect(resolveStorePath(undefined, {}, dir)).toBe(path.join(dir, "runs", "bench.db"));
    expect(describeHome({}, dir)).toBeNull();
  });

  it("BENCH_HOME wins over the walk; --db and BENCH_DB win for the store", () => {
    const { root, deep } = project();
    const other = mkdtempSync(path.join(tmpdir(), "bench-other-"));
    expect(resolveRunsRoot({ BENCH_HOME: other }, deep)).toBe(path.join(other, "runs"));
    expect(resolveStorePath(undefined, { BENCH_HOME: other }, deep)).toBe(
      path.join(other, "runs", "bench.db"),
    );
    expect(describeHome({ BENCH_HOME: other }, deep)).toBe(
      `using ${path.join(other, "runs")} (from BENCH_HOME)`,
    );
    expect(resolveStorePath("x.db", { BENCH_DB: "y.db" }, deep)).toBe(path.join(deep, "x.db"));
    expect(resolveStorePath(undefined, { BENCH_DB: "y.db" }, deep)).toBe(path.join(deep, "y.db"));
    expect(resolveStorePath(undefined, {}, root)).toBe(path.join(root, "runs", "bench.db"));
  });
});
