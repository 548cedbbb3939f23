// Word-level Jaccard similarity between two texts: A and B are the SETS of lower-cased words
// (Python str.lower().split(): punctuation stays part of a word, any Python whitespace separates),
// J = |A ∩ B| / |A ∪ B|. Two texts with no word at all have no defined J: the caller decides (chaii
// scores 0, tweet-sentiment-extraction's reference fails with ZeroDivisionError).

import { splitWhitespace } from "../blocks/python-split.js";

/** The set of lower-cased words of `text` (Python's str.lower() then str.split()). */
export function wordSet(text: string): Set<string> {
  return new Set(splitWhitespace(text.toLowerCase()));
}

/** |A ∩ B| / |A ∪ B|, or undefined when both sets are empty. */
export function wordSetJaccard(a: string, b: string): number | undefined {
  const sa = wordSet(a);
  const sb = wordSet(b);
  if (sa.size === 0 && sb.size === 0) return undefined;
  let common = 0;
  for (const w of sa) if (sb.has(w)) common++;
  return common / (sa.size + sb.size - common);
}
