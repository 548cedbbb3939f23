// The headers every response of the viewer carries. The pages are plain server-rendered HTML with one
// stylesheet and no script at all, so the policy can allow nothing else: a script smuggled into a page
// through an agent's log, despite the escaping, still would not run. Downloads get `sandbox` too, so a
// file an agent wrote is never a page of the viewer's origin, even opened directly.

/** The Content-Security-Policy of the viewer's pages (served over HTTP). */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
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
