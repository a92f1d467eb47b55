// The extract stage: an article's text in, the breach incidents it reports out. Pure and
// deterministic. Cheap lexical passes find the breach sentences first; compromise parses
// only those (and the headline) to tell organizations from people and places.

import type { ArticleText, Incident } from '../types';
import { findBreachCues, isDisruptionHeadline, namesData, strongestCue } from './breach/breach-cues';
import { buildIncidents } from './breach/build-incident';
import { isCompatibleDate, isRecallSentence, segmentIncidents, type Segment, type SentenceFacts } from './breach/incident-segments';
import type { DateMention } from './breach/breach-dates';
import { isBreachArticle, scoreBreachArticle, type BreachEvidence } from './breach/is-breach-article';
import { readContextSentences, readSentence, TITLE_INDEX, type SentenceReading } from './breach/sentence-readings';
import { splitSentences, type Sentence } from './breach/sentences';
import { buildVictimContext } from './breach/victim-context';
import { findVictimOrganizations, type VictimCandidate } from './breach/victim-organizations';
import { DEFAULT_MAX_TEXT_CHARS, limitText } from './limit-text';

export { organizationKey } from './breach/organization-key';

export const EXTRACTOR_VERSION = 'breachfeed@0.1.0';

const BRIEF_SENTENCES = 6;

export interface ExtractOptions {
  /** Text past this is not read (limit-text.ts): the cost of a page is bounded. @default 100_000 */
  maxTextChars?: number;
}

/** The breach incidents an article reports, main incident first; [] when it reports none. */
export function extractIncidents(article: ArticleText, opts: ExtractOptions = {}): Incident[] {
  return traceExtraction(article, opts).incidents;
}

/** What each stage of the extraction saw and decided, for `breachfeed explain` and tests. */
export interface ExtractionTrace {
  title: string | null;
  publishedAt: string | null;
  sentences: Sentence[];
  /** Breach-cue strength per sentence index (TITLE_INDEX: the headline), 0s left out. */
  strengths: Map<number, number>;
  evidence: BreachEvidence;
  isReport: boolean;
  /** What the breach sentences and their neighbours say, by sentence index. */
  readings: Map<number, SentenceReading>;
  victims: VictimCandidate[];
  segments: Segment[];
  incidents: Incident[];
  /** Why the article yielded no incident, when it did not. */
  verdict: string;
}

/** The extraction of one article, stage by stage. */
export function traceExtraction(article: ArticleText, opts: ExtractOptions = {}): ExtractionTrace {
  const text = limitText(typeof article.text === 'string' ? article.text : '', opts.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS).text;
  const title = stripSiteName((typeof article.title === 'string' && article.title.trim()) || null);
  const publishedAt = toIsoDate(article.publishedAt);
  const sentences = splitSentences(text);
  const trace: ExtractionTrace = {
    title, publishedAt, sentences, strengths: new Map(), evidence: { titleStrength: 0, sentenceStrengths: [] }, isReport: false,
    readings: new Map(), victims: [], segments: [], incidents: [], verdict: '',
  };

  // 1. Which sentences report a breach, and does the article as a whole?
  const titleStrength = title ? strongestCue(title) : 0;
  const strengths = trace.strengths;
  if (titleStrength > 0) strengths.set(TITLE_INDEX, titleStrength);
  for (const s of sentences) {
    let strength = strongestCue(s.text);
    // Under a headline about ransomware or a defacement, a sentence that names no data taken
    // ("the site was hacked on Tuesday") tells of that attack.
    if (strength === 2 && title && isDisruptionHeadline(title) && !namesData(s.text)) strength = 1;
    if (strength > 0) strengths.set(s.index, strength);
  }
  const bodyStrengths = new Map([...strengths].filter(([i]) => i !== TITLE_INDEX));
  // A sentence listing the fields next to a report ("The files held names and grades.")
  // supports it like a suggestive cue.
  const context = bodyStrengths.size ? readContextSentences(sentences, bodyStrengths, publishedAt) : new Map<number, SentenceReading>();
  const listings = [...context.values()].filter((r) => r.leaked.length > 0).map(() => 1);
  const titleCues = title ? findBreachCues(title) : [];
  // A headline about ransomware or a defacement with no data taken ("Site hacked with
  // ransomware") counts no more than one about a flaw: the body must report the breach.
  const titleIsFlaw = (titleCues.length > 0 && titleCues.every((c) => c.isFlaw || c.strength < titleStrength)) || (title !== null && isDisruptionHeadline(title));
  // A brief (a few sentences) has no room for a story about something else: an explicit
  // report in its first sentence makes it a breach report.
  const leadStrength = sentences.length <= BRIEF_SENTENCES ? bodyStrengths.get(0) ?? 0 : 0;
  const evidence = (trace.evidence = { titleStrength, sentenceStrengths: [...bodyStrengths.values(), ...listings], titleIsFlaw, leadStrength });
  const isReport = (trace.isReport = isBreachArticle(evidence));
  if (!isReport && !evidence.sentenceStrengths.some((s) => s >= 2)) return { ...trace, verdict: 'no breach report: no explicit breach sentence and too little suggestive evidence' };

  // 2. What those sentences (and their neighbours) say.
  const readings = trace.readings;
  if (title && titleStrength > 0) readings.set(TITLE_INDEX, readSentence(title, titleStrength, publishedAt));
  for (const [index, strength] of bodyStrengths) readings.set(index, readSentence(sentences[index].text, strength, publishedAt));
  for (const [index, r] of context) readings.set(index, r);

  // 3. Who was breached.
  let victims = findVictimOrganizations(buildVictimContext(title, sentences, bodyStrengths, text));
  if (!isReport) {
    // A story about something else may still recall a specific breach: kept only for the
    // sentences that say so themselves, each with only what its own sentence states.
    const recalled = recalledIncidentSentences(readings, victims);
    if (!recalled.size) return { ...trace, victims, verdict: 'no breach report: one explicit breach sentence, recalling no specific breach' };
    for (const index of [...readings.keys()]) if (!recalled.has(index)) readings.delete(index);
    victims = victims.filter((v) => v.sentenceIndexes.some((i) => recalled.has(i)));
  }
  trace.victims = victims;

  // 4. Which sentences tell of which incident.
  const firstReport = Math.min(...[...readings.keys()].filter((i) => i >= 0));
  const facts: SentenceFacts[] = [...readings.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, r]) => ({
      index,
      date: eventDateOf(r.dates),
      surfacedDate: r.dates.find((d) => d.role === 'surfaced') ?? null,
      victimKey: victimNamedIn(victims, index, r.text),
      // A sentence after the lead report continues it, however the lead is worded ("news broke
      // that X had suffered a breach").
      isRecall: isRecallSentence(r.text) || (index > 0 && index - 1 !== firstReport && isRecallSentence(sentences[index - 1].text)),
    }));
  // The main incident's victim is the one the headline names, else the best supported.
  const mainVictim = victims.find((v) => v.sentenceIndexes.includes(TITLE_INDEX)) ?? victims[0];
  const segments = (trace.segments = segmentIncidents(facts, mainVictim?.key ?? null));

  const incidents = buildIncidents({ segments, readings, victims, publishedAt, articleScore: scoreBreachArticle(evidence) });
  if (!isConcreteReport(incidents, evidence)) return { ...trace, verdict: 'no breach report: no victim, field or count, and fewer than three explicit breach sentences' };
  return { ...trace, incidents, verdict: `${incidents.length} incident(s)` };
}

