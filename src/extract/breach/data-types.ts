// Leaked data types of a sentence: phrases of the lexicon, minus those the sentence says
// were not leaked ("payment information, passwords, and accounts are safe"; "no credit card
// numbers were taken") and those that are advice rather than report ("use a strong password").

import type { DataType } from '../../types';
import { DATA_TYPE_LEXICON } from './data-type-lexicon';

export interface DataMention {
  type: DataType;
  /** Verbatim phrase. */
  text: string;
  /** Offset in the sentence. */
  index: number;
}

export interface SentenceDataTypes {
  leaked: DataMention[];
  notLeaked: DataMention[];
}

interface PhraseMatch {
  start: number;
  end: number;
  text: string;
  types: DataType[];
}

/** Lexicon phrases of a sentence, leftmost-longest, without overlaps. */
export function matchDataPhrases(sentence: string): PhraseMatch[] {
  const all: PhraseMatch[] = [];
  for (const { pattern, types, typesOf } of DATA_TYPE_LEXICON) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      if (!m[0]) { pattern.lastIndex++; continue; }
      const lead = m[0].length - m[0].trimStart().length;
      all.push({ start: m.index + lead, end: m.index + m[0].length, text: m[0].trim(), types: typesOf ? typesOf(m[0]) : types });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch[] = [];
  for (const m of all) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept.filter((m) => m.types.length > 0 && !isInsideName(sentence, m));
}

