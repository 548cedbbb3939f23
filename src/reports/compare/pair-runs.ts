// Pairs the runs of the two sides of `bench compare` by competition and seed: seed s of a competition on
// A with seed s of the same competition on B. Where a side holds several runs of one seed (an agent's
// runs from several sweeps, several MLE-bench run groups), the k-th run on A meets the k-th on B, in
// the reference's seed order. What finds no partner is kept apart and reported, never averaged in:
// a competition only one side ran, or seeds of a shared competition that only one side has.
// When both sides are whole sweeps holding several agents, each agent is compared with itself: the
// unit is then "agent/competition".

import { compareCodePoints } from "../stats/mlebench-aggregate.js";

export interface SideRun {
  agent: string;
  competition: string;
  seed: number;
  /** The metric's value for this run (higher is better). */
  value: number;
}

export interface RunPair {
  /** The competition, or "agent/competition" when pairing by agent too. */
  unit: string;
  seed: number;
  a: number;
  b: number;
}

export interface UnpairedRuns {
  unit: string;
  /** The side that has these runs. */
  side: "A" | "B";
  /** Their seeds, in order; a seed appears once per run without a partner. */
  seeds: number[];
  /** The other side has no run of this unit at all (not just fewer seeds). */
  wholeUnit: boolean;
}

export interface Pairing {
  /** Ordered by unit, seed, then run order. */
  pairs: RunPair[];
  /** Units with at least one pair, sorted. */
  units: string[];
  unpaired: UnpairedRuns[];
}

export interface PairOptions {
  /** Pair an agent's runs only with runs of the agent of the same name. Default false. */
  byAgent?: boolean;
}

/** unit → seed → values, in the order given. */
function group(runs: readonly SideRun[], byAgent: boolean): Map<string, Map<number, number[]>> {
  const units = new Map<string, Map<number, number[]>>();
  for (const run of runs) {
    const unit = byAgent ? `${run.agent}/${run.competition}` : run.competition;
    let seeds = units.get(unit);
    if (seeds === undefined) {
      seeds = new Map();
      units.set(unit, seeds);
    }
    seeds.set(run.seed, [...(seeds.get(run.seed) ?? []), run.value]);
  }
  return units;
}

function allSeeds(seeds: ReadonlyMap<number, readonly number[]>): number[] {
  return [...seeds.keys()].sort((x, y) => x - y).flatMap((seed) => seeds.get(seed)!.map(() => seed));
}

export function pairRuns(a: readonly SideRun[], b: readonly SideRun[], options: PairOptions = {}): Pairing {
  const byAgent = options.byAgent ?? false;
  const unitsA = group(a, byAgent);
  const unitsB = group(b, byAgent);
  const units = [...new Set([...unitsA.keys(), ...unitsB.keys()])].sort(compareCodePoints);
  const pairs: RunPair[] = [];
  const unpaired: UnpairedRuns[] = [];
  const paired: string[] = [];
  for (const unit of units) {
    const seedsA = unitsA.get(unit);
    const seedsB = unitsB.get(unit);
    if (seedsA === undefined || seedsB === undefined) {
      const side = seedsA === undefined ? "B" : "A";
      unpaired.push({ unit, side, seeds: allSeeds((seedsA ?? seedsB)!), wholeUnit: true });
      continue;
    }
    const extraA: number[] = [];
    const extraB: number[] = [];
    const seeds = [...new Set([...seedsA.keys(), ...seedsB.keys()])].sort((x, y) => x - y);
    for (const seed of seeds) {
      const valuesA = seedsA.get(seed) ?? [];
      const valuesB = seedsB.get(seed) ?? [];
      const n = Math.min(valuesA.length, valuesB.length);
      for (let i = 0; i < n; i++) pairs.push({ unit, seed, a: valuesA[i]!, b: valuesB[i]! });
      for (let i = n; i < valuesA.length; i++) extraA.push(seed);
      for (let i = n; i < valuesB.length; i++) extraB.push(seed);
    }
    if (pairs.length > 0 && pairs[pairs.length - 1]!.unit === unit) paired.push(unit);
    if (extraA.length > 0) unpaired.push({ unit, side: "A", seeds: extraA, wholeUnit: false });
    if (extraB.length > 0) unpaired.push({ unit, side: "B", seeds: extraB, wholeUnit: false });
  }
  return { pairs, units: paired, unpaired };
}
