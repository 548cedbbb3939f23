// MLE-bench agent folders as bench agents: `<agents-dir>#<agent-id>` names the definition `agent-id` in
// one of the `config.yaml` files under `<agents-dir>` (MLE-bench's agents/ layout, e.g. agents#aide/dev),
// and becomes the same LoadedAgent an agent YAML file gives, so the scheduler runs it unchanged.
//
// What a definition means (facts from the reference, shared/mlebench/agent-contract.md):
//   start       the start script, relative to <agents-dir>; in the image it is $AGENT_DIR/start.sh
//   dockerfile  relative to <agents-dir>; built with the folder holding it as context (build-agent-image.ts)
//   kwargs      + kwargs_type: the start script's arguments (mlebench-kwargs.ts)
//   env_vars    extra variables; `${{ secrets.NAME }}` comes from bench's environment when a run starts
//   privileged  refused unless the sweep opts in (--allow-privileged)
// bench's additions: TIME_LIMIT_SECS in env_vars is the agent's time limit, which bench enforces and
// hands back in TIME_LIMIT_SECS (a sweep's --time-limit overrides both); an optional `bench:` mapping
// holds what the reference has no place for (validations per minute, resources, network).

import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { BenchError } from "../errors.js";
import { ENV_NAME, isMalformedReference, secretReference } from "./agent-environment.js";
import { type AgentConfig, agentSchema, type LoadedAgent } from "./agent-schema.js";
import { flattenKwargs, pythonStr } from "./mlebench-kwargs.js";
import { parseMlebenchYaml } from "./mlebench-yaml.js";
import { describeValue, parseConfig } from "./zod-issues.js";

/** MLE-bench's build arguments (agents/.shared_env): the contract's folders inside the image. */
export const MLEBENCH_BUILD_ARGS = {
  SUBMISSION_DIR: "/home/submission",
  LOGS_DIR: "/home/logs",
  CODE_DIR: "/home/code",
  AGENT_DIR: "/home/agent",
} as const;

/** Where the reference runs every agent's start script from, whatever `start` says. */
export const START_SCRIPT_IN_IMAGE = `${MLEBENCH_BUILD_ARGS.AGENT_DIR}/start.sh`;

/** How a folder agent's image is made: the Dockerfile, its build context, the tag it gets. */
export interface AgentImageBuild {
  /** Absolute folder sent as the build context (the folder holding the Dockerfile). */
  contextDir: string;
  /** The Dockerfile, relative to contextDir. */
  dockerfile: string;
  /**
   * `bench-agent-<folder>:<fingerprint>`: a changed folder is a new image. The docker runtime's build
   * (build-agent-image.ts) adds the base images' ids to it and sets the agent's image to the result.
   */
  tag: string;
  /** sha256 over the context's files (names, modes, bytes), the Dockerfile's name and the build args. */
  fingerprint: string;
  buildArgs: Readonly<Record<string, string>>;
}

const scalar = z.union([z.string(), z.number(), z.bigint(), z.boolean(), z.null()]);

const definitionSchema = z.strictObject({
  start: z.string().min(1),
  dockerfile: z.string().min(1),
  kwargs: z.record(z.string().min(1), z.unknown()).nullish(),
  kwargs_type: z.enum(["argparse", "omegaconf"]).nullish(),
  env_vars: z
    .record(
      z.string().regex(ENV_NAME, { message: "expected a variable name: letters, digits and '_'" }),
      scalar.refine((value) => typeof value !== "string" || !isMalformedReference(value), {
        error: (issue) =>
          `expected a plain value or a whole secret reference like "\${{ secrets.API_KEY }}", got ${describeValue(issue.input)}`,
      }),
    )
    .nullish(),
  privileged: z.boolean().default(false),
  /** bench's own settings; MLE-bench ignores the key. */
  bench: z
    .strictObject({
      /** Most /home/validate_submission.sh answers per minute for one run. */
      validations_per_minute: z.number().int().min(1).optional(),
      resources: z.record(z.string(), z.unknown()).optional(),
      network: z.boolean().optional(),
    })
    .optional(),
});

type Definition = z.infer<typeof definitionSchema>;

/** `dir#id`: an MLE-bench agent folder reference (a file that exists under that name is a file). */
export function parseAgentFolderReference(reference: string): { agentsDir: string; id: string } | null {
  const hash = reference.lastIndexOf("#");
  if (hash <= 0 || hash === reference.length - 1) return null;
  try {
    if (statSync(reference).isFile()) return null;
  } catch {
    // not a file: a folder reference
  }
  return { agentsDir: reference.slice(0, hash), id: reference.slice(hash + 1) };
}

