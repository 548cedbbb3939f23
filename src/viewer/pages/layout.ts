// The frame of every page: the document head (with the policy as a <meta> tag in an export, where
// there are no headers), the site's navigation, and links relative to the page itself, so that the
// same page works served by `bench view` and opened from file:// after `bench view --export`.

import { html, type SafeHtml } from "../html.js";
import { paths, relativeHref } from "../page-paths.js";
import { EXPORT_CSP } from "../security-headers.js";

export interface PageContext {
  /** The page's own path from the site's root (paths.ts), for relative links. */
  path: string;
  /** True in an export: static files, no forms and nothing that needs the server. */
  static: boolean;
  /**
   * The one sweep the site shows (`bench view --export DIR --sweep S`): the lists, the reports and the
   * competitions' runs are that sweep's alone, and every page says so.
   */
  sweep?: string | undefined;
}

/** A link to another page of the site, relative to this one. */
export function link(page: PageContext, to: string, text: string | SafeHtml): SafeHtml {
  return html`<a href="${relativeHref(page.path, to)}">${text}</a>`;
}

/**
 * The whole page. `live` names the JSON (a path from the site's root) that the page's status part
 * follows while a sweep runs; served pages then load live.js, exported ones never do.
 */
export function pageShell(page: PageContext, title: string, body: SafeHtml, live?: string): string {
  const csp = page.static ? html`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">` : "";
  const following = live !== undefined && !page.static;
  const script = following
    ? html`<script src="${relativeHref(page.path, paths.liveScript)}" defer></script>`
    : "";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${csp}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · bench</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${relativeHref(page.path, paths.stylesheet)}">
${script}
</head>
<body>
<header class="site"><strong>bench</strong>
<nav>${link(page, paths.leaderboard, "Leaderboard")} · ${link(page, paths.rebench, "RE-bench")} · ${link(page, paths.aup, "AUP")}${page.static ? "" : html` · ${link(page, paths.compare, "Compare")}`} · ${link(page, paths.sweeps(), "Sweeps")} · ${link(page, paths.competitions, "Competitions")}</nav>
</header>
<main${following ? html` data-live="${relativeHref(page.path, live)}"` : ""}>
${page.sweep === undefined ? "" : html`<p class="scope" data-scope="${page.sweep}">The runs of sweep ${link(page, paths.sweep(page.sweep), page.sweep)} only: every list, report and plot here leaves the store's other runs out.</p>`}
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.text;
}

/** Previous/next links of a paginated list ("page 2 of 7"), or nothing when it fits on one page. */
export function pager(
  page: PageContext,
  at: number,
  total: number,
  size: number,
  pathOf: (n: number) => string,
): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return html``;
  return html`<nav class="pager">${at > 1 ? link(page, pathOf(at - 1), "← previous") : ""}<span>page ${at} of ${pages} (${total} in all)</span>${at < pages ? link(page, pathOf(at + 1), "next →") : ""}</nav>`;
}

/** A two-column table of a record's fields. */
export function fieldsTable(
  rows: readonly (readonly [string, string | number | SafeHtml | null | undefined])[],
): SafeHtml {
  return html`<table class="fields"><tbody>${rows.map(
    ([name, value]) => html`<tr><th scope="row">${name}</th><td class="wrap">${value ?? "-"}</td></tr>`,
  )}</tbody></table>`;
}
