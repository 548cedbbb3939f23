// Quoting text that came from a submission (a cell, an id, a column name) inside a message. A cell can
// hold 500 MB or terminal control codes; a message that echoed it whole once made a 500 MB report.
// Every message that quotes input goes through `excerpt`, which keeps it short and printable.

/** Longest excerpt, in characters of the quoted text (escapes included), before it is cut. */
export const EXCERPT_CHARS = 60;

/** Longest message a grade report stores; a longer one is cut (a last guard, see limitMessage). */
export const MAX_MESSAGE_CHARS = 2000;

/** The escape for a character that must not reach a terminal or a log raw, or undefined. */
function escapeOf(code: number): string | undefined {
  switch (code) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return "\\\\";
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
    case 0x09:
      return "\\t";
  }
  // C0 and C1 controls, DEL, line/paragraph separators and bidirectional overrides (which can make
  // a message read differently from what it says).
  const hidden =
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069);
  return hidden ? `\\u${code.toString(16).padStart(4, "0")}` : undefined;
}

/**
 * `text` in double quotes, with quotes, backslashes and control characters escaped as JSON writes
 * them; when it does not fit in `max` characters, cut there and followed by `…` and its length, as
 * in `"aaaa…" (5000000 characters)`. Short plain text reads exactly as JSON.stringify writes it.
 */
export function excerpt(text: string, max: number = EXCERPT_CHARS): string {
  return excerptOf(text, text.length, max);
}

/**
 * The excerpt of `parts.join(separator)` without making that string, which could be longer than
 * any string can be (a header of a hundred thousand 16 MB names).
 */
export function excerptJoined(
  parts: readonly string[],
  separator: string,
  max: number = EXCERPT_CHARS,
): string {
  let total = 0;
  let head = "";
  parts.forEach((part, i) => {
    const piece = i === 0 ? part : separator + part;
    total += piece.length;
    // Escapes never make the quoted text shorter, so max + 1 characters decide the cut.
    if (head.length <= max) head += piece.slice(0, max + 1 - head.length);
  });
  return excerptOf(head, total, max);
}

/** `text` is the start of a text of `length` characters. */
function excerptOf(text: string, length: number, max: number): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    let piece: string;
    let width = 1; // UTF-16 units of `text` that `piece` stands for
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      piece = text.slice(i, i + 2); // a surrogate pair is one character: never split it
      width = 2;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      piece = `\\u${code.toString(16)}`; // a lone surrogate cannot be printed
    } else {
      piece = escapeOf(code) ?? text[i]!;
    }
    if (out.length + piece.length > max) break;
    out += piece;
    i += width;
  }
  if (i >= length) return `"${out}"`;
  return `"${out}…" (${length} characters)`;
}

/** Up to `maxItems` texts (column names), each an excerpt, then how many more: `"a", "b", and 5 more`. */
export function excerptList(texts: readonly string[], maxItems = 8): string {
  const shown = texts.slice(0, maxItems).map((text) => excerpt(text));
  const more = texts.length - shown.length;
  return more > 0 ? `${shown.join(", ")}, and ${more} more` : shown.join(", ");
}

/**
 * A message cut to `max` characters. Messages quote input through `excerpt`; this is the guard
 * for one that does not (a grader's own message), so a report can never grow with its input.
 */
export function limitMessage(message: string, max: number = MAX_MESSAGE_CHARS): string {
  if (message.length <= max) return message;
  return `${message.slice(0, max)}… (message cut: ${message.length} characters in all)`;
}
