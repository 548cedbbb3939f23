// Where bench may make cgroups on this machine: the mounted cgroup hierarchies (v2, and the v1 pids and
// freezer controllers) from /proc/self/mountinfo, and bench's own cgroup in each from /proc/self/cgroup.
// Run cgroups go under bench's own cgroup, so the agents stay within whatever limits bench runs under.

import { readFileSync } from "node:fs";
import path from "node:path";

export type CgroupKind = "cgroup2" | "cgroup1";

interface Mount {
  point: string;
  root: string;
  fsType: string;
  superOptions: string[];
}

function mounts(): Mount[] {
  let text: string;
  try {
    text = readFileSync("/proc/self/mountinfo", "utf8");
  } catch {
    return [];
  }
  const decodeOctal = (s: string) =>
    s.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  const found: Mount[] = [];
  for (const line of text.split("\n")) {
    const [before, after] = line.split(" - ");
    if (before === undefined || after === undefined) continue;
    const fields = before.split(" ");
    const [fsType, , superOptions] = after.split(" ");
    if (fields[3] === undefined || fields[4] === undefined || fsType === undefined) continue;
    found.push({
      root: decodeOctal(fields[3]),
      point: decodeOctal(fields[4]),
      fsType,
      superOptions: (superOptions ?? "").split(","),
    });
  }
  return found;
}

/** bench's own cgroup in one hierarchy ("0::" for v2, or a v1 controller name). */
function ownCgroup(hierarchy: string): string | null {
  let text: string;
  try {
    text = readFileSync("/proc/self/cgroup", "utf8");
  } catch {
    return null;
  }
  for (const line of text.split("\n")) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line);
    if (match === null) continue;
    if (hierarchy === "" ? match[1] === "" : match[1]!.split(",").includes(hierarchy)) return match[2]!;
  }
  return null;
}

/** Where bench's run cgroups go in a hierarchy: under bench's own cgroup, so they share its limits. */
function benchRoot(mount: Mount, own: string | null): string | null {
  if (own === null) return null;
  // In a cgroup namespace the mount's root is "/"; without one it is the path own starts with.
  const relative = mount.root !== "/" && own.startsWith(mount.root) ? own.slice(mount.root.length) : own;
  return path.join(mount.point, relative, "bench");
}

/** The folders holding run cgroups of one kind: one for v2; the pids and the freezer folder for v1. */
export function benchRoots(kind: CgroupKind): string[] {
  const all = mounts();
  if (kind === "cgroup2") {
    const mount = all.find((m) => m.fsType === "cgroup2");
    const root = mount === undefined ? null : benchRoot(mount, ownCgroup(""));
    return root === null ? [] : [root];
  }
  const roots: string[] = [];
  for (const controller of ["pids", "freezer"]) {
    const mount = all.find((m) => m.fsType === "cgroup" && m.superOptions.includes(controller));
    const root = mount === undefined ? null : benchRoot(mount, ownCgroup(controller));
    if (root !== null) roots.push(root);
  }
  return roots;
}
