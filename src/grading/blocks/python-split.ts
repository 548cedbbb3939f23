// Python's two ways of cutting a label string into tokens, as the reference's graders use them:
// str.split() (runs of Python whitespace, no empty tokens) and str.split(" ") (every single space,
// empty tokens kept). JavaScript's /\s+/ is NOT Python's whitespace set (it includes U+FEFF and lacks
// U+001C-U+001F and U+0085), so the set is spelled out here.

/** Python's str.isspace() for one UTF-16 unit (every Python whitespace character is in the BMP). */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Python's s.split(): tokens between runs of whitespace; never an empty token. */
export function splitWhitespace(s: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isPythonSpace(s.charCodeAt(i))) {
      if (start >= 0) {
        tokens.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) tokens.push(s.slice(start));
  return tokens;
}

/** Python's s.split()[0]: the first token, or undefined for a blank text (IndexError). */
export function firstToken(s: string): string | undefined {
  let a = 0;
  while (a < s.length && isPythonSpace(s.charCodeAt(a))) a++;
  if (a === s.length) return undefined;
  let b = a;
  while (b < s.length && !isPythonSpace(s.charCodeAt(b))) b++;
  return s.slice(a, b);
}

/** Python's s.strip() with no argument: Python whitespace removed at both ends. */
export function stripWhitespace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPythonSpace(s.charCodeAt(a))) a++;
  while (b > a && isPythonSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Python's s.split(" "): cut at every U+0020; "" gives [""], "a  b" gives ["a", "", "b"]. */
export function splitSpace(s: string): string[] {
  return s.split(" ");
}
