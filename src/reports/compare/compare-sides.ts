// What each side of `bench compare A B` names, read by one fixed rule (also in `bench compare --help`):
// - `@SWEEP`: every run of that sweep (all its agents);
// - `AGENT@SWEEP`: the runs of agent AGENT (a name, or a label such as name@version) in that sweep;
// - anything else: an agent (a name, or its label name@version / name#hash when it has several
//   versions; name#<hash prefix> always names one configuration), and only when no agent has that
//   name, a sweep.
// `X@Y` reads as agent X in sweep Y when Y is a sweep in which X ran, as the agent label X@Y when one
// exists; a text that could be read both ways is an error rather than a guess. The resolved side says
// in words what it is, so that the report can show what was compared.

import { didYouMean } from "../../config/closest-match.js";
import { BenchError } from "../../errors.js";
import { agentLabels } from "../agent-labels.js";
import type { AgentRow } from "../queries/store-catalog.js";

export interface SideCatalog {
  agents: readonly AgentRow[];
  /** Sweep ids, oldest first. */
  sweeps: readonly string[];
  /** The ids of the agents with a run in a sweep (asked only for the sweeps a side names). */
  sweepAgents: (sweep: string) => readonly number[];
}

export interface CompareSide {
  /** As the user wrote it. */
  spec: string;
  kind: "agent" | "agent-in-sweep" | "sweep";
  /** Short name for tables and sentences: "aide", "aide@nightly-2026-11-30", "@nightly-2026-11-30". */
  label: string;
  /** What it resolved to, in words: "agent aide in sweep nightly-2026-11-30". */
  description: string;
  agentIds: number[];
  sweepId?: string;
}

/** `name#<at least 4 characters of the content hash>`: one configuration, whatever its label. */
function byHash(text: string, agents: readonly AgentRow[]): AgentRow[] {
  const at = text.lastIndexOf("#");
  const prefix = text.slice(at + 1);
  if (at <= 0 || prefix.length < 4) return [];
  const name = text.slice(0, at);
  return agents.filter((agent) => agent.name === name && agent.contentHash.startsWith(prefix));
}

/** name#<hash prefix>, 8 characters or as many more as it takes to tell the agent's versions apart. */
function hashSpelling(agent: AgentRow, agents: readonly AgentRow[]): string {
  const others = agents.filter((other) => other.name === agent.name && other.id !== agent.id);
  let length = 8;
  while (
    length < agent.contentHash.length &&
    others.some((o) => o.contentHash.startsWith(agent.contentHash.slice(0, length)))
  ) {
    length++;
  }
  return `${agent.name}#${agent.contentHash.slice(0, length)}`;
}

/** One agent configuration: a name with several versions must be given as its label. */
export function resolveOneAgent(name: string, agents: readonly AgentRow[]): AgentRow {
  const labels = agentLabels(agents);
  const labelled = agents.filter((agent) => labels.get(agent.id) === name);
  const exact = labelled.length > 0 ? labelled : byHash(name, agents);
  const matches = exact.length > 0 ? exact : agents.filter((agent) => agent.name === name);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new BenchError("USAGE", `no agent "${name}" in the results store.`, {
      hint: `agents: ${[...new Set(labels.values())].join(", ") || "(none yet)"}.`,
    });
  }
  throw new BenchError(
    "USAGE",
    `"${name}" names ${matches.length} versions of an agent; compare one at a time.`,
    {
      hint: `use one of ${matches.map((agent) => labels.get(agent.id)).join(", ")}, or one sweep's runs with ${name}@SWEEP.`,
    },
  );
}

