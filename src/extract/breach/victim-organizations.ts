// Which named organizations are the victims of the breach: names that play a victim's role
// in a breach sentence ("OnePlus has suffered a data breach", "hackers breached the Catalan
// Police Union server", "538 million Weibo users", "the breach at Target"), as opposed to
// the security firm that found it, the outlet that reported it, a regulator, or a person.

import type { Sentence } from './sentences';
import { findDescribedNames } from './described-names';
import { findNameMentions, type NameMention } from './name-mentions';
import { organizationKey } from './organization-key';
import { isCommonNoun, termsIn, type TermTag } from './term-tags';
import { isBreachedAfter, scoreVictimRole, shareListRoles } from './victim-roles';
import { escapeRegExp, HASH_NAMES, NATIONALITIES, ORGANIZATION_WORDS, termAlternation, termPattern } from './vocabulary';

export interface VictimCandidate {
  name: string;
  key: string;
  score: number;
  /** Index of the sentence with the strongest victim evidence (-1: the title). */
  sentenceIndex: number;
  evidence: string;
  /** Sentences (by index) that mention the organization in a victim role. */
  sentenceIndexes: number[];
}

export interface VictimContext {
  title: string | null;
  sentences: Sentence[];
  /** Indexes of sentences that report a breach, with their cue strength (1 weak, 2 explicit). */
  breachSentences: Map<number, number>;
  /** compromise term tags per sentence index (-1: the title). */
  termTags: Map<number, TermTag[]>;
  /** Words that appear in lowercase in the body, for title-case headlines. */
  lowercaseWords: Set<string>;
  /** Single words of person names compromise found ("Hunt" after "Troy Hunt"), lowercased. */
  personTokens: Set<string>;
  /** The article body, to check that a headline name recurs in it. */
  body: string;
}

