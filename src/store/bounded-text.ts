// What one run can put into the store is bounded: an agent controls its submission (and through it
// the grader's messages), its score requests and its output, and a 50 MB id once became a 50 MB error
// row. Every free-text field a run writes goes through these, whatever produced the text.

/** Longest run or grade error kept (characters). */
export const MAX_RUN_ERROR_CHARS = 2_000;
/** Longest single note kept, and most notes kept per run or grade. */
export const MAX_NOTE_CHARS = 1_000;
export const MAX_NOTES = 50;
/** Longest score-log message kept. */
export const MAX_SCORE_MESSAGE_CHARS = 500;

/** `text` cut to `max` characters, saying how much was cut; never splits a surrogate pair. */
export function boundedText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${text.length - end} more characters not kept)`;
}

/** At most MAX_NOTES notes of at most MAX_NOTE_CHARS each; null when there are none. */
export function boundedNotes(notes: readonly string[] | null | undefined): string[] | null {
  if (notes === null || notes === undefined || notes.length === 0) return null;
  const kept = notes.slice(0, MAX_NOTES).map((note) => boundedText(note, MAX_NOTE_CHARS));
  if (notes.length > MAX_NOTES) kept.push(`… and ${notes.length - MAX_NOTES} more notes not kept`);
  return kept;
}
