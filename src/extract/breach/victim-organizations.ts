// Which named organizations are the victims of the breach: names that play a victim's role
// in a breach sentence ("OnePlus has suffered a data breach", "hackers breached the Catalan
// Police Union server", "538 million Weibo users", "the breach at Target"), as opposed to
// the security firm that found it, the outlet that reported it, a regulator, or a person.

import type { Sentence } from './sentences';
import { findNameMentions, type NameMention } from './name-mentions';
import { organizationKey } from './organization-key';
import { termsIn, type TermTag } from './term-tags';

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

const VICTIM_NOUN = String.raw`(?:customers?|users?|employees?|members?|patients?|subscribers?|clients?|students?|staff|players?|gamers?|accounts?|account holders|cardholders|guests?|shoppers|voters|workers|database|databases|db|servers?|systems?|network|networks|website|site|forums?|portal|app|platform|cloud|data|records|files|emails|e-mails|documents|breach|hack|leak|data breach|security breach|cyberattack|cyber-attack|cyber attack|incident|intrusion|compromise|mega-breach|credentials|passwords|info|information)`;

const FUNCTION_WORD = String.raw`(?:in|on|at|of|for|to|with|by|from|its|their|his|her|the|a|an|and|or|that|which|who|said|says|is|was|has|had|estimated|reported)`;
// "Weibo users", "Target's customers", "the TalkTalk data breach".
const NOUN_AFTER = new RegExp(String.raw`^(?:(?:'s|’s)\s+(?:(?!${FUNCTION_WORD}\b)[\w-]+\s+){0,2}?|\s+(?:(?!${FUNCTION_WORD}\b)[\w-]+\s+)?)${VICTIM_NOUN}\b`, 'i');
// "OnePlus has suffered", "the site was hacked", "Equifax, the credit bureau, was breached".
const VERB_AFTER =
  /^(?:,(?:[^,]|,\d){0,100},|\s*\([^)]{0,40}\))?\s+(?:\w+\s+)?(?:has|have|had|was|were|is|are|got|itself)?\s*(?:(?:been|also|recently|reportedly|apparently|allegedly|likely|probably|possibly|now|just|itself|again)\s+){0,3}(?:hacked|breached|compromised|infiltrated|hit by|hit with|targeted by|attacked|the victim|the latest victim|a victim|victims|exposed|leaked|left\s+(?:\w+\s+){0,3}(?:exposed|unprotected|unsecured|open)|suffered|experienced|fell victim|falls victim|suffers|is notifying|began notifying|has begun notifying|notified (?:\w+\s+){0,2}(?:customers|users|patients|employees|members))\b/i;
