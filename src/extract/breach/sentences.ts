// Sentence segmentation by rule: news text is regular enough that a period, question or
// exclamation mark followed by a capitalised word ends a sentence, unless the word before
// the period is an abbreviation ("Inc.", "Nov.", "U.S.") or an initial ("J. Smith").

export interface Sentence {
  /** Verbatim text of the sentence, trimmed. */
  text: string;
  /** Offset of `text` in the article text. */
  start: number;
  /** Position in the article, 0-based. */
  index: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt',
  'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn', 'est', 'approx', 'no', 'nos', 'vol', 'fig',
  'vs', 'etc', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

// A candidate end: terminal punctuation, optional closing quotes/brackets, whitespace,
// then something that can open a sentence.
const BOUNDARY = /[.!?…]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9\u2022•—–-])/g;

/** Splits article text into sentences with their offsets; blank lines and bullets also end one. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) splitLine(line[0], line.index, out);
  return out;
}

function splitLine(line: string, offset: number, out: Sentence[]): void {
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
    if (isAbbreviationBefore(line, m.index)) continue;
    const end = m.index + m[0].trimEnd().length;
    pushSentence(line.slice(from, end), offset + from, out);
    from = m.index + m[0].length;
  }
  pushSentence(line.slice(from), offset + from, out);
}

function isAbbreviationBefore(line: string, dotIndex: number): boolean {
  if (line[dotIndex] !== '.') return false;
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(line.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1] ?? '';
  if (!word) return false;
  if (word.includes('.')) return true; // "U.S", "e.g"
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Longer "sentences" are page junk (icon fonts, tables flattened to text): they are cut at
 * a clause or word boundary so that every rule works on a bounded span.
 */
export const MAX_SENTENCE_CHARS = 1_000;

function pushSentence(raw: string, start: number, out: Sentence[]): void {
  const lead = raw.length - raw.trimStart().length;
  let text = raw.trim();
  let at = start + lead;
  while (text.length > MAX_SENTENCE_CHARS) {
    const head = text.slice(0, MAX_SENTENCE_CHARS);
    const cut = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '), head.lastIndexOf(' ')) + 1 || MAX_SENTENCE_CHARS;
    const piece = text.slice(0, cut).trimEnd();
    if (piece) out.push({ text: piece, start: at, index: out.length });
    const rest = text.slice(cut);
    at += cut + (rest.length - rest.trimStart().length);
    text = rest.trimStart();
  }
  if (!text) return;
  out.push({ text, start: at, index: out.length });
}