function listText(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function unknownSweep(sweep: string, sweeps: readonly string[]): BenchError {
  return new BenchError("USAGE", `no sweep "${sweep}" in the results store${didYouMean(sweep, sweeps)}.`, {
    hint:
      sweeps.length === 0
        ? "the store holds no sweeps yet."
        : `sweeps in the store, newest last: ${listText(sweeps.slice(-10))}.`,
  });
}

function wholeSweep(spec: string, sweep: string, catalog: SideCatalog): CompareSide {
  if (!catalog.sweeps.includes(sweep)) throw unknownSweep(sweep, catalog.sweeps);
  const agentIds = [...catalog.sweepAgents(sweep)];
  const names = [...new Set(catalog.agents.filter((a) => agentIds.includes(a.id)).map((a) => a.name))];
  return {
    spec,
    kind: "sweep",
    label: `@${sweep}`,
    description: `sweep ${sweep} (${names.length === 0 ? "no runs" : `agents: ${listText(names)}`})`,
    agentIds,
    sweepId: sweep,
  };
}

/** The agents a name or label selects: a label (or name#hash) one version, a bare name every version. */
function agentsNamed(name: string, agents: readonly AgentRow[]): AgentRow[] {
  const labels = agentLabels(agents);
  const hashed = new Set(byHash(name, agents));
  return agents.filter((agent) => agent.name === name || labels.get(agent.id) === name || hashed.has(agent));
}

export function resolveSide(spec: string, catalog: SideCatalog): CompareSide {
  const text = spec.trim();
  if (text === "" || text === "@") {
    throw new BenchError("USAGE", `"${spec}" names neither an agent nor a sweep.`, {
      hint: "write an agent name, agent@sweep, or @sweep.",
    });
  }
  if (text.startsWith("@")) return wholeSweep(spec, text.slice(1), catalog);

  const labels = agentLabels(catalog.agents);
  const isLabel = agentsNamed(text, catalog.agents).length > 0;
  const at = text.lastIndexOf("@");
  if (at > 0) {
    const name = text.slice(0, at);
    const sweep = text.slice(at + 1);
    const inSweep = new Set(catalog.sweepAgents(sweep));
    const named = agentsNamed(name, catalog.agents).filter((agent) => inSweep.has(agent.id));
    if (named.length > 0 && isLabel) {
      throw new BenchError(
        "USAGE",
        `"${text}" is ambiguous: it is the agent version ${text} and also agent ${name} in sweep ${sweep}.`,
        {
          hint:
            `write ${hashSpelling(resolveOneAgent(text, catalog.agents), catalog.agents)} for the version, ` +
            `or ${hashSpelling(named[0]!, catalog.agents)}@${sweep} for the runs in sweep ${sweep}.`,
        },
      );
    }
    if (named.length > 0) {
      return {
        spec,
        kind: "agent-in-sweep",
        label: text,
        description: `agent ${name} in sweep ${sweep}`,
        agentIds: named.map((agent) => agent.id),
        sweepId: sweep,
      };
    }
    if (!isLabel) {
      if (!catalog.sweeps.includes(sweep)) {
        // Neither a version label nor a sweep: say what the store has, on the side of the sweep.
        if (agentsNamed(name, catalog.agents).length > 0) throw unknownSweep(sweep, catalog.sweeps);
        throw new BenchError("USAGE", `no agent "${name}" and no sweep "${sweep}" in the results store.`, {
          hint: "write agent@sweep with an agent and a sweep that `bench sweeps list` shows.",
        });
      }
      const ran = catalog.agents.filter((agent) => inSweep.has(agent.id)).map((agent) => agent.name);
      throw new BenchError("USAGE", `agent "${name}" has no run in sweep ${sweep}.`, {
        hint:
          ran.length === 0
            ? `sweep ${sweep} holds no runs.`
            : `agents in sweep ${sweep}: ${listText([...new Set(ran)])}.`,
      });
    }
  }
  if (isLabel) {
    const agent = resolveOneAgent(text, catalog.agents);
    const sweepToo = catalog.sweeps.includes(text)
      ? ` (a sweep ${text} exists too: write @${text} for it)`
      : "";
    return {
      spec,
      kind: "agent",
      label: labels.get(agent.id)!,
      description: `agent ${labels.get(agent.id)}, all its runs${sweepToo}`,
      agentIds: [agent.id],
    };
  }
  if (catalog.sweeps.includes(text)) return wholeSweep(spec, text, catalog);
  const known = [...new Set([...catalog.agents.map((a) => a.name), ...catalog.sweeps])];
  throw new BenchError(
    "USAGE",
    `no agent or sweep "${text}" in the results store${didYouMean(text, known)}.`,
    {
      hint: `agents: ${listText([...new Set(catalog.agents.map((a) => a.name))]) || "(none yet)"}; sweeps: ${listText(catalog.sweeps.slice(-10)) || "(none yet)"}.`,
    },
  );
}
