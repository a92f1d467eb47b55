// The extract stage: an article's text in, the breach incidents it reports out. Pure and
// deterministic. Cheap lexical passes find the breach sentences first; compromise parses
// only those (and the headline) to tell people and places from organizations.

import type { ArticleText, DataType, Incident } from '../types';
import { findBreachCues } from './breach/breach-cues';
import { findDateMentions, type DateMention } from './breach/breach-dates';
import { findAffectedCounts, type CountMention } from './breach/affected-counts';
import { findDataTypes, type DataMention } from './breach/data-types';
import { isBreachArticle, scoreBreachArticle } from './breach/is-breach-article';
import { isRecallSentence, segmentIncidents, type Segment, type SentenceFacts } from './breach/incident-segments';
import { splitSentences, type Sentence } from './breach/sentences';
import { findVictimOrganizations, type VictimCandidate } from './breach/victim-organizations';
import { scoreConfidence } from './breach/confidence';
import { tagTexts, type TermTag } from './breach/term-tags';

export { organizationKey } from './breach/organization-key';

export const EXTRACTOR_VERSION = 'breachfeed@0.1.0';

const TITLE_INDEX = -1;

interface SentenceReading {
  text: string;
  strength: number;
  dates: DateMention[];
  counts: CountMention[];
  leaked: DataMention[];
  notLeaked: DataMention[];
}

/** The breach incidents an article reports, main incident first; [] when it reports none. */
export function extractIncidents(article: ArticleText): Incident[] {
  const text = article.text ?? '';
  const title = article.title?.trim() || null;
  const publishedAt = toIsoDate(article.publishedAt);
  const sentences = splitSentences(text);

  const titleCues = title ? findBreachCues(title) : [];
  const titleStrength = titleCues.reduce((m, c) => Math.max(m, c.strength), 0);
  const strengths = new Map<number, number>();
  for (const s of sentences) {
    const strength = findBreachCues(s.text).reduce((m, c) => Math.max(m, c.strength), 0);
    if (strength > 0) strengths.set(s.index, strength);
  }
  const evidence = { titleStrength, sentenceStrengths: [...strengths.values()] };
  if (!isBreachArticle(evidence)) return [];
  const articleScore = scoreBreachArticle(evidence);

  const readings = new Map<number, SentenceReading>();
  const read = (index: number, t: string, strength: number) => {
    const types = findDataTypes(t);
    readings.set(index, {
      text: t,
      strength,
      dates: findDateMentions(t, publishedAt),
      counts: findAffectedCounts(t),
      leaked: types.leaked,
      notLeaked: types.notLeaked,
    });
  };
  if (title && titleStrength > 0) read(TITLE_INDEX, title, titleStrength);
  for (const [index, strength] of strengths) read(index, sentences[index].text, strength);
  readContextSentences(sentences, strengths, readings, read);

  const victims = findVictims(title, sentences, strengths, text);
  const victimOf = (index: number, t: string): string | null => {
    const named = victims.filter((v) => v.sentenceIndexes.includes(index));
    if (named.length) return named[0].key;
    return victims.find((v) => t.includes(v.name))?.key ?? null;
  };

  const facts: SentenceFacts[] = [...readings.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, r]) => ({
      index,
      date: r.dates.find((d) => d.role === 'event') ?? null,
      victimKey: victimOf(index, r.text),
      isRecall: isRecallSentence(r.text) || (index > 0 && isRecallSentence(sentences[index - 1].text)),
    }));
  // The main incident's victim is the one the headline names, else the best supported.
  const mainVictim = victims.find((v) => v.sentenceIndexes.includes(TITLE_INDEX)) ?? victims[0];
  const segments = segmentIncidents(facts, mainVictim?.key ?? null);
  const incidents = segments.map((seg) => buildIncident(seg, readings, victims, publishedAt, articleScore));
  // Further victims named alongside another in one sentence ("forums hacked include Clash of
  // Kings forum with 1.6 million records stolen, Epic Games forum with 800,000 accounts").
  for (const v of victims) {
    if (segments.some((seg) => seg.victimKey === v.key)) continue;
    const own = v.sentenceIndexes.filter((i) => readings.has(i));
    if (!own.length) continue;
    const seg: Segment = { date: null, victimKey: v.key, sentences: own, isMain: false };
    const incident = buildIncident(seg, readings, victims, publishedAt, articleScore);
    incident.affectedCount = countAfterName(own.map((i) => readings.get(i)!), v.name);
    incidents.push(incident);
  }
  return incidents;
}

// Sentences next to a breach sentence often list what was taken ("The data included names
// and addresses.") or deny it ("Passwords are safe."): read those too, without their dates.
const LISTING = /\b(?:includ(?:ed|ing|es|e)|such as|contain(?:ed|s|ing)?|consist(?:ed|s)? of|compris(?:ed|es|ing)|as well as|held|holds|among)\b/i;

