// HTML built so that escaping cannot be forgotten: the `html` tag escapes every value put into it,
// and only fragments made by `html` itself (or `trustedHtml`, for the few constant strings of bench's
// own) pass through unescaped. Everything a page shows comes from the store or from a run's folder,
// both of which an agent can write to: agent names, errors, notes and log lines are hostile text.

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/**
 * Text made safe for an HTML element's content or a quoted attribute value. Control characters other
 * than tab and newline are dropped: a browser shows them as nothing or as boxes, and NUL is an error.
 */
export function escapeHtml(text: string): string {
  return (
    text
      .replace(/[&<>"'`]/g, (ch) => ESCAPES[ch]!)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
  );
}

/** A fragment of HTML that is already safe: made by `html`, or a constant of bench's own. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A value a template accepts: text (escaped), numbers, safe fragments, lists of them; null and undefined print nothing. */
export type HtmlValue = string | number | boolean | SafeHtml | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** The template tag: `html\`<td>${name}</td>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** A constant of bench's own taken as HTML (never pass it anything read from the store or a file). */
export function trustedHtml(text: string): SafeHtml {
  return new SafeHtml(text);
}
