// Known issues of competitions (issue 8 item 6): the registry carries MLE-bench's list (a `leak` where
// public data reveals test labels, a wrong `prepare`d split, `data` files missing or mismatched, a
// `crowded` leaderboard whose medal thresholds barely differ) as `known_issues` in competition.yaml.
// A report over competitions that have one says so, in every format (a note, and `known_issues` in
// JSON), so that nobody publishes a medal rate on a leaking task without knowing it; `bench report
// --exclude-known-leaks` leaves the leaking ones out of the splits.

import type { CompetitionManifest } from "../config/competition-schema.js";
import { bundledRegistry } from "../registry/competition-registry.js";
import type { Report } from "./table-model.js";

export type KnownIssueKind = "leak" | "prepare" | "data" | "crowded";

export interface KnownIssue {
  competition_id: string;
  kind: KnownIssueKind;
  text: string;
  ref: string | null;
}

/** The known issues of the given competitions, keyed by competition id. */
export type KnownIssuesLookup = () => Promise<ReadonlyMap<string, readonly KnownIssue[]>>;

export function knownIssuesOfManifest(
  manifest: Pick<CompetitionManifest, "id" | "known_issues">,
): KnownIssue[] {
  return (manifest.known_issues ?? []).map((issue) => ({
    competition_id: manifest.id,
    kind: issue.kind,
    text: issue.text,
    ref: issue.ref,
  }));
}

/** The registry's known issues, from the registry read once per process (bundledRegistry). */
export function registryKnownIssues(): KnownIssuesLookup {
  return async () =>
    new Map(
      (await bundledRegistry())
        .map((c) => [c.id, knownIssuesOfManifest(c.manifest)] as const)
        .filter(([, issues]) => issues.length > 0),
    );
}

/** The issues of `ids` (each id once, in id order, then the registry's order of its issues). */
export function issuesOf(
  all: ReadonlyMap<string, readonly KnownIssue[]>,
  ids: Iterable<string>,
): KnownIssue[] {
  return [...new Set(ids)].sort().flatMap((id) => all.get(id) ?? []);
}

/** The ids among `ids` with a known `leak`. */
export function leakingIds(all: ReadonlyMap<string, readonly KnownIssue[]>, ids: Iterable<string>): string[] {
  return issuesOf(all, ids)
    .filter((issue) => issue.kind === "leak")
    .map((issue) => issue.competition_id)
    .filter((id, i, list) => list.indexOf(id) === i);
}

/** One sentence per issue: "denoising-dirty-documents (leak): ... (see URL)". */
export function knownIssueText(issue: KnownIssue): string {
  const text = issue.text.trim().replace(/\.$/, "");
  return `${issue.competition_id} (${issue.kind}): ${text}${issue.ref ? ` (see ${issue.ref})` : ""}.`;
}

export interface KnownIssuesNoteOptions {
  /** Leaking competitions the report left out (--exclude-known-leaks). */
  excluded?: readonly string[];
  /** Mention --exclude-known-leaks (reports that have the option). Default false. */
  excludeHint?: boolean;
}

/** The note listing `issues`, one per line under a heading; null when there are none. */
export function knownIssuesNote(
  issues: readonly KnownIssue[],
  { excluded = [], excludeHint = false }: KnownIssuesNoteOptions = {},
): string | null {
  if (issues.length === 0) return null;
  const leaks = issues.filter((issue) => issue.kind === "leak" && !excluded.includes(issue.competition_id));
  const warning =
    leaks.length === 0
      ? ""
      : ` (results on a competition with a known leak overstate what an agent can do${excludeHint ? "; --exclude-known-leaks leaves them out" : ""})`;
  const head = `Known issues of ${new Set(issues.map((issue) => issue.competition_id)).size} of this report's competitions${warning}:`;
  return [head, ...issues.map((issue) => `- ${knownIssueText(issue)}`)].join("\n");
}

/**
 * Adds the known issues of a report's competitions to it: one note (terminal, Markdown) listing them,
 * and the `knownIssues` field that JSON prints as `known_issues`. Nothing when there are none.
 */
export function footnoteKnownIssues(
  report: Report,
  issues: readonly KnownIssue[],
  options: KnownIssuesNoteOptions = {},
): void {
  const note = knownIssuesNote(issues, options);
  if (note === null) return;
  report.notes.push(note);
  report.knownIssues = [...(report.knownIssues ?? []), ...issues];
}
