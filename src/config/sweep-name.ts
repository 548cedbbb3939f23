// Sweep names with placeholders, for nightly jobs: the same file run again on one day resumes that
// day's sweep, and on the next day starts a new one ("nightly-{date}"). A name is resolved once, when
// bench starts, so a sweep that runs past midnight keeps the name it started with.

import path from "node:path";
import { BenchError } from "../errors.js";
import { closestMatches, orList } from "./closest-match.js";
import { type GitRevisionReader, readGitShortSha } from "./git-revision.js";

/** The characters of a resolved sweep name (it names a folder under runs/). */
export const SWEEP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const PLACEHOLDER_HELP =
  "{date} (UTC day, 2026-11-30), {datetime} (UTC minute, 2026-11-30T0215Z) and {git_sha:<folder>} (the short commit of a git checkout)";
const PLACEHOLDER_NAMES = ["date", "datetime", "git_sha"];

export interface SweepNameOptions {
  /** Where the name came from, for messages: "nightly.yaml: name" or "--name". */
  what: string;
  /** Folder that {git_sha:<folder>} paths are relative to. */
  baseDir: string;
  /** The clock, in ms since the epoch; default Date.now. */
  now?: () => number;
  /** Default: git rev-parse in the folder. */
  gitSha?: GitRevisionReader;
}

function invalid(options: SweepNameOptions, template: string, problem: string, hint: string): BenchError {
  return new BenchError(
    "CONFIG_INVALID",
    `${options.what}: ${problem} in the sweep name ${JSON.stringify(template)}.`,
    {
      hint,
    },
  );
}

/** ` (did you mean {date}?)`, or "". */
function suggestion(key: string): string {
  const matches = closestMatches(key, PLACEHOLDER_NAMES).map((name) =>
    name === "git_sha" ? "{git_sha:<folder>}" : `{${name}}`,
  );
  return matches.length === 0 ? "" : ` (did you mean ${orList(matches)}?)`;
}

/** `2026-11-30` and `2026-11-30T0215Z`: UTC, and only characters a folder name may hold. */
function utcStamps(ms: number): { date: string; datetime: string } {
  const iso = new Date(ms).toISOString();
  return {
    date: iso.slice(0, 10),
    datetime: `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`,
  };
}

/**
 * Replaces the placeholders of a sweep name: {date}, {datetime}, {git_sha:<folder>}. A name without
 * any is returned as it is (after the same check). Unknown or unclosed placeholders, and a result
 * that is not a valid name, are a BenchError naming the known placeholders.
 */
export async function resolveSweepName(template: string, options: SweepNameOptions): Promise<string> {
  const stamps = utcStamps((options.now ?? Date.now)());
  const gitSha = options.gitSha ?? readGitShortSha;
  let name = "";
  let position = 0;
  while (position < template.length) {
    const open = template.indexOf("{", position);
    const stray = template.indexOf("}", position);
    if (stray !== -1 && (open === -1 || stray < open)) {
      throw invalid(options, template, 'a "}" without its "{"', `placeholders are ${PLACEHOLDER_HELP}`);
    }
    if (open === -1) {
      name += template.slice(position);
      break;
    }
    name += template.slice(position, open);
    const close = template.indexOf("}", open);
    if (close === -1) {
      throw invalid(options, template, `an unclosed "{"`, `placeholders are ${PLACEHOLDER_HELP}`);
    }
    const inside = template.slice(open + 1, close);
    const colon = inside.indexOf(":");
    const key = (colon === -1 ? inside : inside.slice(0, colon)).trim();
    const argument = colon === -1 ? undefined : inside.slice(colon + 1).trim();
    if (key === "date" && argument === undefined) name += stamps.date;
    else if (key === "datetime" && argument === undefined) name += stamps.datetime;
    else if (key === "git_sha" && argument) name += await gitSha(path.resolve(options.baseDir, argument));
    else if (key === "git_sha") {
      throw invalid(
        options,
        template,
        "{git_sha} without a folder",
        "name the git checkout: {git_sha:path/to/repo} ({git_sha:.} for the folder itself)",
      );
    } else {
      throw invalid(
        options,
        template,
        `the unknown placeholder {${inside}}${suggestion(key)}`,
        `the known placeholders are ${PLACEHOLDER_HELP}`,
      );
    }
    position = close + 1;
  }
  if (name === "") {
    throw invalid(options, template, "nothing", "give the sweep a name, e.g. nightly-{date}");
  }
  if (!SWEEP_NAME.test(name)) {
    throw invalid(
      options,
      template,
      name === template
        ? "characters other than letters, digits, '.', '_' or '-'"
        : `the result ${JSON.stringify(name)} has characters other than letters, digits, '.', '_' or '-'`,
      `a sweep name names a folder under runs/: start with a letter or digit; placeholders are ${PLACEHOLDER_HELP}`,
    );
  }
  return name;
}