/** Every config.yaml under `dir` (not following links; skipping hidden folders and node_modules). */
function configFiles(dir: string, depth = 0): string[] {
  if (depth > 4) return [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const info = lstatSync(full, { throwIfNoEntry: false });
    if (info === undefined) continue;
    if (info.isFile() && name === "config.yaml") found.push(full);
    else if (info.isDirectory() && !name.startsWith(".") && name !== "node_modules")
      found.push(...configFiles(full, depth + 1));
  }
  return found;
}

/** bench's own `bench:` section wants plain numbers (YAML integers arrive as bigint, see mlebench-yaml.ts). */
function withPlainNumbers(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || !("bench" in raw)) return raw;
  const convert = (value: unknown): unknown => {
    if (typeof value === "bigint") return Number(value);
    if (Array.isArray(value)) return value.map(convert);
    if (typeof value === "object" && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item)]));
    return value;
  };
  return { ...raw, bench: convert((raw as { bench: unknown }).bench) };
}

function isDefinition(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "start" in value;
}

/** The file's sha256 content fingerprint of a build context: every file's path, mode and bytes. */
export function contextFingerprint(contextDir: string, extra: string): string {
  const hash = createHash("sha256");
  hash.update(`${extra}\n`);
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = prefix === "" ? name : `${prefix}/${name}`;
      const info = lstatSync(full);
      if (info.isDirectory()) {
        hash.update(`d ${rel} ${info.mode & 0o777}\n`);
        walk(full, rel);
      } else if (info.isSymbolicLink()) {
        hash.update(`l ${rel}\n`);
      } else if (info.isFile()) {
        hash.update(`f ${rel} ${info.mode & 0o777} ${info.size}\n`);
        hash.update(readFileSync(full));
      }
    }
  };
  walk(contextDir, "");
  return hash.digest("hex");
}

/** Docker repository names: lowercase letters, digits and separators. */
function imageRepo(folder: string): string {
  const safe = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "");
  return `bench-agent-${safe === "" ? "agent" : safe}`;
}

/** A definition's id as an agent name: letters, digits, '.', '_' and '-' ("aide/dev" -> "aide_dev"). */
export function agentNameOf(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[^A-Za-z0-9]+/, "");
  return name === "" ? "agent" : name;
}

/** Bumped when bench's additions to a folder's build change, so older images are rebuilt. */
const BUILD_LAYOUT_VERSION = 1;

export interface FolderAgentOptions {
  /** Run in this existing image instead of building the folder's Dockerfile (--image). */
  image?: string | undefined;
}

function resolveInFolder(agentsDir: string, relative: string, field: string, where: string): string {
  const full = path.resolve(agentsDir, relative);
  if (!statSync(full, { throwIfNoEntry: false })?.isFile()) {
    throw new BenchError(
      "CONFIG_INVALID",
      `${where}: ${field}: ${relative} is not a file under ${agentsDir}.`,
      {
        hint: `${field} is relative to the agents folder (MLE-bench's agents/), e.g. ${field === "start" ? "aide/start.sh" : "aide/Dockerfile"}`,
      },
    );
  }
  return full;
}

function timeLimitOf(env: Record<string, string>, where: string): string | undefined {
  const value = env.TIME_LIMIT_SECS;
  if (value === undefined) return undefined;
  if (secretReference(value) !== undefined || !/^\d+$/.test(value) || Number(value) <= 0) {
    throw new BenchError(
      "CONFIG_INVALID",
      `${where}: env_vars.TIME_LIMIT_SECS: expected a positive whole number of seconds, got ${describeValue(value)}.`,
      {
        hint: "bench enforces this limit and hands it to the agent in TIME_LIMIT_SECS, e.g. TIME_LIMIT_SECS: 86400",
      },
    );
  }
  return `${value}s`;
}

