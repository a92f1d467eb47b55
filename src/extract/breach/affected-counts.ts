// How many people or records a breach affected: a number phrase, an optional qualifier
// ("up to", "nearly") and a noun for people or records within a few words ("538 million
// Weibo users", "40,000 of its users"). Distractors are rejected by rule: money, years,
// percentages, data sizes, user bases ("has 516 million monthly active users"), counts of
// other things ("300 hotels"), phone-number-like digit runs.

import { NUMBER_PHRASE, parseNumberPhrase } from './number-words';
import { PEOPLE_NOUNS } from './vocabulary';

export interface CountMention {
  value: number;
  /** "people", "accounts" or "records". */
  unit: string;
  qualifier: string | null;
  /** Verbatim span, qualifier to noun. */
  text: string;
  index: number;
  /** The sentence ties the count to being affected ("were exposed", "affected"). */
  isAffected: boolean;
}

const PEOPLE = PEOPLE_NOUNS.join('|');
const ACCOUNTS = String.raw`accounts?|profiles|usernames|user ?names|passwords|credentials|logins|e-?mail addresses|e-?mails|email ids|phone numbers|mobile numbers|numbers|credit cards|debit cards|payment cards|cards|card numbers|social security numbers|ssns|identities|addresses|ids`;
const RECORDS = String.raw`records|entries|rows|documents|files|messages|photos|images|pictures|details|dossiers|resumes|forms|returns|emails`;

const QUALIFIER = String.raw`up to|as many as|as few as|more than|over|nearly|almost|around|about|approximately|approx\.|roughly|some|at least|close to|an estimated|estimated|less than|fewer than|under|just over|just under|well over|in excess of|upwards of|a total of|a whopping|a staggering|a reported|reportedly|potentially|possibly|another|a further|an additional`;

const MODIFIER = String.raw`(?!(?:months?|years?|days?|weeks?|hours?|minutes?|ago|times|several|many|much|more|most|other|different|million|billion|thousand|of|in|and|or|to|from|at|on|with|by|for|were|was|have|had|has|are|is|per|than|that|who|which|whose|the|a|an|its|their|this|these|those|it|they|we|he|she|after|before|since|when|while|because|but|if|as|during|into|across|over|under)\b)[A-Za-z0-9][\w'’.&-]*,?`;

const COUNT = new RegExp(
  String.raw`(?:\b(${QUALIFIER})\s+)?(?<![\w$€£¥.,])(${NUMBER_PHRASE})(?![\w]|[.,]\d)(\s+of\s+(?:(?:its|their|the|our|his|her|these|those|all)\s+)?)?((?:\s*(?:${MODIFIER}|(?:and|or)(?=\s+[a-z]))){0,5}?)\s*\b(${PEOPLE}|${ACCOUNTS}|${RECORDS})\b`,
  'gi',
);

const MONEY_BEFORE = /(?:[$€£¥₹]|\b(?:us|usd|eur|gbp|rs|inr|cad|aud|a|c)\$?)\s*$/i;
const USER_BASE_BEFORE =
  /\b(?:has|had|have|having|lost|losing|gained|gaining|added|adding|attracted|won|boasts?|boasting|serves?|serving|claims?|claiming|counts?|reach(?:es|ed)?|totals?|totalling|totaling|user base of|customer base of|population of|membership of|audience of|employs|employing|more than doubled to|grew to|grown to|rose to)\s+(?:(?:about|around|over|more than|nearly|some|almost|roughly|approximately|an estimated)\s+)?$/i;
const BASE_MODIFIER = /\b(?:monthly|daily|weekly|active|total|worldwide|global|paying|paid|potential|registered accounts)\b/i;
const BASE_AFTER = /^\s*(?:worldwide|globally|around the world|across the world|a (?:month|day|week)|per (?:month|day|week)|every (?:month|day)|each (?:month|day))\b/i;
const AFFECTED_AFTER =
  /^[^.;]{0,60}?\b(?:affected|impacted|exposed|compromised|stolen|leaked|breached|hacked|accessed|at risk|involved|notified|whose|had (?:their|its)|were (?:\w+ ){0,2}(?:stolen|exposed|leaked|compromised|accessed|taken|dumped|posted|published|sold))\b/i;
const AFFECTED_BEFORE =
  /\b(?:affect(?:s|ed|ing)?|impact(?:s|ed|ing)?|expos(?:es|ed|ing)|compromis(?:es|ed|ing)|leak(?:s|ed|ing)?|st(?:ole|olen|eal|eals|ealing)|breach(?:ed|es)?|dump(?:s|ed)?|hack(?:ed)?|contain(?:s|ed|ing)?|includ(?:es|ed|ing)|involv(?:es|ed|ing)|of|from|data on|information on|details of|data of|notif(?:y|ied|ies|ying)|sold|selling|sells|posted|published|accessed)\s+(?:\w+\s+){0,2}$/i;

const SHARED_NOUN_BEFORE = new RegExp(String.raw`(?:\b(${QUALIFIER})\s+)?(?<![\w$€£¥.,])(${NUMBER_PHRASE})\s+(?:and|or|to)\s+$`, 'i');

