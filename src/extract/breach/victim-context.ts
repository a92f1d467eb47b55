// The context the victim search needs, built once per article: compromise's tags for the
// breach sentences and the headline (parsed in one call, the only compromise parse of the
// extraction), the body's lowercase vocabulary and the surnames of people it names.

import type { Sentence } from './sentences';
import { TITLE_INDEX } from './sentence-readings';
import { findNameMentions } from './name-mentions';
import { tagTexts, type TermTag } from './term-tags';
import type { VictimContext } from './victim-organizations';

export function buildVictimContext(
  title: string | null,
  sentences: Sentence[],
  breachStrengths: Map<number, number>,
  body: string,
): VictimContext {
  // Only sentences that may name someone need tags (parsing is the costly step).
  const indexes = [...breachStrengths.keys()].filter((i) => findNameMentions(sentences[i].text, () => false, () => false).length > 0);
  const tagged = tagTexts([title ?? '', ...indexes.map((i) => sentences[i].text)]);
  const termTags = new Map<number, TermTag[]>([[TITLE_INDEX, tagged[0]]]);
  indexes.forEach((i, k) => termTags.set(i, tagged[k + 1]));
  // "Hunt" alone is a person once "Troy Hunt" has been seen.
  const personTokens = new Set<string>();
  for (const terms of tagged) {
    for (let k = 0; k + 1 < terms.length; k++) {
      if (terms[k].tags.has('FirstName') && terms[k + 1].tags.has('Person')) personTokens.add(terms[k + 1].text.toLowerCase());
    }
  }
  return { title, sentences, breachSentences: breachStrengths, termTags, lowercaseWords: collectLowercaseWords(body), personTokens, body };
}

/**
 * Words the text writes in lowercase as plain words, not inside domains or handles
 * ("my.cellebrite domain" does not make "Cellebrite" a common word).
 */
export function collectLowercaseWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of text.split(/\s+/)) {
    const m = /^["“‘'(]*([a-z][a-z'’-]*)[,;:.!?)"”’]*$/.exec(token);
    if (m) words.add(m[1]).add(m[1].replace(/['’]s?$/, ''));
  }
  return words;
}