/**
 * Sentences that recall one specific, actual breach on their own: an explicit breach
 * sentence that names its victim and states what the breach touched (how many people or
 * records were affected, or which fields leaked) — "In 2016 hackers stole the records of 57
 * million Acme riders" — as opposed to breaches in general ("data breaches are on the rise").
 */
export function recalledIncidentSentences(readings: Map<number, SentenceReading>, victims: VictimCandidate[]): Set<number> {
  const out = new Set<number>();
  for (const [index, r] of readings) {
    const named = victims.filter((v) => v.sentenceIndexes.includes(index));
    if (index === TITLE_INDEX || r.strength < 2 || !named.length) continue;
    // A date alone does not make an intrusion a data breach; the people or fields affected,
    // or the victim's own data ("NSA documents were leaked"), do.
    const hasDetail = r.counts.some((c) => c.isAffected) || r.leaked.length > 0 || named.some((v) => namesOwnData(r.text, v.name));
    if (hasDetail) out.add(index);
  }
  return out;
}

const OWN_DATA = /^(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?(?:documents|e-?mails|files|records|data|databases?|information|messages|source code)\b/;

// "NSA documents", "the clinic's patient records": data named as the organization's own.
function namesOwnData(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (OWN_DATA.test(text.slice(at + name.length))) return true;
  }
  return false;
}

// A report names what was breached, what was taken or how many were affected. With none of
// these, only several explicit breach sentences make it a report rather than talk about
// attacks in general ("hackers increasingly target small firms").
function isConcreteReport(incidents: Incident[], evidence: BreachEvidence): boolean {
  if (incidents.some((i) => i.organization !== null || i.dataTypes.length > 0 || i.affectedCount !== null)) return true;
  return evidence.sentenceStrengths.filter((s) => s >= 2).length >= 3;
}

// The sentence's first event date, refined by a later one it contains ("in 2017 ... between
// May 13 and July 29" dates the breach 2017-05-13); a date the breach goes back to first.
function eventDateOf(dates: DateMention[]): DateMention | null {
  const origins = dates.filter((d) => d.role === 'origin');
  const events = origins.length ? origins : dates.filter((d) => d.role === 'event');
  if (!events.length) return null;
  return events.reduce((best, d) => (d.value.length > best.value.length && isCompatibleDate(d.value, best.value) ? d : best), events[0]);
}

function victimNamedIn(victims: VictimCandidate[], index: number, text: string): string | null {
  return (victims.find((v) => v.sentenceIndexes.includes(index)) ?? victims.find((v) => text.includes(v.name)))?.key ?? null;
}

// "Cellebrite confirms data breach - Help Net Security | News": the publisher's name after
// a separator is not part of the headline.
function stripSiteName(title: string | null): string | null {
  let t = title;
  for (let i = 0; t && i < 3; i++) {
    const m = /\s+[-|–—•]\s+([^-|–—•]{2,60})$/.exec(t);
    if (!m || m.index < 20 || m[1].trim().split(/\s+/).length > 8) break;
    t = t.slice(0, m.index).trim();
  }
  return t;
}

/** The date part of an ISO date or timestamp; null when there is none. */
function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (m) return m[1];
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