/** Loads `<agents-dir>#<agent-id>` as a bench agent. */
export function loadAgentFolder(reference: string, options: FolderAgentOptions = {}): LoadedAgent {
  const parsed = parseAgentFolderReference(reference);
  if (parsed === null) {
    throw new BenchError("USAGE", `${reference} is not an agent folder reference.`, {
      hint: "write <agents-dir>#<agent-id>, e.g. agents#aide/dev",
    });
  }
  const agentsDir = path.resolve(parsed.agentsDir);
  if (!statSync(agentsDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new BenchError("CONFIG_INVALID", `${reference}: ${parsed.agentsDir} is not a folder.`, {
      hint: "point at MLE-bench's agents/ folder (the one holding <agent>/config.yaml), e.g. agents#aide",
    });
  }
  const matches: Array<{ file: string; definition: unknown }> = [];
  const known: string[] = [];
  for (const file of configFiles(agentsDir)) {
    const data = parseMlebenchYaml(readFileSync(file, "utf8"), file);
    if (typeof data !== "object" || data === null || Array.isArray(data)) continue;
    for (const [key, value] of Object.entries(data)) if (isDefinition(value)) known.push(key);
    if (Object.hasOwn(data, parsed.id)) {
      matches.push({ file, definition: (data as Record<string, unknown>)[parsed.id] });
    }
  }
  if (matches.length === 0) {
    throw new BenchError(
      "CONFIG_INVALID",
      `no agent ${parsed.id} in the config.yaml files under ${agentsDir}.`,
      {
        hint:
          known.length === 0
            ? "an MLE-bench agents folder holds <agent>/config.yaml files mapping agent ids to start, dockerfile, kwargs and env_vars"
            : `the agents there: ${known.sort().join(", ")}`,
      },
    );
  }
  if (matches.length > 1) {
    throw new BenchError(
      "CONFIG_INVALID",
      `agent ${parsed.id} is defined in more than one file: ${matches.map((m) => m.file).join(", ")}.`,
      { hint: "keep one definition per agent id under the agents folder" },
    );
  }
  const { file, definition: raw } = matches[0]!;
  const definition: Definition = parseConfig(definitionSchema, withPlainNumbers(raw), {
    file: `${file}: ${parsed.id}`,
  });
  const where = `${file}: ${parsed.id}`;
  const kwargs = definition.kwargs ?? {};
  if (Object.keys(kwargs).length > 0 && definition.kwargs_type == null) {
    throw new BenchError("CONFIG_INVALID", `${where}: kwargs are given but kwargs_type is not.`, {
      hint: "add kwargs_type: argparse (--key value) or kwargs_type: omegaconf (key=value)",
    });
  }
  resolveInFolder(agentsDir, definition.start, "start", where);
  const dockerfile = resolveInFolder(agentsDir, definition.dockerfile, "dockerfile", where);

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(definition.env_vars ?? {})) env[key] = pythonStr(value);
  const timeLimit = timeLimitOf(env, where);
  // bench hands the agent its enforced limit in TIME_LIMIT_SECS; the definition's copy would override it.
  delete env.TIME_LIMIT_SECS;

  const contextDir = path.dirname(dockerfile);
  let build: AgentImageBuild | undefined;
  let image = options.image;
  if (image === undefined) {
    const buildArgs = { ...MLEBENCH_BUILD_ARGS };
    const fingerprint = contextFingerprint(
      contextDir,
      JSON.stringify({ dockerfile: path.basename(dockerfile), buildArgs, layout: BUILD_LAYOUT_VERSION }),
    );
    image = `${imageRepo(path.basename(contextDir))}:${fingerprint.slice(0, 16)}`;
    build = { contextDir, dockerfile: path.basename(dockerfile), tag: image, fingerprint, buildArgs };
  }

  const bench = definition.bench ?? {};
  const config: AgentConfig = parseConfig(
    agentSchema,
    {
      name: agentNameOf(parsed.id),
      description: `MLE-bench agent ${parsed.id} (${path.relative(process.cwd(), file) || file})`,
      image,
      // The reference runs `bash $AGENT_DIR/start.sh`; images without bash (busybox) get sh.
      command: [
        "sh",
        "-c",
        'if command -v bash >/dev/null 2>&1; then exec bash "$@"; else exec sh "$@"; fi',
        "start.sh",
        START_SCRIPT_IN_IMAGE,
      ],
      args: flattenKwargs(kwargs, definition.kwargs_type ?? undefined),
      env,
      ...(timeLimit === undefined ? {} : { time_limit: timeLimit }),
      ...(bench.resources === undefined ? {} : { resources: bench.resources }),
      ...(bench.network === undefined ? {} : { network: bench.network }),
      ...(bench.validations_per_minute === undefined
        ? {}
        : { validation: { per_minute: bench.validations_per_minute } }),
      privileged: definition.privileged,
    },
    { file: where },
  );
  const contentHash = createHash("sha256")
    .update(JSON.stringify({ id: parsed.id, config, fingerprint: build?.fingerprint ?? null }))
    .digest("hex");
  return {
    config,
    path: `${agentsDir}#${parsed.id}`,
    contentHash,
    ...(build === undefined ? {} : { build }),
    startScript: path.resolve(agentsDir, definition.start),
  };
}