function readContextSentences(
  sentences: Sentence[],
  strengths: Map<number, number>,
  readings: Map<number, SentenceReading>,
  read: (index: number, text: string, strength: number) => void,
): void {
  for (const s of sentences) {
    if (strengths.has(s.index)) continue;
    // A list of fields may run over the two sentences after the report.
    // A list may continue two sentences after the report: "... were also among the files".
    const isNear = strengths.has(s.index - 1) || strengths.has(s.index + 1) || (strengths.has(s.index - 2) && /\balso\b/i.test(s.text));
    const types = findDataTypes(s.text);
    if (types.notLeaked.length || (isNear && LISTING.test(s.text) && types.leaked.length)) {
      read(s.index, s.text, 0);
      const r = readings.get(s.index)!;
      r.dates = [];
      if (!isNear) r.leaked = [];
    }
  }
}

function findVictims(title: string | null, sentences: Sentence[], strengths: Map<number, number>, text: string): VictimCandidate[] {
  const indexes = [...strengths.keys()];
  const tagged = tagTexts([title ?? '', ...indexes.map((i) => sentences[i].text)]);
  const termTags = new Map<number, TermTag[]>([[TITLE_INDEX, tagged[0]]]);
  indexes.forEach((i, k) => termTags.set(i, tagged[k + 1]));
  const lowercaseWords = collectLowercaseWords(text);
  const personTokens = new Set<string>();
  for (const terms of tagged) {
    for (let k = 0; k + 1 < terms.length; k++) {
      if (terms[k].tags.has('FirstName') && terms[k + 1].tags.has('Person')) personTokens.add(terms[k + 1].text.toLowerCase());
    }
  }
  return findVictimOrganizations({ title, sentences, breachSentences: strengths, termTags, lowercaseWords, personTokens, body: text });
}

// Words the text writes in lowercase as plain words, not inside domains or handles
// ("my.cellebrite domain" does not make "Cellebrite" a common word).
function collectLowercaseWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of text.split(/\s+/)) {
    const m = /^["“‘'(]*([a-z][a-z'’-]*)[,;:.!?)"”’]*$/.exec(token);
    if (m) words.add(m[1]).add(m[1].replace(/['’]s?$/, ''));
  }
  return words;
}

function buildIncident(
  seg: Segment,
  readings: Map<number, SentenceReading>,
  victims: VictimCandidate[],
  publishedAt: string | null,
  articleScore: number,
): Incident {
  const rs = seg.sentences.map((i) => readings.get(i)!);
  const victim = victims.find((v) => v.key === seg.victimKey) ?? null;

  // A field one sentence reports as leaked stays leaked even if another denies it
  // ("names were exposed" ... "no names were taken from the backup"): the report is the
  // stronger evidence, and notLeaked lists only fields never reported as leaked.
  const dataTypes: Incident['dataTypes'] = [];
  for (const m of rs.flatMap((r) => r.leaked)) {
    if (!dataTypes.some((d) => d.type === m.type)) dataTypes.push({ type: m.type, text: m.text });
  }
  const notLeaked = unique(rs.flatMap((r) => r.notLeaked.map((m) => m.type))).filter((t) => !dataTypes.some((d) => d.type === t));

  const counts = rs.flatMap((r) => r.counts);
  const count = preferPreciseCount(counts.find((c) => c.isAffected) ?? counts[0] ?? null, counts);
  const disclosure = rs.flatMap((r) => r.dates).find((d) => d.role === 'disclosure' && d.precision === 'day');

  return {
    organization: victim ? { name: victim.name, key: victim.key, evidence: victim.evidence } : null,
    breachDate: seg.date ? { value: seg.date.value, precision: seg.date.precision, text: seg.date.text } : null,
    disclosedAt: disclosure?.value ?? publishedAt,
    dataTypes,
    notLeaked: notLeaked as DataType[],
    affectedCount: count ? { value: count.value, unit: count.unit, qualifier: count.qualifier, text: count.text } : null,
    confidence: scoreConfidence({
      cueStrength: rs.reduce((s, r) => s + r.strength, 0),
      articleScore,
      hasOrganization: victim !== null,
      hasCount: count !== null,
      hasDate: seg.date !== null,
      dataTypeCount: dataTypes.length,
      isMain: seg.isMain,
    }),
  };
}

// "126 million" in the lead and "126,761,168" later are one figure: keep the exact one.
function preferPreciseCount(chosen: CountMention | null, counts: CountMention[]): CountMention | null {
  if (!chosen) return null;
  const digits = (c: CountMention) => String(c.value).replace(/0+$/, '').length;
  return counts
    .filter((c) => Math.abs(c.value - chosen.value) <= 0.015 * chosen.value)
    .reduce((best, c) => (digits(c) > digits(best) ? c : best), chosen);
}

// The count that follows a victim's name in its sentence, before any other name.
function countAfterName(rs: SentenceReading[], name: string): Incident['affectedCount'] {
  for (const r of rs) {
    const at = r.text.indexOf(name);
    if (at < 0) continue;
    const c = r.counts.find((x) => x.index > at && x.index - at < 80);
    if (c) return { value: c.value, unit: c.unit, qualifier: c.qualifier, text: c.text };
  }
  return null;
}

function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (m) return m[1];
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
