// Part-of-speech tags from compromise for a few texts, parsed in one call: the breach
// sentences and the headline only, since parsing whole articles is the slowest step of
// the pipeline.

import nlp from 'compromise';

export interface TermTag {
  text: string;
  /** Offsets in the text the term came from. */
  start: number;
  end: number;
  tags: Set<string>;
}

interface JsonTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Tags of the terms of each text, in the order given. */
export function tagTexts(texts: string[]): TermTag[][] {
  const starts: number[] = [];
  let pos = 0;
  for (const t of texts) {
    starts.push(pos);
    pos += t.length + 1;
  }
  // One document for all texts: compromise's setup cost is per call.
  const doc = nlp(texts.map((t) => t.replace(/\n/g, ' ')).join('\n'));
  const json = doc.json({ offset: true, terms: { offset: true } }) as { terms: JsonTerm[] }[];
  const out: TermTag[][] = texts.map(() => []);
  let k = 0;
  for (const sentence of json) {
    for (const term of sentence.terms) {
      const start = term.offset.start;
      while (k + 1 < starts.length && start >= starts[k + 1]) k++;
      if (!term.offset.length) continue;
      out[k].push({ text: term.text, start: start - starts[k], end: start - starts[k] + term.offset.length, tags: new Set(term.tags) });
    }
  }
  return out;
}

/** The terms overlapping a span. */
export function termsIn(terms: TermTag[], start: number, end: number): TermTag[] {
  return terms.filter((t) => t.start < end && t.end > start);
}

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** Whether compromise knows the word, in lowercase, as an English word. */
export function isEnglishWord(word: string): boolean {
  return word.toLowerCase() in LEXICON;
}

/** Whether compromise knows the word as a common noun ("employee", "staff"), not a name. */
export function isCommonNoun(word: string): boolean {
  const tags = [LEXICON[word.toLowerCase()] ?? []].flat();
  return tags.some((t) => t === 'Actor' || t === 'Singular' || t === 'Plural');
}
