// What each relevant sentence says: its dates, counts and data fields. Breach sentences
// are read in full; sentences next to one are read for the fields they list ("The data
// included names and addresses.") and any sentence for the fields it denies ("Passwords are
// safe."), without their dates, which seldom date the breach there.

import { findAffectedCounts, type CountMention } from './affected-counts';
import { findDateMentions, type DateMention } from './breach-dates';
import { findDataTypes, mayDenyFields, type DataMention } from './data-types';
import type { Sentence } from './sentences';

/** Index of the headline among sentence indexes. */
export const TITLE_INDEX = -1;

export interface SentenceReading {
  text: string;
  /** Breach-cue strength: 2 explicit, 1 suggestive, 0 a context sentence. */
  strength: number;
  dates: DateMention[];
  counts: CountMention[];
  leaked: DataMention[];
  notLeaked: DataMention[];
}

/** Reads one sentence; `publishedAt` (YYYY-MM-DD) resolves its relative dates. */
export function readSentence(text: string, strength: number, publishedAt: string | null): SentenceReading {
  const types = findDataTypes(text);
  return {
    text,
    strength,
    dates: findDateMentions(text, publishedAt),
    counts: findAffectedCounts(text),
    leaked: types.leaked,
    notLeaked: types.notLeaked,
  };
}

// A finite verb ("the data dates back to 2014") dates how far back the breach goes; a participle
// after a noun ("confirmations going back to 2021", "files dating back to 2015") describes what
// the data holds, not when it was taken.
const ORIGIN_WORDS = /\b(?:dat(?:es|ed|e)|go(?:es)?|went) back\b/i;
const LISTING = /\b(?:includ(?:ed|ing|es|e)|such as|contain(?:ed|s|ing)?|consist(?:ed|s)? of|compris(?:ed|es|ing)|as well as|held|holds|among)\b/i;

/** Readings of the non-breach sentences that list or deny leaked fields, by sentence index. */
export function readContextSentences(
  sentences: Sentence[],
  breachStrengths: Map<number, number>,
  publishedAt: string | null,
): Map<number, SentenceReading> {
  const out = new Map<number, SentenceReading>();
  for (const s of sentences) {
    if (breachStrengths.has(s.index)) continue;
    // A list may continue two sentences after the report: "... were also among the files".
    const isNear =
      breachStrengths.has(s.index - 1) || breachStrengths.has(s.index + 1) || (breachStrengths.has(s.index - 2) && /\balso\b/i.test(s.text));
    // Far from a report, only a denial matters ("Passwords are safe"): skip the lexicon otherwise.
    if (!isNear && !mayDenyFields(s.text) && !(breachStrengths.has(s.index - 2) && ORIGIN_WORDS.test(s.text))) continue;
    const types = findDataTypes(s.text);
    const lists = isNear && LISTING.test(s.text) && types.leaked.length > 0;
    // "According to the firm, the data dates back to March 2014": how far back the breach goes.
    const datesOrigin = (isNear || breachStrengths.has(s.index - 2)) && ORIGIN_WORDS.test(s.text);
    if (!types.notLeaked.length && !lists && !datesOrigin) continue;
    const r = readSentence(s.text, 0, publishedAt);
    // Only the bounds of a breach date: how far back it goes, when the data surfaced.
    r.dates = r.dates.filter((d) => (datesOrigin && d.role === 'origin') || (lists && d.role === 'surfaced'));
    if (!isNear) r.leaked = [];
    if (!lists && !types.notLeaked.length) {
      r.leaked = [];
      r.counts = [];
    }
    out.set(s.index, r);
  }
  return out;
}