// "Yahoo disclosed a breach", "Uber admitted that hackers stole": a disclosure of a breach.
const DISCLOSURE_AFTER =
  /^(?:,(?:[^,]|,\d){0,100},|\s*\([^)]{0,40}\))?\s+(?:\w+\s+)?(?:has|have|had|is|was)?\s*(?:disclosed|confirmed|admitted|revealed|announced|reported|acknowledged|discloses|confirms|admits|reveals|announces|reports|acknowledges|disclosing|confirming|admitting|revealing|acknowledging|said|says|warned|warns|informed|notified|is warning|discovered|detected|learned|noticed|became aware)\s+(?:to\s+|that\s+|of\s+)?(?:[\w'’-]+\s+){0,7}?(?:a |an |the )?(?:data |security |cyber ?)?(?:breach|hack|leak|incident|intrusion|cyberattack|cyber-attack|attack|theft|exposure|unauthori[sz]ed|hackers|attackers|intruders?|compromised|broken into|broke into|accessed|exposed|stolen|breached|hacked)/i;
// Looser, within one clause (case-sensitive: the words between must be lowercase): "Wonga appears to be the latest brand to suffer a data breach".
const CLAUSE_AFTER =
  /^(?:\s+(?!(?:said|says|told|according|reported|claims?|claimed|warned|found|discovered)\b)[a-z][\w'’-]*){0,8}?\s+(?:(?:has|have|had|was|were|is|been|be|being|got)\s+(?:\w+\s+){0,2}(?:hacked|breached|compromised|infiltrated)|suffer(?:ed|s|ing)?\s+(?:\w+\s+){0,3}(?:breach|hack|attack|leak|intrusion|incident|compromise))\b/;
const STRONG_AFTER = [NOUN_AFTER, VERB_AFTER, DISCLOSURE_AFTER, CLAUSE_AFTER];
const STRONG_BEFORE = [
  /\b(?:hack(?:ed|ing)?|breach(?:ed|ing)?|compromis(?:ed|ing)|infiltrat(?:ed|ing)|attack(?:ed|ing)?|target(?:ed|ing)|broke into|break into|breaking into|penetrated|hijacked|defaced|stole from|stolen from|taken from|leaked from|exfiltrated from|obtained from|scraped from|downloaded from|accessed)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$/i,
  /\b(?:breach(?:es)?|hacks?|leaks?|attacks?|intrusions?|incidents?|compromises?|cyberattacks?|cyber-attacks?)\s+(?:at|of|on|against|affecting|hitting|targeting|involving|into|impacting)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i,
  new RegExp(String.raw`\b${VICTIM_NOUN}\s+(?:of|at|from|for|belonging to|held by)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$`, 'i'),
  /\b(?:data|information|details|records)\s+(?:on|about|belonging to)\s+(?:[\w-]+\s+){0,4}$/i,
  // "stole unreleased content from ABC", "took 40 GB of files from the council".
  /\b(?:stole|stolen|took|taken|leaked|downloaded|exfiltrated|copied|grabbed|swiped|siphoned|pilfered)\s+(?:[\w'’,-]+\s+){0,5}from\s+(?:the\s+)?$/i,
];
const NON_VICTIM_BEFORE =
  /\b(?:by|hackers? (?:group|collective)|hacking (?:group|collective|team|crew)|group|according to|researchers? (?:at|from|with)|analysts? (?:at|from|with)|experts? (?:at|from|with)|reported by|first reported|told|via|(?:security|research|cybersecurity|cyber security|intelligence|consulting|analytics|analyst|market research|law|forensics and security) (?:firm|company|vendor|provider|outfit|researchers?|experts?|team)|researcher|journalist|reporter|(?:news|media) (?:outlet|site|agency)|published (?:by|in|on)|report (?:by|from)|a report by|study by|survey by|(?:cited|quoted) (?:by|in)|regulator|watchdog|commissioner)\s+(?:the\s+)?$/i;
// The subject of an active breach verb is the attacker: "Fancy Bear hacked into the WADA
// database", "TDO got their hands on the episodes".
const ATTACKER_AFTER =
  /^(?:,[^,]{0,60},)?\s+(?:also\s+|allegedly\s+|reportedly\s+|then\s+|later\s+)?(?:hacked(?: into)?|breached|stole|infiltrated|broke into|got (?:their|its|his|her) hands on|made off with|claimed responsibility|claims? to have|claimed to have|dumped|defaced|compromised)\s+(?!by\b)/i;
// Regulators and watchdogs investigate breaches; they are victims only when breached.
const REGULATOR = /\b(?:Commission(?:er)?|Regulat\w+|Attorney General|Ombudsman|Protection Bureau|Data Protection|Inspector General|Watchdog|Trade Commission)\b/;
const NON_VICTIM_AFTER =
  /^(?:'s|’s)?\s*(?:security |threat |research |intelligence )?(?:hackers?|hacking (?:group|team|crew)|group of hackers|gang|crew|threat actors?|cyber ?criminals|cyber-?espionage|apt group|researchers?|analysts?|experts?|research(?:er)? team|labs?|threat intelligence|report(?:ed|s)? (?:that|on)|told|wrote|notes|noted|explained|said in a (?:blog|report)|blog|spokes(?:man|woman|person)|founder|ceo|chief)/i;

// Outlets, security vendors, regulators and search/threat-intel services that news about
// breaches cites. A prior, not a veto: a strong victim pattern still counts.
const REPORTING_ROLES = new Set(
  (
    'reuters|bloomberg|associated press|ap|bbc|cnn|cnbc|zdnet|techcrunch|motherboard|vice|the register|register|' +
    'ars technica|wired|forbes|cso|cso online|threatpost|securityweek|bleepingcomputer|bleeping computer|' +
    'help net security|hackread|krebs|krebsonsecurity|krebs on security|databreaches.net|databreaches|guardian|' +
    'the guardian|new york times|wall street journal|washington post|caixin|technode|engadget|the verge|cnet|' +
    'business insider|the hacker news|hacker news|infosecurity|infosecurity magazine|dark reading|softpedia|' +
    'kaspersky|kaspersky lab|symantec|mcafee|trend micro|trendlabs|fireeye|mandiant|crowdstrike|check point|' +
    'sophos|eset|bitdefender|malwarebytes|avast|proofpoint|imperva|rapid7|tenable|qualys|recorded future|' +
    'flashpoint|gemini advisory|talos|cisco talos|palo alto networks|unit 42|x-force|kromtech|upguard|' +
    'hold security|leakedsource|leaked source|have i been pwned|haveibeenpwned|hibp|troy hunt|chris vickery|' +
    'risk based security|digital shadows|securityscorecard|bitsight|ponemon|ponemon institute|gartner|forrester|' +
    'idc|counterpoint|counterpoint research|ftc|federal trade commission|sec|ico|information commissioner|' +
    "information commissioner's office|fbi|dhs|ncsc|cert|us-cert|department of justice|doj|justice department|" +
    'hhs|office for civil rights|ocr|miit|attorney general|gdpr|europol|interpol|nsa|pastebin|github|twitter|' +
    'reddit|telegram|youtube|tor|dark web|shodan|google|microsoft|virustotal|hipaa|hipaa journal|' +
    'identity theft resource center|itrc|privacy rights clearinghouse|lifelock|leakbase|redlock|salted hash|vigilante.pw|' +
    'databreaches|dehashed|we leak info|hackernews|the next web|gizmodo|mashable|the daily beast|daily mail|the sun|' +
    'the times|the telegraph|the independent|usa today|nbc|nbc news|abc news|cbs|fox news|npr|pbs|al jazeera|' +
    'scmagazine|sc magazine|computerworld|itworld|network world|infoworld|pcworld|pc world|tom\'s guide|tom\'s hardware'
  ).split('|'),
);

// Names that often appear inside breach sentences but are tools, places or publications.
const NOT_ORGANIZATION = /^(?:[A-Z]\.?|[A-Z][a-z]+(?:day|ber)|Windows|Linux|Android|iOS|macOS|Bitcoin|Tor|Dark Web|Internet|Web|The Dark|Deep Web|PDF|SQL|MongoDB|Elasticsearch|Excel|PII|PHI|SSN|SSNs|IP|CVE-[\d-]+|GB|TB|MB|COVID-19|U\.?S\.?|UK|EU|US|USA)$/;

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
  const isCommon = (w: string, at: number) =>
    (isTitle || at === 0) && ctx.lowercaseWords.has(w.toLowerCase()) && !/[A-Z].*[A-Z]|\d/.test(w.slice(1)) && !ORGANIZATION_WORD.test(w);
  // In a headline, a run the body repeats verbatim is a name as a whole.
  const isKnownName = (run: string) => isTitle && recursInBody(ctx.body, run);
  const mentions = findNameMentions(text, isCommon, isKnownName);
  for (let k = 0; k + 1 < mentions.length; k++) {
    if (/^\s*\($/.test(text.slice(mentions[k].end, mentions[k + 1].start)) && text[mentions[k + 1].end] === ')') {
      aliases.set(organizationKey(mentions[k + 1].name), organizationKey(mentions[k].name));
    }
  }
  const scored = mentions.map((m) => ({ m, s: isNameLike(ctx, terms, m, isTitle) ? roleScore(text, m.start, m.end, REPORTING_ROLES.has(m.name.toLowerCase()) || REGULATOR.test(m.name)) : null }));
  shareListRoles(text, scored);
  for (const { m, s: role } of scored) {
    if (role === null) continue;
    const lower = m.name.toLowerCase();
    const tags = termsIn(terms, m.start, m.end);
    const isPerson = tags.length > 0 && tags.every((t) => t.tags.has('Person')) && !ORGANIZATION_WORD.test(m.name);
    // compromise tags a name "Place" after words like "site"; a country, city or region is a place.
    const isPlace = tags.length > 0 && tags.every((t) => t.tags.has('Place')) && tags.some((t) => t.tags.has('Country') || t.tags.has('City') || t.tags.has('Region'));
    if (isPlace && !ORGANIZATION_WORD.test(m.name)) continue;
    let s = role;
    // A person's name ("Ashley Madison") needs more than one victim pattern.
    if (isPerson || ctx.personTokens.has(lower)) s = s >= 3 ? 2 : -3;
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

const LIST_GAP = /^(?:\s+with\s+[\d,.]+(?:\s+(?:million|billion))?(?:\s+[a-z]+)?|\s*\([^)]{0,20}\))?\s*(?:,|,?\s*(?:and|or|&))\s*$/;

// Names coordinated in one list share the strongest role of the list: "a hacking spree on
// hotel chains including Hyatt, Hilton and Starwood" makes all three victims.
function shareListRoles(text: string, scored: { m: NameMention; s: number | null }[]): void {
  let i = 0;
  while (i < scored.length) {
    let j = i;
    // Items may carry a count or an aside: "CVS with 40,739 records, Citigroup with 35,292".
    while (j + 1 < scored.length && LIST_GAP.test(text.slice(scored[j].m.end, scored[j + 1].m.start))) j++;
    if (j > i) {
      const roles = scored.slice(i, j + 1).map((x) => x.s ?? -Infinity);
      const best = Math.max(...roles);
      const listAfter = text.slice(Math.max(0, scored[i].m.start - 60), scored[i].m.start);
      const isVictimList = best >= 3 || /\b(?:including|includ(?:ed|es)|such as|like|among them|namely)\s*:?\s*$/i.test(listAfter);
      if (isVictimList) for (let k = i; k <= j; k++) if (scored[k].s !== null && scored[k].s! >= 1) scored[k].s = Math.max(3, best);
    }
    i = j + 1;
  }
}

// Reject spans compromise reads as something other than a name: verbs, adverbs and
// adjectives capitalised in headlines, pronouns, values ("4GB"), demonyms ("Chinese").
function isNameLike(ctx: VictimContext, terms: TermTag[], m: NameMention, isTitle: boolean): boolean {
  if (NOT_ORGANIZATION.test(m.name) || DATA_WORD.test(m.name)) return false;
  const tags = termsIn(terms, m.start, m.end);
  if (tags.some((t) => t.tags.has('Pronoun'))) return false;
  if (tags.length === 1 && (tags[0].tags.has('Demonym') || tags[0].tags.has('Value'))) return false;
  const isWordish = (t: TermTag) =>
    ['Adverb', 'Verb', 'Adjective', 'Preposition', 'Conjunction', 'Determiner', 'Date', 'Month', 'WeekDay', 'Value'].some((x) => t.tags.has(x)) &&
    !t.tags.has('Organization') && !t.tags.has('Acronym');
  // Several capitalised words inside a sentence are a name whatever their tags ("Sports
  // Direct"); a single word, or a headline or sentence-initial run, must look like one.
  const isInside = /\s/.test(m.name) && !isTitle && m.start > 0;
  if (!isInside && tags.length && tags.every(isWordish)) return false;
  if (isTitle && !recursInBody(ctx.body, m.name)) return false;
  // A lone capitalised word the article also uses in lowercase is an ordinary word
  // ("Legacy systems", "Services"), unless it is spelled like a brand ("eBay", "3M").
  if (!/\s/.test(m.name) && !/[A-Z].*[A-Z]|\d/.test(m.name.slice(1)) && ctx.lowercaseWords.has(m.name.toLowerCase())) return false;
  return true;
}

// A headline name must also appear in the body, as written.
function recursInBody(body: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}\\b`).test(body);
}

// A word that makes a name an organization's, whatever compromise says of the rest
// ("Queen Mary Hospital", "Ashley Madison" is not covered and stays a person's name).
const ORGANIZATION_WORD =
  /\b(?:Hospital|Clinic|Medical|Health|University|College|School|Academy|Bank|Group|Inc|Corp|Company|Co|Ltd|LLC|Agency|Department|Center|Centre|Foundation|Association|Institute|Council|Ministry|Services|Systems|Technologies|Labs|Studios|Games|Airways|Airlines|Hotels?|Bureau|Office|Committee|Party|Police|Authority|Commission|Insurance|Financial|Partners|Solutions|Media|Network|Networks|Club|Church|Times|Post|Government|Administration|Court|Hall)\b/;

// Names made only of data words: "CVV2", "W-2", "IDs", "SSNs".
const DATA_WORD = /^(?:cvv2?|cvc|w-?2s?|ids?|ssns?|pii|phi|pins?|dob|imei|ip|otp|2fa|mfa|gb|tb|mb|\d+\s*(?:gb|tb|mb|kb|k|m))$/i;

/** 3: a victim's role; 1: mentioned in a breach sentence; -2: a reporter's or finder's role. */
function roleScore(sentence: string, start: number, end: number, isReporter: boolean): number {
  const before = sentence.slice(Math.max(0, start - 80), start);
  const after = sentence.slice(end, end + 120);
  if (NON_VICTIM_BEFORE.test(before) || NON_VICTIM_AFTER.test(after) || ATTACKER_AFTER.test(after)) return -2;
  // Outlets and vendors own databases and report breaches: only being breached counts.
  if (isReporter) return VERB_AFTER.test(after) || STRONG_BEFORE[0].test(before) ? 3 : -3;
  if (STRONG_AFTER.some((re) => re.test(after)) || STRONG_BEFORE.some((re) => re.test(before))) return 3;
  return 1;
}

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
      // British Travel Agents"); otherwise the most frequent, then the shortest.
      const inTitle = (n: string) => (ctx.title?.includes(n) ? 1 : 0);
      const name = [...g.entry.names.entries()].sort((a, b) => inTitle(b[0]) - inTitle(a[0]) || b[1] - a[1] || a[0].length - b[0].length)[0][0];
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
