import { describe, expect, it } from "vitest";
import { fileSafeName, idFromFileSafeName, paths, relativeHref, routeOf } from "./page-paths.js";

describe("file-safe names", () => {
  it("keep letters, digits and '-', escape the rest, and read back", () => {
    const ids = [
      "nightly:hostile-1c5467d5:demo-binary-auc:1",
      "..",
      "a/b",
      "x.p2",
      "_",
      "",
      "sweep ünïcode 🚀",
      "%2e%2e",
    ];
    for (const id of ids) {
      const name = fileSafeName(id);
      expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(idFromFileSafeName(name)).toBe(id);
    }
    expect(fileSafeName("nightly:a.b:1")).toBe("nightly_3aa_2eb_3a1");
    // Distinct ids never share a name ("_" is escaped too).
    expect(fileSafeName("a_3a")).not.toBe(fileSafeName("a:"));
  });

  it("refuse names that no id makes", () => {
    for (const name of ["..", "a.b", "a_3", "a_3A", "a/b", "a%3a"])
      expect(idFromFileSafeName(name)).toBeNull();
  });
});

describe("routes", () => {
  it("read back every path the pages link to", () => {
    const id = "nightly:a.b:1";
    expect(routeOf(paths.run(id).split("/"))).toEqual({ kind: "run", id });
    expect(routeOf(paths.sweep(id, 3).split("/"))).toEqual({ kind: "sweep", id, page: 3 });
    expect(routeOf(paths.competition("x.p2").split("/"))).toEqual({
      kind: "competition",
      id: "x.p2",
      page: 1,
    });
    expect(routeOf(paths.runLog(id).split("/"))).toEqual({ kind: "run-log", id });
    expect(routeOf(["runs", fileSafeName(id), "files", "logs", "a b.txt"])).toEqual({
      kind: "run-file",
      id,
      relative: "logs/a b.txt",
    });
    expect(routeOf([""])).toEqual({ kind: "leaderboard" });
    expect(routeOf(["sweeps.p2.html"])).toEqual({ kind: "sweeps", page: 2 });
    expect(routeOf([paths.liveScript])).toEqual({ kind: "live-script" });
    expect(routeOf(paths.sweepStatus(id).split("/"))).toEqual({ kind: "sweep-status", id });
    expect(routeOf(paths.runStatus(id).split("/"))).toEqual({ kind: "run-status", id });
    expect(routeOf([paths.rebench])).toEqual({ kind: "rebench" });
    expect(routeOf([paths.aup])).toEqual({ kind: "aup" });
    expect(routeOf([paths.compare])).toEqual({ kind: "compare" });
    expect(routeOf(["compare"])).toEqual({ kind: "compare" });
    expect(routeOf(paths.plot("rebench", "rebench-score-at-k-8h").split("/"))).toEqual({
      kind: "plot",
      report: "rebench",
      stem: "rebench-score-at-k-8h",
    });
  });

  it("name nothing for unknown paths and page numbers below 2", () => {
    for (const p of [
      "nope.html",
      "sweeps.p1.html",
      "sweeps.p0.html",
      "runs/a.p2.html",
      "runs/../x.html",
      "other/x.html",
      "plots/trend/x.svg",
      "api/sweeps/a.b/status.json",
      "api/other/a/status.json",
      "api/sweeps/a/other.json",
      "plots/aup/..svg",
      "plots/aup/a b.svg",
      "plots/aup/x.html",
    ])
      expect(routeOf(p.split("/")), p).toBeNull();
  });

  it("link relative to the page, so an export opens from file://", () => {
    expect(relativeHref("index.html", paths.sweep("s"))).toBe("sweeps/s.html");
    expect(relativeHref(paths.run("r"), paths.sweep("s"))).toBe("../sweeps/s.html");
    expect(relativeHref(paths.runLog("r"), paths.stylesheet)).toBe("../../style.css");
  });
});
