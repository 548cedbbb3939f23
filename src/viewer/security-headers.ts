// The headers every response of the viewer carries. The pages are plain server-rendered HTML with one
// stylesheet and one script of bench's own (live.js, which polls the viewer's own JSON while a sweep
// runs), so the policy allows nothing else: no inline script, no eval, no other origin; a script
// smuggled into a page through an agent's log, despite the escaping, still would not run. Exported
// pages have no script at all, and their policy allows none. Downloads get `sandbox` too, so a
// file an agent wrote is never a page of the viewer's origin, even opened directly.

/** The Content-Security-Policy of the viewer's pages (served over HTTP). */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The policy written into exported pages as a <meta> tag (file:// has no headers). frame-ancestors has
 * no effect in <meta> and Chromium warns about it there, so it is left out; there are no forms.
 */
export const EXPORT_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

/**
 * The policy of a report's plot (an SVG document, shown by the pages through <img>): the plot draws
 * with presentation attributes only, so it needs nothing; opened on its own, nothing in it runs.
 */
export const PLOT_CSP = "default-src 'none'; sandbox";

/** The policy of a downloaded file: nothing loads and nothing runs, whatever it contains. */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

export function securityHeaders(csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    // The store changes while a sweep runs: always show what it holds now.
    "Cache-Control": "no-store",
  };
}