/** Counts of people or records in a sentence, distractors removed. */
export function findAffectedCounts(sentence: string): CountMention[] {
  const out: CountMention[] = [];
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(sentence); m; m = COUNT.exec(sentence)) {
    const [whole, qualifier, numberText, , modifiers, noun] = m;
    const numberIndex = m.index + whole.indexOf(numberText);
    const value = parseNumberPhrase(numberText);
    if (value === null || value < 2) continue;
    // A decimal with no scale word ("2.5 records") is a measurement or a version, not a count.
    if (/^\d+\.\d+$/.test(numberText.trim())) continue;
    // A capitalised number word inside a sentence is a name ("Three customers": the carrier).
    if (/^[A-Z][a-z]/.test(numberText) && numberIndex > 0 && !/[.!?:"“]\s*$/.test(sentence.slice(0, numberIndex))) continue;
    if (isDistractor(sentence, numberIndex, numberText, modifiers ?? '', noun, m.index + whole.length)) continue;
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    const after = sentence.slice(m.index + whole.length);
    const isAffected = AFFECTED_AFTER.test(after) || AFFECTED_BEFORE.test(before);
    // "36 million and 58 million accounts": the first number shares the noun.
    const shared = SHARED_NOUN_BEFORE.exec(sentence.slice(Math.max(0, m.index - 40), m.index));
    const sharedValue = shared && !qualifier ? parseNumberPhrase(shared[2]) : null;
    if (shared && sharedValue !== null && sharedValue >= 2) {
      const index = m.index - shared[0].length + (shared[1] ? 0 : shared[0].indexOf(shared[2]));
      out.push({ value: sharedValue, unit: unitOf(noun), qualifier: shared[1]?.toLowerCase() ?? null, text: sentence.slice(index, m.index + whole.length), index, isAffected });
    }
    out.push({
      value,
      unit: unitOf(noun),
      qualifier: qualifier ? qualifier.toLowerCase() : null,
      text: whole,
      index: m.index,
      isAffected,
    });
  }
  addListedCounts(sentence, out);
  return out;
}

const WITH_BEFORE = /\bwith\s+$/i;
const LISTED_BARE = new RegExp(String.raw`\bwith\s+(?:(${QUALIFIER})\s+)?(${NUMBER_PHRASE})(?=\s*(?:,|;|\.(?!\d)|\)|$|\s+(?:and|or)\b))`, 'gi');

// "CVS with 40,739 records, Citigroup with 35,292 and IBM with 33,412": in a list of
// "<name> with <count>", the noun of the first item is understood in the others.
function addListedCounts(sentence: string, out: CountMention[]): void {
  const model = out.find((c) => WITH_BEFORE.test(sentence.slice(Math.max(0, c.index - 12), c.index)));
  if (!model) return;
  LISTED_BARE.lastIndex = 0;
  for (let m = LISTED_BARE.exec(sentence); m; m = LISTED_BARE.exec(sentence)) {
    const numberIndex = m.index + m[0].lastIndexOf(m[2]);
    if (out.some((c) => c.index <= numberIndex && numberIndex < c.index + c.text.length)) continue;
    const value = parseNumberPhrase(m[2]);
    if (value === null || value < 2 || /^(?:19|20)\d\d$/.test(m[2]) || /^\d+\.\d+$/.test(m[2].trim())) continue;
    const start = m.index + m[0].indexOf(m[1] ?? m[2]);
    out.push({ value, unit: model.unit, qualifier: m[1] ? m[1].toLowerCase() : null, text: sentence.slice(start, numberIndex + m[2].length), index: start, isAffected: model.isAffected });
  }
  out.sort((a, b) => a.index - b.index);
}

function isDistractor(sentence: string, numberIndex: number, numberText: string, modifiers: string, noun: string, end: number): boolean {
  const before = sentence.slice(Math.max(0, numberIndex - 40), numberIndex);
  if (MONEY_BEFORE.test(before)) return true;
  // "Office 365 users", "Windows 10 machines": a bare number after a capitalised word is
  // part of a product's name.
  if (/^\d{1,4}$/.test(numberText) && /\b[A-Z][\w-]*\s$/.test(before) && !/(?:^|[.!?:"“]\s*)[A-Z][\w-]*\s$/.test(before)) return true;
  // A bare four-digit year ("2018 users" is far rarer than "in 2018 users ...").
  if (/^(?:19|20)\d\d$/.test(numberText)) return true;
  // Digit runs glued by dashes or dots are phone numbers, versions or dates.
  if (/[-./]\d*$/.test(sentence.slice(Math.max(0, numberIndex - 4), numberIndex))) return true;
  if (/^\d+[-/]\d/.test(sentence.slice(numberIndex))) return true;
  // Small bare numbers are mostly list items, ages or times, not counts of victims.
  if (/^(?:one|a|an|two|three)$/i.test(numberText) && !/^(?:people|patients|individuals|persons|customers|employees)$/i.test(noun)) return true;
  if (BASE_MODIFIER.test(modifiers)) return true;
  // "has 516 million users" is a user base; "had 164 million email addresses exposed" is not.
  const isOwnedThenLost = /^\s+(?:[\w'’-]+\s+){0,5}?(?:exposed|stolen|leaked|compromised|breached|hacked|scraped|accessed|dumped|taken|published|posted|obtained)\b/i.test(sentence.slice(end));
  if (!isOwnedThenLost && USER_BASE_BEFORE.test(before.replace(/\b(?:more than|over|about|around|nearly|some|almost|roughly|approximately|up to)\s*$/i, ''))) return true;
  if (BASE_AFTER.test(sentence.slice(end))) return true;
  // Data sizes: "900 GB of data".
  if (/^\s*(?:[kmgtp]i?b|bytes|kilobytes|megabytes|gigabytes|terabytes|petabytes)\b/i.test(sentence.slice(numberIndex + numberText.length))) return true;
  return false;
}

function unitOf(noun: string): string {
  const n = noun.toLowerCase();
  if (new RegExp(`^(?:${PEOPLE})$`, 'i').test(n)) return 'people';
  if (new RegExp(`^(?:${ACCOUNTS})$`, 'i').test(n)) return 'accounts';
  return 'records';
}