// "Pinecrest Payroll Services": a capitalised phrase next to another capitalised word is
// part of a name, not a data field (unlike "Social Security numbers").
function isInsideName(sentence: string, m: PhraseMatch): boolean {
  if (!/^(?:[A-Z][\w'’-]*\s*)+$/.test(m.text)) return false;
  const before = sentence.slice(0, m.start);
  const capitalisedBefore = /[A-Z][\w'’.&-]*\s+$/.test(before) && !/(?:^|[.!?:]\s*)[A-Z][\w'’-]*\s+$/.test(before);
  const capitalisedAfter = /^\s+[A-Z]/.test(sentence.slice(m.end));
  return capitalisedBefore || capitalisedAfter;
}

// "X, Y and Z are safe", "X was not accessed": the clause before the cue is not leaked.
const NEGATION_AFTER =
  /\b(?:(?:are|were|was|is|remain(?:s|ed)?|stay(?:s|ed)?)(?: still)? (?:safe|secure|unaffected|intact|protected|encrypted and safe)|(?:are|were|was|is|have|has|had)(?: not|n['’]t| never)(?: been)? (?:affected|compromised|accessed|exposed|stolen|involved|impacted|included|leaked|taken|breached|obtained|viewed|acquired|at risk|part of|stored)|(?:is|are|was|were) not believed to have been|(?:did|do|does) not appear to have been)\b/i;
// "no X were taken", "did not include X", "neither X nor Y": the phrase after the cue.
const NEGATION_BEFORE =
  /\b(?:no|nor(?: (?:were|was|are|is|did|have|has|had|do|does))?|neither|not including|excluding|except(?: for)?|other than|but not|none of (?:the|their|its)|(?:did|does|do|would|will)(?: not|n['’]t) (?:include|contain|involve|expose|affect|store|hold|have|keep|compromise|access|collect)|(?:was|were|is|are) not (?:exposed|included|stored|compromised|accessed|affected|taken|stolen)|without)\b/gi;
// Advice and hypotheticals about a field ("change your password", "use the same password"),
// and remedies ("locked the account").
const ADVICE_BEFORE =
  /\b(?:to (?:steal|access|obtain|gain|harvest|capture|collect|phish|grab|get)|change|changed|changing|reset|resetting|update|updating|use|used|using|reuse|reusing|re-use|protect|protecting|secure|securing|monitor|monitoring|check|checking|enter|entering|request(?:ed|s|ing)?|provide|providing|verify|verifying|never share|send|sends|sent|sending|lock(?:ed|ing|s)?|disabl(?:e|ed|es|ing)|suspend(?:ed|ing|s)?|clos(?:e|ed|es|ing)|fr(?:oze|ozen|eeze|eezing)|deactivat(?:e|ed|es|ing)|shut down|receive|receives|received|receiving|via|through|by|ask(?:ed|s|ing)?(?: \w+)? for)\s+(?:[\w'’-]+\s+){0,2}$/i;

const QUESTION_BEFORE = /\b(?:if|whether)\s+(?:(?:any|their|his|her|its|your|the|some|of|customers?['’]?|users?['’]?)\s+){0,3}$/i;

// "a strong password", "a unique password": advice when said of a secret; "unique email
// addresses" is a count of leaked ones.
const SECRET_ADVICE_BEFORE = /\b(?:same|strong|stronger|unique|new|different)\s+(?:[\w'’-]+\s+)?$/i;
const isSecret = (p: PhraseMatch) => p.types.includes('password') || p.types.includes('account');

// The means of access is not leaked data: "access to an employee’s email account", "logged
// into a staff member’s mailbox", "the compromised credentials of an employee". A staff
// owner before or after the phrase marks it.
const STAFF = String.raw`(?:employee|staff(?:er)?(?: member)?|worker|administrator|admin|executive|clerk|contractor|agent|physician|doctor|nurse|teacher|manager|officer)`;
const STAFF_OWNER_BEFORE = new RegExp(String.raw`\b(?:an?|one|two|three|several|some|the|its|their|of)\s+(?:[\w-]+\s+)?${STAFF}s?['’]s?\s+(?:[\w-]+\s+)?$`, 'i');
const STAFF_OWNER_AFTER = new RegExp(String.raw`^\s+(?:of|belonging to|used by|held by)\s+(?:an?|one|two|three|several|some|the|its|their)\s+(?:[\w-]+\s+)?${STAFF}s?\b`, 'i');
const STAFF_PHRASE = new RegExp(String.raw`^${STAFF}s?['’]?\s`, 'i');
const ACCESS_MEANS_TYPES: DataType[] = ['account', 'username', 'password'];
// "messages and attachments with members’ names": a container listing its contents yields
// the contents, not the container.
const CONTAINER = /(?:messages|e-?mails|mails|correspondence|files|documents|attachments|spreadsheets|folders|inbox(?:es)?|mailbox(?:es)?|archives?|backups?|recordings|images|scans|forms)$/i;
const CONTENTS_AFTER =
  /^\s*(?:(?:and|or|&)\s+(?:[\w-]+\s+){0,2}?)?(?:with|containing|contained|that (?:contain(?:ed)?|include[ds]?|held|hold|list(?:ed)?)|which (?:contain(?:ed)?|include[ds]?|held|list(?:ed)?)|holding|including|listing)\b/i;
// "the usernames and hashed passwords of 310,000 accounts": the counted accounts own the
// fields before them; they are not a further field.
const COUNTED_OWNER_BEFORE = /\b(?:of|from|belonging to|for|in)\s+(?:(?:about|some|nearly|more than|over|up to|almost|roughly|around|approximately|at least)\s+)?\d[\d,.]*(?:\s*(?:million|billion|thousand|m|bn|k))?\s+$/i;

function isDroppedPhrase(sentence: string, p: PhraseMatch, phrases: PhraseMatch[]): boolean {
  const before = sentence.slice(Math.max(0, p.start - 60), p.start);
  const after = sentence.slice(p.end);
  if (p.types.some((t) => ACCESS_MEANS_TYPES.includes(t)) && p.types.every((t) => ACCESS_MEANS_TYPES.includes(t))) {
    if (STAFF_OWNER_BEFORE.test(before) || STAFF_OWNER_AFTER.test(after) || STAFF_PHRASE.test(p.text)) return true;
  }
  const later = phrases.filter((q) => q.start >= p.end && q.start - p.end < 100 && q.types.length > 0);
  if (CONTAINER.test(p.text) && later.length && CONTENTS_AFTER.test(after)) return true;
  const earlier = phrases.some((q) => q.end <= p.start && q.types.length > 0 && !q.types.includes('account'));
  return p.types.length === 1 && p.types[0] === 'account' && earlier && COUNTED_OWNER_BEFORE.test(before);
}

/** Data types a sentence reports as leaked, and those it says were not. */
export function findDataTypes(sentence: string): SentenceDataTypes {
  const all = matchDataPhrases(sentence);
  const phrases = all.filter((p) => !isDroppedPhrase(sentence, p, all));
  const negated = negatedRanges(sentence);
  const leaked: DataMention[] = [];
  const notLeaked: DataMention[] = [];
  for (const p of phrases) {
    const isNegated = negated.some(([a, b]) => p.start >= a && p.end <= b);
    const before = sentence.slice(Math.max(0, p.start - 40), p.start);
    if (!isNegated && (ADVICE_BEFORE.test(before) || (isSecret(p) && SECRET_ADVICE_BEFORE.test(before)))) continue;
    // "to find out if their credentials were compromised", "unclear whether card data was
    // taken": a field in an open question is neither leaked nor denied.
    if (QUESTION_BEFORE.test(before)) continue;
    for (const type of p.types) (isNegated ? notLeaked : leaked).push({ type, text: p.text, index: p.start });
  }
  return { leaked, notLeaked };
}

/** Whether the sentence has any wording that denies a field; cheap, checked before the lexicon. */
export function mayDenyFields(sentence: string): boolean {
  NEGATION_BEFORE.lastIndex = 0;
  return NEGATION_AFTER.test(sentence) || NEGATION_BEFORE.test(sentence);
}

function negatedRanges(sentence: string): [number, number][] {
  const ranges: [number, number][] = [];
  const after = NEGATION_AFTER.exec(sentence);
  if (after) {
    const head = sentence.slice(0, after.index);
    // The negated clause starts after the last clause opener before the cue.
    const opener = /.*(?:[;:.“"]|\bthat\b|\bbut\b|\bwhile\b|\bsaid\b|\bhowever,?)\s*/is.exec(head);
    ranges.push([opener ? opener[0].length : 0, after.index]);
  }
  NEGATION_BEFORE.lastIndex = 0;
  for (let m = NEGATION_BEFORE.exec(sentence); m; m = NEGATION_BEFORE.exec(sentence)) {
    const start = m.index + m[0].length;
    const rest = sentence.slice(start);
    const stop = /\b(?:was|were|is|are|has|have|had|but|while|which|because|although)\b|[;.]|,\s*(?:the|it|they|he|she|according|officials?|a spokesperson)\b/i.exec(rest);
    ranges.push([start, start + (stop ? stop.index : rest.length)]);
  }
  return ranges;
}