// Names that often appear inside breach sentences but are never organizations (technologies
// are a prior in victim-roles.ts, not a veto).
const NOT_ORGANIZATION = /^(?:[A-Z]\.?|[A-Z][a-z]+(?:day|ber)|Dark Web|Internet|Web|The Dark|Deep Web|PDF|PII|PHI|SSN|SSNs|IP|CVE-[\d-]+|GB|TB|MB|COVID-19|U\.?S\.?|UK|EU|US|USA)$|\b(?:Ransomware|Malware|Trojan|Botnet|Worm|Virus|Backdoor|Rootkit|Spyware|Exploit)$/;
const BREACH_NAMED_AFTER = /^(?:['’]s)?\s+(?:(?:data|security|database|customer|user)\s+)?(?:breach|hack|leak)(?:es|s)?\b/i;
// A name made an adjective ("Magento-based shops", "Russia-linked hackers") describes
// something else.
const NAME_AS_MODIFIER = /-(?:based|powered|run|owned|backed|linked|affiliated|sponsored|compatible|style|like|focused|themed|branded|hosted|made|built|related|specific|friendly|enabled)$/i;
// A lone generic word or corporate suffix is no one's name ("the Agency said", "Inc.").
const GENERIC_ALONE = /^(?:Agency|Department|Ministry|Government|Company|Group|Police|Council|University|Hospital|Bank|Society|Foundation|Office|Bureau|Committee|Authority|Commission|Inc|Ltd|LLC|Corp|Co|PLC|Limited|Holdings|Corporation)\.?$/;
// Nationalities are adjectives, not organizations ("Italian politicians", "Turkish hackers").
const DEMONYM = termPattern(NATIONALITIES.flatMap((n) => [n, `${n}s`]));
const HASH = new RegExp(`^(?:${termAlternation(HASH_NAMES)}|MD\\d|SHA-?\\d+)$`, 'i');

/** A name mention; a described one ("the online platform 1win") keeps where its descriptor starts. */
type Mention = NameMention & { descriptorStart?: number };

/** Victim organizations of an article, best first. */
export function findVictimOrganizations(ctx: VictimContext): VictimCandidate[] {
  const tally: Tally = new Map();
  const aliases = new Map<string, string>();
  if (ctx.title) visitText(ctx, tally, ctx.title, -1, 1.5, aliases);
  // A name in a sentence that only suggests a breach ("a series of breaches at firms
  // including LinkedIn") needs more support than one in an explicit report.
  for (const [idx, strength] of ctx.breachSentences) visitText(ctx, tally, ctx.sentences[idx].text, idx, strength >= 2 ? 1 : 0.6, aliases);
  return mergeAliases(tally, ctx, aliases);
}

function visitText(ctx: VictimContext, tally: Tally, text: string, index: number, weight: number, aliases: Map<string, string>): void {
  const isTitle = index < 0;
  const terms = ctx.termTags.get(index) ?? [];
  // Headlines are often in title case: a capitalised word that the body uses in lowercase
  // is a common word there, and so is the first word of a sentence.
  // So is a sentence's first word that English knows as a common noun ("Employee data was ...").
  const isCommon = (w: string, at: number) =>
    (isTitle || at === 0) && (ctx.lowercaseWords.has(w.toLowerCase()) || (at === 0 && isCommonNoun(w))) && !isSpelledAsBrand(w) && !ORGANIZATION_WORD.test(w);
  // In a headline, a run the body repeats verbatim is a name as a whole.
  const isKnownName = (run: string) => isTitle && recursInBody(ctx.body, run);
  // A descriptor's own words describe the name after it ("the Taiwanese Android forum APKTW").
  const described = findDescribedNames(text);
  const mentions: Mention[] = [
    ...joinLegalNames(text, findNameMentions(text, isCommon, isKnownName)).filter((m) => !described.some((d) => m.start < d.end && m.end > d.descriptorStart)),
    ...described.map((d) => ({ name: d.name, start: d.start, end: d.end, descriptorStart: d.descriptorStart })),
  ].sort((a, b) => a.start - b.start);
  for (let k = 0; k + 1 < mentions.length; k++) {
    if (/^\s*\($/.test(text.slice(mentions[k].end, mentions[k + 1].start)) && text[mentions[k + 1].end] === ')') {
      aliases.set(organizationKey(mentions[k + 1].name), organizationKey(mentions[k].name));
    }
  }
  const scored = mentions.map((m) => ({ m, s: roleOf(ctx, terms, text, m, isTitle) }));
  shareListRoles(text, scored);
  for (const { m, s: role } of scored) {
    if (role === null) continue;
    const lower = m.name.toLowerCase();
    const tags = termsIn(terms, m.start, m.end);
    // A descriptor has said what the name is.
    const isPerson = m.descriptorStart === undefined && tags.length > 0 && tags.every((t) => t.tags.has('Person')) && !ORGANIZATION_WORD.test(m.name);
    // compromise tags a name "Place" after words like "site"; a country, city or region is a place.
    const isPlace = tags.length > 0 && tags.every((t) => t.tags.has('Place')) && tags.some((t) => t.tags.has('Country') || t.tags.has('City') || t.tags.has('Region'));
    if (isPlace && m.descriptorStart === undefined && !ORGANIZATION_WORD.test(m.name)) continue;
    let s = role;
    // A person's name ("Ashley Madison") needs more than one victim pattern.
    // A name naming a breach ("the 2015 Ashley Madison breach") is the victim's whatever
    // it looks like.
    const namesBreach = BREACH_NAMED_AFTER.test(text.slice(m.end, m.end + 40));
    if ((isPerson || (m.descriptorStart === undefined && ctx.personTokens.has(lower))) && !namesBreach) s = s >= 3 ? 2 : -3;
    s *= weight;
    const key = organizationKey(m.name);
    if (!key || key.length < 2) continue;
    const t = tally.get(key) ?? { names: new Map(), score: 0, best: -Infinity, bestIndex: index, indexes: new Set<number>() };
    t.names.set(m.name, (t.names.get(m.name) ?? 0) + 1);
    t.score += s;
    if (s > 0) t.indexes.add(index);
    if (s > t.best) { t.best = s; t.bestIndex = index; }
    tally.set(key, t);
  }
}

// "Aditya Birla Fashion and Retail Ltd": a name ending in a legal form takes the name
// joined to it by "and".
function joinLegalNames(text: string, mentions: NameMention[]): NameMention[] {
  const out: NameMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && /^\s+and\s+$/.test(text.slice(prev.end, m.start)) && LEGAL_FORM_END.test(m.name)) {
      out[out.length - 1] = { name: text.slice(prev.start, m.end), start: prev.start, end: m.end };
    } else out.push(m);
  }
  return out;
}

const LEGAL_FORM_END = /\s(?:Ltd|Limited|Inc|LLC|LLP|plc|PLC|Corp|Corporation|Co|GmbH|AG|SA)\.?$/;

// The victim role of a mention, null when it is no name. A described name is read both
// from its descriptor ("data from [the ticketing service] Central Tickets") and with it
// ("[the security firm] UpGuard" is a finder's).
function roleOf(ctx: VictimContext, terms: TermTag[], text: string, m: Mention, isTitle: boolean): number | null {
  if (m.descriptorStart === undefined) return isNameLike(ctx, terms, m, isTitle) ? scoreVictimRole(text, m.start, m.end, m.name) : null;
  if (HASH.test(m.name) || NOT_ORGANIZATION.test(m.name) || GENERIC_ALONE.test(m.name)) return null;
  const withDescriptor = scoreVictimRole(text, m.start, m.end, m.name);
  const fromDescriptor = scoreVictimRole(text, m.descriptorStart, m.end, m.name);
  // "the research company Capital Economics suffered a breach": being breached outweighs
  // a descriptor that usually names a finder.
  if (withDescriptor < 0 && !isBreachedAfter(text.slice(m.end, m.end + 120))) return withDescriptor;
  return Math.max(withDescriptor, fromDescriptor);
}

// Reject spans compromise reads as something other than a name: verbs, adverbs and
// adjectives capitalised in headlines, pronouns, values ("4GB"), demonyms ("Chinese").
function isNameLike(ctx: VictimContext, terms: TermTag[], m: NameMention, isTitle: boolean): boolean {
  if (NOT_ORGANIZATION.test(m.name) || HASH.test(m.name) || NAME_AS_MODIFIER.test(m.name) || DATA_WORD.test(m.name) || GENERIC_ALONE.test(m.name) || DEMONYM.test(m.name)) return false;
  const tags = termsIn(terms, m.start, m.end);
  if (tags.some((t) => t.tags.has('Pronoun'))) return false;
  if (tags.length === 1 && (tags[0].tags.has('Demonym') || tags[0].tags.has('Value'))) return false;
  const isWordish = (t: TermTag) =>
    ['Adverb', 'Verb', 'Adjective', 'Preposition', 'Conjunction', 'Determiner', 'Date', 'Month', 'WeekDay', 'Value'].some((x) => t.tags.has(x)) &&
    !t.tags.has('Organization') && !t.tags.has('Acronym');
  // Several capitalised words inside a sentence are a name whatever their tags ("Sports
  // Direct"); a single word, or a headline or sentence-initial run, must look like one.
  const isInside = /\s/.test(m.name) && !isTitle && m.start > 0;
  // A headline's run of words that the body repeats capitalised is a name ("Sports Direct").
  if (isTitle && /\s/.test(m.name) && recursInBody(ctx.body, m.name)) return true;
  if (!isInside && tags.length && tags.every(isWordish)) return false;
  if (isTitle && !recursInBody(ctx.body, m.name)) return false;
  // A lone capitalised word the article also uses in lowercase is an ordinary word
  // ("Legacy systems", "Services"), unless it is spelled like a brand ("eBay", "3M").
  if (!/\s/.test(m.name) && !isSpelledAsBrand(m.name) && ctx.lowercaseWords.has(m.name.toLowerCase())) return false;
  return true;
}

// "eBay", "CloudPets", "3M", "NHS": a capital inside the word or a digit marks a brand.
function isSpelledAsBrand(word: string): boolean {
  return /[a-z][A-Z]|[A-Z]{2}|\d/.test(word);
}

// A headline name must also appear in the body, capitalised as a name ("SPORTS Direct" in a
// body that shouts names counts for "Sports Direct").
function recursInBody(body: string, name: string): boolean {
  for (const m of body.matchAll(new RegExp(`\\b${escapeRegExp(name)}\\b`, 'gi'))) {
    if (m[0] === name || m[0].split(/\s+/).every((w) => /^[^a-z]/.test(w))) return true;
  }
  return false;
}

// "Pinecrest Payroll Services" for "Pinecrest": the same words and more, ending in a word
// that ends organization names; "Tesla’s Kubernetes" or "Apple IDs" are not.
function isFullerName(candidate: string, name: string): boolean {
  if (candidate.length <= name.length || !candidate.startsWith(name + ' ')) return false;
  const added = candidate.slice(name.length + 1);
  return !/['’]/.test(added) && NAME_ENDING.test(added);
}

const NAME_ENDING = new RegExp(`\\b(?:${termAlternation(ORGANIZATION_WORDS)})$`);

// A word that makes a name an organization's, whatever compromise says of the rest
// ("Queen Mary Hospital", "Ashley Madison" is not covered and stays a person's name).
const ORGANIZATION_WORD = new RegExp(`\\b(?:${termAlternation(ORGANIZATION_WORDS)})\\b`);

// Names made only of data words: "CVV2", "W-2", "IDs", "SSNs", "Facebook IDs".
const DATA_WORD = /\sIDs?$|^(?:cvv2?|cvc|w-?2s?|ids?|ssns?|pii|phi|pins?|dob|imei|ip|otp|2fa|mfa|gb|tb|mb|\d+\s*(?:gb|tb|mb|kb|k|m))$/i;

type Tally = Map<string, { names: Map<string, number>; score: number; best: number; bestIndex: number; indexes: Set<number> }>;

function mergeAliases(tally: Tally, ctx: VictimContext, aliases: Map<string, string>): VictimCandidate[] {
  const entries = [...tally.entries()].sort((a, b) => b[1].score - a[1].score);
  const groups: { keys: string[]; tokens: string[][]; entry: Tally extends Map<string, infer V> ? V : never }[] = [];
  for (const [key, t] of entries) {
    const tokens = key.split('-');
    const g = groups.find((x) => x.tokens.some((o) => isAlias(o, tokens)) || x.keys.some((k) => aliases.get(k) === key || aliases.get(key) === k));
    if (!g) {
      groups.push({ keys: [key], tokens: [tokens], entry: { ...t, names: new Map(t.names), indexes: new Set(t.indexes) } });
      continue;
    }
    g.keys.push(key);
    g.tokens.push(tokens);
    g.entry.score += t.score;
    for (const [n, c] of t.names) g.entry.names.set(n, (g.entry.names.get(n) ?? 0) + c);
    for (const i of t.indexes) g.entry.indexes.add(i);
    if (t.best > g.entry.best) { g.entry.best = t.best; g.entry.bestIndex = t.bestIndex; }
  }
  return groups
    .map((g) => {
      // The headline's spelling is the name readers know ("ABTA", not "Association of
      // British Travel Agents"); otherwise the most frequent, then the first named. A fuller
      // form that contains it word for word is the full name ("Pinecrest" → "Pinecrest
      // Payroll Services").
      const inTitle = (n: string) => (ctx.title?.includes(n) ? 1 : 0);
      const names = [...g.entry.names.keys()];
      const firstAt = (n: string) => (ctx.body.includes(n) ? ctx.body.indexOf(n) : Infinity);
      // A possessor's name before it ("India's Aadhaar") is not part of it.
      const possessed = (n: string) => (/['’]s\s/.test(n) ? 1 : 0);
      const common = [...g.entry.names.entries()].sort(
        (a, b) => inTitle(b[0]) - inTitle(a[0]) || b[1] - a[1] || possessed(a[0]) - possessed(b[0]) || firstAt(a[0]) - firstAt(b[0]) || a[0].length - b[0].length,
      )[0][0];
      const name = names.filter((n) => isFullerName(n, common)).sort((a, b) => b.length - a.length)[0] ?? common;
      const idx = g.entry.bestIndex;
      return {
        name,
        key: organizationKey(name),
        score: g.entry.score,
        best: g.entry.best,
        sentenceIndex: idx,
        evidence: idx < 0 ? (ctx.title ?? '') : ctx.sentences[idx].text,
        sentenceIndexes: [...g.entry.indexes].sort((a, b) => a - b),
      };
    })
    .filter((c) => c.best >= 3 || c.score >= 4)
    .sort((a, b) => b.score - a.score)
    .map(({ best: _best, ...c }) => c);
}

function isAlias(a: string[], b: string[]): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((t, j) => long[i + j] === t)) return true;
  }
  // An acronym of the longer name: "NHS" for "National Health Service".
  if (short.length !== 1 || long.length < 2) return false;
  const content = long.filter((t) => !/^(?:of|and|the|for|de|du|la|le)$/.test(t));
  return short[0] === long.map((t) => t[0]).join('') || short[0] === content.map((t) => t[0]).join('');
}
