// Credentials for agents without putting them in files or the store. An agent file names them: an
// `env:` value `${{ secrets.NAME }}` (MLE-bench's syntax) or a `pass_env: [NAME]` entry; bench reads
// them from its own environment when a sweep starts and hands them to the agent's process only. The
// store keeps the agent's config as written (with the references), and the agent's content hash covers
// the file's bytes, so the same file with another key is the same agent.

import { BenchError } from "../errors.js";
import type { AgentConfig, LoadedAgent } from "./agent-schema.js";

/** What an environment variable may be called. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const SECRET_REFERENCE = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/** The variables bench reads secrets from; process.env unless a test hands in its own. */
export type HostEnvironment = Readonly<Record<string, string | undefined>>;

/** NAME for a value `${{ secrets.NAME }}`, else undefined (a plain value). */
export function secretReference(value: string): string | undefined {
  return SECRET_REFERENCE.exec(value)?.[1];
}

/** A value that looks like a reference but is not one ("Bearer ${{ secrets.KEY }}", "${{ secret.KEY }}"). */
export function isMalformedReference(value: string): boolean {
  return value.includes("${{") && secretReference(value) === undefined;
}

interface HostVariable {
  /** Where the agent file asks for it: `env.KEY` or `pass_env`. */
  field: string;
  /** The variable in the agent's environment. */
  key: string;
  /** The variable in bench's environment. */
  name: string;
}

function hostVariables(config: Pick<AgentConfig, "env" | "pass_env" | "args">): HostVariable[] {
  const variables: HostVariable[] = [];
  for (const [key, value] of Object.entries(config.env)) {
    const name = secretReference(value);
    if (name !== undefined) variables.push({ field: `env.${key}`, key, name });
  }
  for (const name of config.pass_env) variables.push({ field: "pass_env", key: name, name });
  config.args.forEach((arg, index) => {
    const reference = argReference(arg);
    if (reference !== undefined)
      variables.push({ field: `args[${index}]`, key: `args[${index}]`, name: reference.name });
  });
  return variables;
}

/**
 * A secret in an argument (MLE-bench resolves them in kwargs too): the whole argument, or the value
 * of `key=${{ secrets.NAME }}` (an omegaconf kwarg).
 */
function argReference(arg: string): { prefix: string; name: string } | undefined {
  const whole = secretReference(arg);
  if (whole !== undefined) return { prefix: "", name: whole };
  const equals = arg.indexOf("=");
  if (equals <= 0) return undefined;
  const name = secretReference(arg.slice(equals + 1));
  return name === undefined ? undefined : { prefix: arg.slice(0, equals + 1), name };
}

/** The agent's arguments with their secret references filled in from `host` (checked beforehand). */
export function resolveAgentArgs(agent: LoadedAgent, host: HostEnvironment = process.env): string[] {
  checkAgentEnvironments([agent], host);
  return agent.config.args.map((arg) => {
    const reference = argReference(arg);
    return reference === undefined ? arg : `${reference.prefix}${host[reference.name]!}`;
  });
}

/**
 * The values of every secret the agent takes from bench's environment (references and pass_env): what
 * bench masks wherever it writes text an agent could have produced (its log, its run's messages).
 */
export function agentSecretValues(agent: LoadedAgent, host: HostEnvironment = process.env): string[] {
  const values = new Set<string>();
  for (const variable of hostVariables(agent.config)) {
    const value = host[variable.name];
    // Very short values would mask ordinary text everywhere; they are no secret worth the name.
    if (value !== undefined && value.length >= 4) values.add(value);
  }
  return [...values];
}

/**
 * Throws one BenchError (USAGE) naming every agent file and variable its agent takes from bench's
 * environment that is not set there; returns quietly when all are. Called before any run starts.
 */
export function checkAgentEnvironments(
  agents: readonly LoadedAgent[],
  host: HostEnvironment = process.env,
): void {
  const lines: string[] = [];
  const names = new Set<string>();
  for (const agent of agents) {
    for (const variable of hostVariables(agent.config)) {
      if (host[variable.name] !== undefined) continue;
      names.add(variable.name);
      lines.push(
        variable.field === "pass_env"
          ? `${agent.path}: pass_env lists ${variable.name}, which is not set in bench's environment`
          : `${agent.path}: ${variable.field} ${variable.field.startsWith("args") ? "holds" : "is"} \${{ secrets.${variable.name} }}, and ${variable.name} is not set in bench's environment`,
      );
    }
  }
  if (lines.length === 0) return;
  throw new BenchError("USAGE", `${lines.join(";\n")}.`, {
    hint: `set ${names.size === 1 ? "it" : "them"} where bench runs (e.g. export ${[...names][0]}=...); the value goes to the agent only, never to a file, the store or a report`,
  });
}

/**
 * The agent's environment with its secret references and pass_env names filled in from `host`.
 * Throws the same error as checkAgentEnvironments when one is missing.
 */
export function resolveAgentEnvironment(
  agent: LoadedAgent,
  host: HostEnvironment = process.env,
): Record<string, string> {
  checkAgentEnvironments([agent], host);
  const env: Record<string, string> = { ...agent.config.env };
  for (const variable of hostVariables(agent.config)) {
    if (!variable.field.startsWith("args")) env[variable.key] = host[variable.name]!;
  }
  return env;
}
