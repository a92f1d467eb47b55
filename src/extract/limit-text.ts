// How much text extraction reads. News articles are under 100 KB of text; the breach rules are
// not linear in their input (a 4.4 MB text took 24 s and 1.5 GB), so they read the first N
// characters only, cut at a paragraph or sentence end, and the record says so.

/** extract.maxTextChars by default. */
export const DEFAULT_MAX_TEXT_CHARS = 100_000;

export interface TextCut {
  text: string;
  /** What was left out, when something was. */
  note: string | null;
}

/** The first `maxChars` characters of `text` at most, ending at a paragraph, else sentence, else word end. */
export function limitText(text: string, maxChars: number): TextCut {
  if (text.length <= maxChars) return { text, note: null };
  const head = text.slice(0, maxChars);
  const paragraph = head.lastIndexOf('\n\n');
  const sentence = head.lastIndexOf('. ');
  const word = head.lastIndexOf(' ');
  const at = paragraph > maxChars / 2 ? paragraph : sentence > maxChars / 2 ? sentence + 1 : word > maxChars / 2 ? word : maxChars;
  const kept = head.slice(0, at).trimEnd();
  const note = `text: read the first ${kept.length.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters (extract.maxTextChars)`;
  return { text: kept, note };
}
