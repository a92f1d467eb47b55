// When a breach happened, as the text dates it: absolute dates ("in January 2018", "Nov.
// 21, 2016", "in 2015", "the 2018 breach") and relative ones ("last month", "on Tuesday")
// resolved against the publication date, at the precision the words support. Dates that
// only date an announcement or discovery ("the company said on Monday", "announced the hack
// in September"), durations ("for three months"), "as of" dates and future dates are not
// breach dates.

import * as chrono from 'chrono-node';
import type { DatePrecision } from '../../types';
import { namesData } from './breach-cues';
import { BREACH_PLURALS, MALWARE_KINDS, ORGANIZATION_PLURALS, termAlternation } from './vocabulary';

/**
 * "event" dates the breach; "origin" too, where the text says the breach goes back to it
 * ("dating back to 2018", "originally hacked in 2012"); "surfaced" when the data appeared,
 * was posted or sold, an upper bound of the breach date; "disclosure" an announcement;
 * "discovery" when it was found.
 */
export type DateRole = 'event' | 'origin' | 'surfaced' | 'disclosure' | 'discovery';

export interface DateMention {
  value: string;
  precision: DatePrecision;
  text: string;
  index: number;
  role: DateRole;
}

const TEMPORAL_LEAD =
  /(?:^|\b(?:in|on|during|since|from|between|around|about|approximately|roughly|circa|by|early|late|mid|until|till|through|throughout|before|after|back in|back to|back (?:[\w-]+ ){1,3}to|as early as|sometime in|some time in|earlier|starting|beginning|of|last|this|the|a|an|its|their|from|at least)\s+|[(“"]|^\W*)$/i;
// Verbs of announcing or finding; one within seven words before a date claims it.
const DISCLOSURE_VERB =
  /\b(?:announc(?:ed|es|ing)|disclos(?:ed|es|ing)|report(?:ed|s|ing)|reveal(?:ed|s|ing)|confirm(?:ed|s|ing)|said|says|saying|told|tells|admitting|notif(?:ied|ies|ying)|discover(?:ed|s|ing)|detect(?:ed|s|ing)|learn(?:ed|t)|determin(?:ed|es)|became aware|noticed|spotted|uncovered|publish(?:ed|es)|post(?:ed|s)|warn(?:ed|s)|alert(?:ed|s)|fil(?:ed|es)|inform(?:ed|s|ing)|admitt?(?:ed|s)|acknowledg(?:ed|es)|stated|wrote|emailed|sent|issued|released|found|identified|contact(?:ed|ing)|reached out|to (?:contact|alert|warn|tell)|(?:was|were|been) (?:given|handed|shown)|received|first reported|went public|made public|sued|fined)\b/gi;
const NOT_EVENT_LEAD = /\b(?:over (?:a|the) (?:[\w-]+\s+){0,2}(?:period|span) (?:from|of|between)|for|within|as of(?: (?:mid|early|late))?|in the (?:next|coming|past|last)|over the (?:next|past|last)|every|each|per|by the end of|deadline|until|till)[\s-]+$/i;
const BREACH_NOUN_AFTER = /^\s*(?:[\w-]+\s+){0,2}(?:breach|hack|attack|leak|incident|compromise|intrusion|theft|data dump|cyberattack|cyber-attack)/i;

const YEAR = /\b((?:early|late|mid|mid-|the spring of|the summer of|the fall of|the autumn of|the winter of|spring|summer|fall|autumn|winter)\s*(?:of\s+)?)?((?:19|20)\d\d)\b(?![-/]\d|\s*%|,\d{3})/gi;
const DATE_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|yesterday|today|tonight|week(?:end)?|month|year|ago|spring|summer|autumn|fall|winter)\b/i;
const WEEKDAY_EVENT_VERB =
  /\b(?:hacked|breached|stolen|stole|leaked|exposed|compromised|accessed|attacked|hit|infiltrated|dumped|defaced|posted|published|occurred|happened|took place|began|started|broke into|went down|targeted)\b/i;
const RELATIVE_WORD = /\b(?:last|this|next|past|ago|yesterday|today|tonight|earlier|later|previous|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const RELATIVE_WEEK = /\b(?:this|last|past|previous) week(?:end)?\b/i;

/** Date expressions of a sentence with their role; `publishedAt` resolves relative ones. */
export function findDateMentions(sentence: string, publishedAt: string | null): DateMention[] {
  const reference = publishedAt ? new Date(`${publishedAt.slice(0, 10)}T12:00:00`) : null;
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const results = chrono.parse(sentence, reference ?? new Date(2100, 0, 1));
  let prevEnd = -100;
  let prev: { result: chrono.ParsedResult; mention: DateMention | null } | null = null;
  for (const r of results) {
    const start = r.index;
    const end = r.index + r.text.length;
    const isRangeEnd = start - prevEnd < 15 && /\b(?:and|to|through|until|till|-|–)\s*$/i.test(sentence.slice(prevEnd, start));
    prevEnd = end;
    taken.push([start, end]);
    if (isRangeEnd) {
      // "between May 13 and July 29, 2017": the start takes the year the end states.
      if (prev?.mention && !prev.result.start.isCertain('year') && r.start.isCertain('year')) {
        const year = r.start.get('year')!;
        const month = prev.result.start.get('month')!;
        const y = month <= (r.start.get('month') ?? 12) ? year : year - 1;
        prev.mention.value = String(y) + prev.mention.value.slice(4);
      }
      continue;
    }
    const mention = readChronoResult(sentence, r, reference);
    // "In 2017, attackers were inside between May 13 and July 29": a month or day without a
    // year takes the one year the sentence states, not the publication's.
    const statedYear = onlyStatedYear(sentence, reference);
    if (mention && statedYear && !r.start.isCertain('year') && !RELATIVE_WORD.test(r.text) && mention.precision !== 'year') {
      mention.value = statedYear + mention.value.slice(4);
    }
    if (mention) out.push(mention);
    prev = { result: r, mention };
  }
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(sentence); m; m = YEAR.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const before = sentence.slice(Math.max(0, start - 30), start);
    const after = sentence.slice(end);
    if (!m[1] && !/\b(?:in|during|since|from|between|around|about|approximately|roughly|circa|by|until|through|throughout|back in|back to|back (?:[\w-]+ ){1,3}to|as early as|sometime in|of|the|a|an|its|their|late|early|mid|year)\s+$/i.test(before) && !BREACH_NOUN_AFTER.test(after)) continue;
    if (NOT_EVENT_LEAD.test(before)) continue;
    if (reference && Number(m[2]) > reference.getFullYear()) continue;
    const lead = m[1] ? null : /\b(?:in|during|since|from|around)\s+$/i.exec(before);
    const index = lead ? start - lead[0].length : start;
    out.push({ value: m[2], precision: 'year', text: sentence.slice(index, end).trim(), index, role: roleOf(sentence, start) });
  }
  // "More than 100 organizations fell victim to such scams in 2017": a tally over many
  // organizations or breaches dates no one breach.
  if (TALLY.test(sentence)) return [];
  // "the WannaCry ransomware outbreak in May": a date a lock-out or outage owns dates that, not a data breach.
  // "a malware family that was active around 2013": a date of a tool's life, not of a breach.
  return out
    .filter((d) => !(DISRUPTION_BEFORE.test(sentence.slice(Math.max(0, d.index - 120), d.index)) && !namesData(clauseAround(sentence, d.index))) && !MALWARE_LIFE_BEFORE.test(sentence.slice(Math.max(0, d.index - 80), d.index)))
    .sort((a, b) => a.index - b.index);
}

const TALLY = new RegExp(
  String.raw`\b(?:(?:more than|over|nearly|almost|some|at least|about|around)\s+)?(?:\d{2,}[\d,]*\+?|\d{1,3}(?:,\d{3})+|dozens|hundreds|thousands)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:${termAlternation([...ORGANIZATION_PLURALS, ...BREACH_PLURALS])})\b`,
  'i',
);
// A malware family's or strain's activity, or when a piece of malware first emerged.
const MALWARE_LIFE_BEFORE = new RegExp(
  String.raw`\b(?:${termAlternation(MALWARE_KINDS.filter((k) => k !== 'skimmer'))})\s+(?:(?:family|families|strain|variant)\s*,?\s+(?:(?:that|which)\s+)?(?:(?:was|were|is|has been|had been)\s+)?(?:first\s+)?(?:active|appeared|emerged|surfaced|spotted|seen|released|created|developed|launched)|(?:(?:that|which)\s+)?first\s+(?:appeared|emerged|surfaced))(?:\s+(?:way\s+)?back)?(?:\s+(?:in|on|around|about|roughly|since|from))?\s+(?:\d+\s*[-–]\s*)?$`,
  'i',
);
// The clause a date stands in: from the last ";" before it to the next ";" or full stop.
function clauseAround(sentence: string, index: number): string {
  const start = sentence.lastIndexOf(';', index) + 1;
  const end = sentence.slice(index).search(/[;]|\.(?!\d)/);
  return sentence.slice(start, end < 0 ? sentence.length : index + end);
}

const DISRUPTION_BEFORE = /\b(?:ransomware|ddos|denial[- ]of[- ]service|outbreak|worm)(?:\s+(?:cyber[- ]?)?(?:attacks?|outbreak|infections?|incident|campaign|epidemic))?(?:\s+(?:that|which)(?:\s+[\w'’-]+){1,8}?)?\s+$/i;

function onlyStatedYear(sentence: string, reference: Date | null): string | null {
  const years = new Set(
    [...sentence.matchAll(/\b((?:19|20)\d\d)\b(?![-/]\d|\s*%|,\d{3})/g)].map((m) => m[1]).filter((y) => !reference || Number(y) <= reference.getFullYear()),
  );
  return years.size === 1 ? [...years][0] : null;
}

function readChronoResult(sentence: string, r: chrono.ParsedResult, reference: Date | null): DateMention | null {
  const c = r.start;
  const text = r.text;
  const before = sentence.slice(Math.max(0, r.index - 40), r.index);
  if (NOT_EVENT_LEAD.test(before) || /^(?:for|within|every|each)\b/i.test(text)) return null;
  if (/\b(?:ago)\b/i.test(text) && /\b(?:hours?|minutes?|seconds?)\b/i.test(text)) return null;
  if (/^\d{1,2}(?::\d\d)?\s*(?:am|pm)?$/i.test(text.trim())) return null; // bare times
  // Announcement-day words, vague spans and durations date no breach.
  if (/\b(?:now|currently|today|tonight|this (?:morning|afternoon|evening))\b/i.test(text)) return null;
  if (/\b(?:few|couple|several|number of|many|recent)\b/i.test(text)) return null;
  if (/\b(?:past|last|next|coming)\s+(?:\w+\s+)?(?:years|months|weeks|days|decades)\b/i.test(text)) return null;
  // Numbers chrono reads as dates ("24/7", "from 11"): a date names a month, a weekday, a
  // relative span or a year.
  if (!DATE_WORD.test(text) && !/\b(?:19|20)\d\d\b/.test(text)) return null;
  // "the November election", "Motherboard's March 21 report": a date naming another event.
  if (/(?:\b(?:the|a|an|its|their|this)|['’]s(?:\s+[a-z]+)?)\s+$/i.test(before) && DATE_AS_MODIFIER_AFTER.test(sentence.slice(r.index + text.length))) return null;
  // "last year's revelation": a date owning another noun dates that, not a breach.
  if (/^['’]s\s+(?!(?:[\w-]+\s+)?(?:breach|hack|attack|leak|intrusion|incident|theft|compromise|cyberattack)\b)/i.test(sentence.slice(r.index + text.length))) return null;
  // Datelines: "TORONTO, April 19 (Reuters) -", "(TUE)".
  if (/[()]/.test(text) || /^\W*[A-Z][A-Z .'-]+,\s*$/.test(before) || /^\s*\((?:Reuters|AP|AFP|Bloomberg|UPI|IANS|PTI|dpa)\)/.test(sentence.slice(r.index + text.length))) return null;
  const yearKnown = c.isCertain('year');
  const relative = !yearKnown || RELATIVE_WORD.test(text);
  if (relative && !reference) return null;
  // Absolute dates must be introduced like a date, not stand alone as a byline.
  if (yearKnown && !/\b(?:ago|last|this|next|yesterday|today)\b/i.test(text) && !TEMPORAL_LEAD.test(before) && !BREACH_NOUN_AFTER.test(sentence.slice(r.index + text.length))) return null;
  let date = c.date();
  let precision: DatePrecision = c.isCertain('day') || c.isCertain('weekday') ? 'day' : c.isCertain('month') ? 'month' : 'year';
  if (/\b(?:today|tonight|yesterday)\b/i.test(text)) precision = 'day';
  if (RELATIVE_WEEK.test(text)) precision = 'month';
  if (/\b(?:month)\b/i.test(text)) precision = 'month';
  if (/\b(?:year)\b/i.test(text) && !/\bmonths?\b/i.test(text)) precision = 'year';
  const DAY_MS = 86400 * 1000;
  if (reference && date.getTime() > reference.getTime() + 1.5 * DAY_MS) {
    // A weekday or a distant month named without a year means the last one before
    // publication; a date a few weeks ahead is an upcoming event, not a breach.
    if (c.isCertain('weekday') && !c.isCertain('day')) date = new Date(date.getTime() - 7 * DAY_MS);
    else if (!c.isCertain('year') && date.getTime() > reference.getTime() + 60 * DAY_MS) date = new Date(date.getFullYear() - 1, date.getMonth(), date.getDate(), 12);
    if (date.getTime() > reference.getTime() + 1.5 * DAY_MS) return null;
  }
  const lead = /\b(?:in|on|during|since|between|from|around)\s+$/i.exec(before);
  const index = lead ? r.index - lead[0].length : r.index;
  const end = r.index + text.length;
  // "Last week" is as near as a day, and so is a month named without its year ("In February,
  // the chain said it had been breached"): news dates recent statements that way.
  const nearAsDay = RELATIVE_WEEK.test(text) || (precision === 'month' && !yearKnown && !RELATIVE_WORD.test(text));
  let role: DateRole = roleOf(sentence, r.index, end, nearAsDay ? 'day' : precision);
  // News dates its announcements by weekday ("said on Monday", "Yesterday, the firm...");
  // a weekday dates the breach only next to a breach verb.
  if (role === 'event' && /\b(?:yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b/i.test(text) && !c.isCertain('month')) {
    const near = sentence.slice(Math.max(0, index - 80), Math.min(sentence.length, end + 60));
    if (!WEEKDAY_EVENT_VERB.test(near)) role = 'disclosure';
  }
  return { value: formatDate(date, precision), precision, text: sentence.slice(index, end), index, role };
}

// "On February 28, the ministry disclosed that ...": a day heading a clause whose verb is
// an announcement dates the announcement. A month or year there ("In January 2018, OnePlus
// reported that card data had been stolen") frames the whole story and dates the breach.
const DISCLOSURE_VERB_AFTER =
  /^[^.;]{0,80}?\b(said|says|announced|disclosed|reported|revealed|confirmed|notified|warned|told|published|posted|admitted|acknowledged|stated|issued|released|sent|emailed|informed|learned|discovered|detected|noticed|alerted|filed|began notifying|went public)\b/i;

const EVENT_VERB_IN = /\b(?:hacked|breached|broke into|broken into|stole|stolen|accessed|copied|downloaded|exfiltrated|leaked|exposed|compromised|infiltrated|dumped)\b/i;
const DISCOVERY_VERB_AFTER = /^[^.;]{0,60}?\b(?:discovered|detected|noticed|spotted|uncovered|found|identified|determined|became aware)\b/i;
const DATE_AS_MODIFIER_AFTER = /^\s+(?:election|report|meeting|update|statement|announcement|filing|conference|summit|deadline|release|issue|edition|letter|hearing|vote|poll|patch|earnings|quarter)s?\b/i;

// Asides between dashes or in parentheses do not separate a heading date from its verb.
function withoutAsides(text: string): string {
  return text.replace(/\s[—–]\s[^—–.;]*?\s[—–]\s/g, ' ').replace(/\s*\([^)]*\)/g, '');
}

// The verb nearest before the date decides: "said hackers broke in on Tuesday" dates the
// break-in, "broke in and said so on Tuesday" the statement.
const EVENT_VERB =
  /\b(?:hacked|breached|broke into|broken into|stole|stolen|accessed|copied|downloaded|exfiltrated|leaked|exposed|compromised|infiltrated|attacked|hit|took|taken|dumped|occurred|happened|took place|began|started|accessible|open|unprotected|unsecured|left)\b/gi;

const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|this|that|these|those|his|her|our|your)\s+$/i;

function wordCount(text: string): number {
  return text.trim() ? text.trim().split(/\s+/).length : 0;
}

const DISCOVERY_VERB = /^(?:discover|detect|learn|became aware|noticed|spotted|uncovered|found|identified)/i;

// "a breach dating back to 2018", "the data dates back to", "originally hacked in 2012",
// "the database had been exposed since October 2020".
const ORIGIN_BEFORE = /\b(?:dat(?:ing|es|ed|e) back (?:(?:[\w-]+ ){1,3})?to(?: a (?:period|time) (?:between|from|of|in))?|go(?:ing|es)? back (?:(?:[\w-]+ ){1,3})?to|went back to|originally (?:[\w-]+ ){0,3}(?:in|on|during)|(?:exposed|accessible|open|unprotected|unsecured|available|online|leaking) since)\s+(?:approximately\s+|around\s+|about\s+|as early as\s+)?$/i;
// "In 2019, the data appeared for sale", "In May 2016, a set of data was found being traded":
// when the data came to light, not when it was taken.
const SURFACED_VERB_AFTER =
  /^(?:[^.;]|\.(?=\d)){0,140}?\b(?:appeared|surfaced|resurfaced|began circulating|(?:was|were|being) (?:\w+ly )?(?:posted|shared|dumped|published|listed|offered|sold|traded|circulated|distributed|provided|sent|redistributed|found being)|(?:listed|offered|up) for sale)\b/i;

const SURFACED_VERB = /\b(?:appeared|surfaced|resurfaced|began circulating|(?:later|subsequently) (?:leaked|posted|published|dumped|shared|sold|traded|released)|(?:listed|offered|up|put up) for sale|(?:was|were) (?:\w+ly )?(?:posted|dumped|traded|sold|shared|published) (?:to|on|online))\b/gi;

function roleOf(sentence: string, index: number, end = index, precision: DatePrecision = 'year'): DateRole {
  const before = sentence.slice(0, index);
  if (ORIGIN_BEFORE.test(before)) return 'origin';
  const clause = before.split(/[;:]|\.\s/).pop() ?? before;
  const disclosure = [...clause.matchAll(DISCLOSURE_VERB)].filter((m) => wordCount(clause.slice(m.index + m[0].length)) <= 7).pop();
  // "a copy of the stolen data": a participle after a determiner is an adjective, not the clause's verb.
  const lastEvent = [...clause.matchAll(EVENT_VERB)].filter((m) => !DETERMINER_BEFORE.test(clause.slice(0, m.index))).pop();
  if (disclosure && !(lastEvent && lastEvent.index > disclosure.index)) return DISCOVERY_VERB.test(disclosure[0]) ? 'discovery' : 'disclosure';
  // "The data later appeared for sale in June 2016": the date of the data's surfacing.
  const surfaced = [...clause.matchAll(SURFACED_VERB)].filter((m) => wordCount(clause.slice(m.index + m[0].length)) <= 7).pop();
  if (surfaced && !(lastEvent && lastEvent.index >= surfaced.index + surfaced[0].length)) return 'surfaced';
  const headsClause = /^\W*(?:(?:back|later|earlier|then)\s+)?(?:on|in|during(?: the)?(?: (?:morning|afternoon|evening|night|weekend) of)?)?\s*$/i.test(clause);
  const rest = withoutAsides(sentence.slice(end));
  // ... unless a breach verb comes first ("On Tuesday, hackers stole card data, the chain said").
  const statement = precision === 'day' && headsClause ? DISCLOSURE_VERB_AFTER.exec(rest) : null;
  if (statement && !EVENT_VERB_IN.test(rest.slice(0, statement[0].length - statement[1].length))) return 'disclosure';
  // "Back in January, the researcher discovered ...": a finding dates the finding, at any precision.
  if (headsClause && DISCOVERY_VERB_AFTER.test(rest)) return 'discovery';
  if (headsClause && SURFACED_VERB_AFTER.test(rest)) return 'surfaced';
  return 'event';
}

function formatDate(d: Date, precision: DatePrecision): string {
  const y = String(d.getFullYear());
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return precision === 'year' ? y : precision === 'month' ? `${y}-${m}` : `${y}-${m}-${day}`;
}
