// Segmenting an article into incidents. Breach sentences are read in order; a sentence
// dated by its own event date joins the incident with a compatible date, or the article's
// main incident when that one has no date yet and nothing signals a recalled, earlier breach
// ("the second time in two years", "a previous breach", "also suffered ... in 2016").
// Within one dating, a sentence naming a different victim starts that victim's incident;
// sentences naming none continue the victim of the sentence before.

import type { DateMention } from './breach-dates';

export interface SentenceFacts {
  index: number;
  /** First event date of the sentence. */
  date: DateMention | null;
  /** When the sentence says the data surfaced (posted, sold): the breach date only if none is known. */
  surfacedDate?: DateMention | null;
  /** Victim organization key named in the sentence, if any. */
  victimKey: string | null;
  /** The sentence or the one before it recalls an earlier breach. */
  isRecall: boolean;
}

export interface Segment {
  date: DateMention | null;
  victimKey: string | null;
  sentences: number[];
  isMain: boolean;
}

const RECALL =
  /\b(?:previous(?:ly)?|prior|earlier (?:breach|hack|attack|incident|leak)|(?:second|third|fourth) (?:time|breach|hack|incident|major)|not the first|another (?:breach|hack|incident|leak|attack)|once again|in the past|history of|had (?:also )?(?:suffered|been hit|been hacked|been breached)|also (?:suffered|hit|hacked|breached)|similar (?:breach|hack|incident|attack)|last (?:breach|hack|incident)|past (?:breach|hack|incident|attack)|a year (?:before|earlier)|years? ago|(?:a|another) separate (?:breach|hack|attack|incident|leak))\b/i;

/** Whether a sentence recalls an earlier breach. */
export function isRecallSentence(text: string): boolean {
  return RECALL.test(text);
}

/** Two dates are compatible when one is a prefix of the other (2018 and 2018-01). */
export function isCompatibleDate(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** Groups breach sentences into incidents; the first segment is the main one. */
export function segmentIncidents(facts: SentenceFacts[], mainVictimKey: string | null): Segment[] {
  const main: Segment = { date: null, victimKey: mainVictimKey, sentences: [], isMain: true };
  const segments: Segment[] = [main];
  const lastVictimByDating = new Map<Segment, string | null>();
  for (const f of facts) {
    let dating: Segment = main;
    if (f.date) {
      const d = f.date.value;
      const dated = segments.find((s) => !s.isMain && s.date && isCompatibleDate(s.date.value, d))
        ?? (main.date && isCompatibleDate(main.date.value, d) ? main : undefined);
      if (dated) dating = dated;
      // The first breach sentence has no earlier story to recall: "news broke that X had
      // suffered a breach" is the main one.
      else if (!main.date && (!f.isRecall || f === firstFact(facts))) main.date = f.date;
      // The breach goes back further than the lead said ("In 2018, X suffered a breach of
      // records dating back to 2017").
      else if (f.date.role === 'origin' && !f.isRecall && main.date && main.date.role !== 'origin' && isMainSentence(main, f, facts)) main.date = f.date;
      else {
        dating = { date: f.date, victimKey: f.victimKey ?? mainVictimKey, sentences: [], isMain: false };
        segments.push(dating);
      }
      if (dating.date && dating.date.precision !== 'day' && refines(f.date, dating.date)) dating.date = f.date;
    }
    const victim = f.victimKey ?? lastVictimByDating.get(dating) ?? dating.victimKey;
    lastVictimByDating.set(dating, victim);
    let target = dating;
    if (victim && dating.victimKey && victim !== dating.victimKey) {
      target = segments.find((s) => s.victimKey === victim && s.date === dating.date && s !== dating)
        ?? pushSegment(segments, { date: dating.date, victimKey: victim, sentences: [], isMain: false });
    } else if (victim && !dating.victimKey) {
      dating.victimKey = victim;
    }
    target.sentences.push(f.index);
  }
  // The earliest time the data surfaced bounds the breach best.
  if (!main.date) {
    const surfaced = facts.filter((f) => f.surfacedDate && main.sentences.includes(f.index)).map((f) => f.surfacedDate!);
    main.date = surfaced.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))[0] ?? null;
  }
  return segments.filter((s) => s.sentences.length > 0);
}

function firstFact(facts: SentenceFacts[]): SentenceFacts | undefined {
  return facts.find((f) => f.index >= 0);
}

// A sentence of the main incident: it names the main victim or no other.
function isMainSentence(main: Segment, f: SentenceFacts, facts: SentenceFacts[]): boolean {
  return f.victimKey === null || f.victimKey === main.victimKey || facts.every((o) => o.victimKey === null || o.victimKey === f.victimKey);
}

function refines(candidate: DateMention, current: DateMention): boolean {
  return candidate.value.length > current.value.length && isCompatibleDate(candidate.value, current.value);
}

function pushSegment(segments: Segment[], s: Segment): Segment {
  segments.push(s);
  return s;
}
