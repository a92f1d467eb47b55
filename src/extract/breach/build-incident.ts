// Turning segments into Incident records: one incident per segment, with its victim, the
// union of its sentences' fields, its best count and dates; then one incident for each
// further victim named alongside another ("forums hacked include Clash of Kings forum with
// 1.6 million records stolen, Epic Games forum with 800,000 accounts").

import type { DataType, Incident } from '../../types';
import type { CountMention } from './affected-counts';
import { scoreConfidence } from './confidence';
import type { Segment } from './incident-segments';
import type { SentenceReading } from './sentence-readings';
import type { VictimCandidate } from './victim-organizations';

export interface IncidentInputs {
  segments: Segment[];
  readings: Map<number, SentenceReading>;
  victims: VictimCandidate[];
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  /** The article's breach score, for confidence. */
  articleScore: number;
}

/** Incidents of an article, main first. */
export function buildIncidents(x: IncidentInputs): Incident[] {
  const incidents = x.segments.map((seg) => buildIncident(seg, x));
  for (const v of x.victims) {
    if (x.segments.some((seg) => seg.victimKey === v.key)) continue;
    const own = v.sentenceIndexes.filter((i) => x.readings.has(i));
    if (!own.length) continue;
    const incident = buildIncident({ date: null, victimKey: v.key, sentences: own, isMain: false }, x);
    incident.affectedCount = countAfterName(own.map((i) => x.readings.get(i)!), v.name, x.victims.map((o) => o.name));
    incidents.push(incident);
  }
  return incidents;
}

function buildIncident(seg: Segment, x: IncidentInputs): Incident {
  const rs = seg.sentences.map((i) => x.readings.get(i)!);
  const victim = x.victims.find((v) => v.key === seg.victimKey) ?? null;

  // A field one sentence reports as leaked stays leaked even if another denies it
  // ("names were exposed" ... "no names were taken from the backup"): the report is the
  // stronger evidence, and notLeaked lists only fields never reported as leaked.
  const dataTypes: Incident['dataTypes'] = [];
  for (const r of rs) {
    for (const m of r.leaked) if (!dataTypes.some((d) => d.type === m.type)) dataTypes.push({ type: m.type, text: m.text, sentence: r.text });
  }
  const notLeaked: DataType[] = [...new Set(rs.flatMap((r) => r.notLeaked.map((m) => m.type)))].filter(
    (t) => !dataTypes.some((d) => d.type === t),
  );

  const counts = rs.flatMap((r) => r.counts);
  // A rounded figure ("3.3 million fans") is refined by the exact one anywhere in the article.
  const articleCounts = [...x.readings.values()].flatMap((r) => r.counts);
  // In a list of victims with their counts, a victim's count is the one after its name.
  // The main victim takes it only as an item of such a list ("IBM with 33,412").
  const afterName = victim ? countMentionAfterName(rs, victim.name, x.victims.map((v) => v.name)) : null;
  const own = afterName && (!seg.isMain || isListedWith(rs, victim!.name, afterName)) ? afterName : null;
  // A count in a sentence that names the victim before one in a sentence that does not.
  const named = victim ? seg.sentences.filter((i) => victim.sentenceIndexes.includes(i)).flatMap((i) => x.readings.get(i)!.counts) : [];
  const count = preferExactCount(own ?? named.find((c) => c.isAffected) ?? counts.find((c) => c.isAffected) ?? counts[0] ?? null, articleCounts);
  const announced = rs.flatMap((r) => r.dates).find((d) => d.role === 'disclosure' && d.precision === 'day');
  // The whole sentence a value was read from, for people checking it (the article is not stored).
  const sentenceOf = (has: (r: SentenceReading) => boolean) => [...x.readings.values()].find(has)?.text;
  const dateSentence = seg.date && sentenceOf((r) => r.dates.includes(seg.date!));
  const countSentence = count && sentenceOf((r) => r.counts.includes(count));

  return {
    organization: victim ? { name: victim.name, key: victim.key, evidence: victim.evidence } : null,
    breachDate: seg.date ? { value: seg.date.value, precision: seg.date.precision, text: seg.date.text, ...(dateSentence ? { sentence: dateSentence } : {}) } : null,
    disclosedAt: announced?.value ?? x.publishedAt,
    dataTypes,
    notLeaked,
    affectedCount: count ? {
      value: count.value, unit: count.unit, qualifier: count.qualifier, text: count.text, ...(countSentence ? { sentence: countSentence } : {}),
    } : null,
    confidence: scoreConfidence({
      cueStrength: rs.reduce((s, r) => s + r.strength, 0),
      articleScore: x.articleScore,
      hasOrganization: victim !== null,
      hasCount: count !== null,
      hasDate: seg.date !== null,
      dataTypeCount: dataTypes.length,
      isMain: seg.isMain,
    }),
  };
}

// "126 million" in the lead and "126,761,168" later are one figure: keep the exact one.
function preferExactCount(chosen: CountMention | null, counts: CountMention[]): CountMention | null {
  if (!chosen) return null;
  const digits = (c: CountMention) => String(c.value).replace(/0+$/, '').length;
  return counts
    .filter((c) => Math.abs(c.value - chosen.value) <= 0.015 * chosen.value)
    .reduce((best, c) => (digits(c) > digits(best) ? c : best), chosen);
}

// The count that follows a victim's name in its sentence, before any other name.
function countAfterName(rs: SentenceReading[], name: string, names: string[]): Incident['affectedCount'] {
  const c = countMentionAfterName(rs, name, names);
  const sentence = c && rs.find((r) => r.counts.includes(c))?.text;
  return c ? { value: c.value, unit: c.unit, qualifier: c.qualifier, text: c.text, ...(sentence ? { sentence } : {}) } : null;
}

// "IBM with 33,412": the count is the name's item in a list.
function isListedWith(rs: SentenceReading[], name: string, c: CountMention): boolean {
  return rs.some((r) => {
    const at = r.text.indexOf(name);
    return at >= 0 && r.counts.includes(c) && /^,?\s+with\s+(?:[\w-]+\s+)?$/i.test(r.text.slice(at + name.length, c.index));
  });
}

function countMentionAfterName(rs: SentenceReading[], name: string, names: string[]): CountMention | null {
  const others = names.filter((n) => n !== name && !name.includes(n));
  for (const r of rs) {
    const at = r.text.indexOf(name);
    if (at < 0) continue;
    const c = r.counts.find((m) => m.index > at && m.index - at < 80);
    if (c && !others.some((n) => r.text.slice(at + name.length, c.index).includes(n))) return c;
  }
  return null;
}
