// The role a name plays in a breach sentence, by the words around it: a victim's ("OnePlus
// has suffered a data breach", "538 million Weibo users", "stolen from the Catalan Police
// Union"), a reporter's or finder's ("according to Reuters", "researchers at Kromtech"), or
// an attacker's ("Fancy Bear hacked into ..."). Patterns read a window of the sentence on
// either side of the name.

import type { NameMention } from './name-mentions';
import { BREACH_NOUNS, CLIENT_NOUNS, DATA_NOUNS, MALWARE_KINDS, SYSTEM_NOUNS, TECHNOLOGY_NAMES, termAlternation } from './vocabulary';

// What a victim's name modifies or owns: its people, systems, data or breach ("Weibo users").
const VICTIM_NOUN = `(?:e-?mail addresses|${[...CLIENT_NOUNS.map((n) => n.replace(/s$/, 's?')), ...SYSTEM_NOUNS, ...DATA_NOUNS, ...BREACH_NOUNS].join('|')})`;

const FUNCTION_WORD = String.raw`(?:in|on|at|of|for|to|with|by|from|its|their|his|her|the|a|an|and|or|that|which|who|said|says|is|was|has|had|estimated|reported)`;
// "Weibo users", "Target's customers", "the TalkTalk data breach" (not "the OCR's data breach
// portal").
const NOUN_AFTER = new RegExp(String.raw`^(?!['’]?s?\s+(?:data\s+|security\s+)?breach(?:es)?\s+(?:portal|tracker|notifications?|reporting|reports?|statistics|laws?|rules?)\b)(?:['’]s?\s+(?:(?!${FUNCTION_WORD}\b)[\w-]+\s+){0,2}?|\s+(?:(?!${FUNCTION_WORD}\b)[\w-]+\s+)?)${VICTIM_NOUN}\b`, 'i');
// "OnePlus has suffered", "the site was hacked", "Equifax, the credit bureau, was breached".
const VERB_AFTER =
  /^!?(?:,(?:[^,]|,\d){0,100},|\s*\([^)]{0,40}\),?|,(?=\s+(?:has|have|had|was|were|is|are|suffered|experienced)\b))?(?:,?\s+(?:which|who))?(?:\s+in\s+[A-Z][\w-]*(?:\s+(?:and|&)\s+[A-Z][\w-]*)?)?\s+(?:(?!(?:which|that|who|whose|where|when)\b)[\w-]+\s+){0,2}?(?:has|have|had|was|were|is|are|got|itself)?\s*(?:(?:been|also|recently|reportedly|apparently|allegedly|likely|probably|possibly|now|just|itself|again|found to (?:be|have)|inadvertently|accidentally|mistakenly)\s+){0,3}(?:(?:among|amongst) (?:the )?(?:[\w-]+\s+){0,5}(?:compromised|hacked|breached|affected|victims)|(?:published|posted|made public|uploaded) (?:a |the |its |their )?(?:[\w-]+\s+){0,2}(?:database|backup|data|records|files)|hacked|breached|compromised|infiltrated|hit by|hit with|targeted by|attacked|the victim|the latest victim|a victim|victims|exposed|leaked|left\s+(?:[\w,-]+\s+){0,8}?(?:exposed|unprotected|unsecured|open|publicly (?:facing|accessible|available))|suffered|experienced|fell victim|falls victim|suffers|succumbed to|the subject of (?:a|an)|(?:found to (?:be|have been) )?(?:leaking|exposing)|is notifying|began notifying|has begun notifying|notified (?:\w+\s+){0,2}(?:customers|users|patients|employees|members))\b/i;
// "Yahoo disclosed a breach", "Uber admitted that hackers stole": a disclosure of a breach.
const DISCLOSURE_AFTER =
  /^(?:,(?:[^,]|,\d){0,100},|\s*\([^)]{0,40}\))?\s+(?:\w+\s+)?(?:has|have|had|is|was)?\s*(?:disclosed|confirmed|admitted|revealed|announced|reported|acknowledged|discloses|confirms|admits|reveals|announces|reports|acknowledges|disclosing|confirming|admitting|revealing|acknowledging|said|says|warned|warns|informed|notified|is warning|discovered|detected|identified|learned|noticed|became aware)\s+(?:to\s+|that\s+|of\s+)?(?:[\w'’,.-]+\s+){0,7}?(?:a |an |the )?(?:data |security |cyber ?)?(?:breach|hack|leak|incident|intrusion|cyberattack|cyber-attack|attack|theft|exposure|unauthori[sz]ed|hackers|attackers|intruders?|compromised|broken into|broke into|accessed|exposed|stolen|breached|hacked)/i;
// Looser, within one clause (case-sensitive: the words between must be lowercase): "Wonga appears to be the latest brand to suffer a data breach".
const CLAUSE_AFTER =
  /^(?:\s+(?!(?:said|says|told|according|reported|claims?|claimed|warned|found|discovered)\b)[a-z][\w'’-]*){0,8}?\s+(?:(?:has|have|had|was|were|is|been|be|being|got)\s+(?:\w+\s+){0,2}(?:hacked|breached|compromised|infiltrated)|suffer(?:ed|s|ing)?\s+(?:\w+\s+){0,3}(?:breach|hack|attack|leak|intrusion|incident|compromise))\b/;
// What a name went through after its breach, within one clause: "USPS has faced scrutiny
// in the past, after a 2014 hack exposed ...", "Acme paid a fine following the breach"; a
// breach "of" someone else names that one instead ("published emails following a hack of").
const AFTERMATH_AFTER =
  /^(?:\s+(?!(?:said|says|told|according|reported|claims?|claimed|warned|found|discovered|wrote|noted)\b)[a-z][\w'’-]*){1,8}?,?\s+(?:after|following)\s+(?:a|an|the|its|their|last year['’]s)?\s*(?:(?:\d{4}|[a-z][\w-]*)\s+){0,2}(?:breach|hack|leak|cyberattack|cyber-attack|intrusion|compromise)\b(?!\s*[—–-]|\s+(?:of|on|at|against|into|targeting|affecting)\b)/;
// "LinkedIn had 164 million email addresses exposed", "Yahoo! had their service compromised":
// the owner of what was breached.
const HAD_BREACHED_AFTER =
  /^!?\s+had\s+(?:(?:[^.;,]|\.(?=\d)){0,80}?\s)?(?:exposed|stolen|leaked|compromised|breached|hacked|scraped|accessed|obtained|dumped|taken|published|posted|exfiltrated|downloaded)\b/i;
// "the Department of Energy, with 9,000 staff records exposed", "Acme with 88,000 leaked
// customer records": a name given the count of its own data that was breached.
const WITH_BREACHED_COUNT_AFTER = new RegExp(
  String.raw`^(?:\s*\([^)]{0,40}\))?,?\s+with\s+(?:(?:more than|over|nearly|almost|about|around|some|up to)\s+)?\d[\d,.]*(?:\s*(?:million|billion|k|m)\b)?\s+(?:(?:leaked|exposed|stolen|compromised|breached|affected|hacked)\s+(?:[\w-]+\s+){0,2}?${VICTIM_NOUN}|(?:[\w-]+\s+){0,2}?${VICTIM_NOUN}\s+(?:(?:were|was|being)\s+)?(?:leaked|exposed|stolen|compromised|breached|affected|hacked))\b`,
  'i',
);
const STRONG_AFTER = [NOUN_AFTER, VERB_AFTER, DISCLOSURE_AFTER, CLAUSE_AFTER, AFTERMATH_AFTER, HAD_BREACHED_AFTER, WITH_BREACHED_COUNT_AFTER];
const STRONG_BEFORE = [
  // The words between may not hand the name another role ("breach revealed in RedLock's report").
  // A bare "hack" or "breach" is a verb only after a subject, "to" or a modal ("hackers
  // breach X"); otherwise it is a noun ("the breach to HIBP", "data breach monitoring").
  /(?:\b(?:to|could|can|would|will|did|may|might|must|they|we|hackers?|attackers?|criminals|thieves)\s+(?:hack|breach|compromise|infiltrate|attack|target)|\b(?:hack(?:ed|ing)|breach(?:ed|ing)|compromis(?:ed|ing)|infiltrat(?:ed|ing)|attack(?:ed|ing)|target(?:ed|ing)|broke into|break into|breaking into|penetrated|hijacked|defaced|stole from|stolen from|taken from|leaked from|exfiltrated from|obtained from|scraped from|downloaded from|sourced from|originating from|originated from|accessed))\s+(?:the\s+|a\s+)?(?:(?!(?:by|according|revealed|reported|said|says|found|discovered|disclosed|published)\b)[\w-]+\s+){0,2}$/i,
  /\b(?:breach(?:es)?|hacks?|leaks?|attacks?|intrusions?|incidents?|compromises?|cyberattacks?|cyber-attacks?)\s+(?:(?:was|were|came)\s+)?(?:at|of|on|from|against|affecting|hitting|targeting|involving|into|impacting|(?:(?:also|have|has|had|already|recently)\s+){1,3}(?:hit|struck|affected|impacted))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i,
  new RegExp(String.raw`\b${VICTIM_NOUN}\s+(?:of|at|from|for|belonging to|held by)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$`, 'i'),
  /\b(?:data|information|details|records)\s+(?:on|about|belonging to)\s+(?:[\w-]+\s+){0,4}$/i,
  // "a database hosted by data aggregator Adapt": the holder of the data.
  /\b(?:databases?|data|servers?|records|files|systems?|backups?|instances?|buckets?)\s+(?:[\w-]+\s+){0,2}(?:hosted|owned|operated|run|maintained|managed|held|stored|controlled)\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$/i,
  // "stole unreleased content from ABC", "took 40 GB of files from the council".
  /\b(?:stole|stolen|took|taken|leaked|downloaded|exfiltrated|copied|grabbed|swiped|siphoned|pilfered)\s+(?:[\w'’,-]+\s+){0,5}from\s+(?:the\s+)?$/i,
];
// "researcher Victor Gevers from the GDI Foundation": a finder's employer, with or without
// the finder's name between.
const FINDER_BEFORE = /\b(?:[Rr]esearchers?|[Aa]nalysts?|[Ee]xperts?|[Ii]nvestigators?)\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:at|from|with|of)\s+(?:the\s+)?$/;
const NON_VICTIM_BEFORE =
  /\b(?:(?<!\b(?:hosted|owned|operated|run|maintained|managed|held|stored|used|controlled|followed|trailed|preceded|produced|developed|created|built) )by|hackers? (?:group|collective)|hacking (?:group|collective|team|crew)|(?:the|a|criminal|activist|hacktivist|extortion|ransomware) group|according to|researchers? (?:at|from|with)|analysts? (?:at|from|with)|experts? (?:at|from|with)|reported by|first reported|told|via|(?:security|research|cybersecurity|cyber security|intelligence|consulting|analytics|analyst|market research|law|forensics and security) (?:firm|company|vendor|provider|outfit|researchers?|experts?|team)|researcher|journalist|reporter|(?<!social )(?:news|media) (?:outlet|site|agency)|published (?:by|in|on)|report (?:by|from)|a report by|study by|survey by|(?:cited|quoted) (?:by|in)|regulator|watchdog|commissioner)\s+(?:(?:known as|called|named|dubbed|calling (?:itself|themselves)|that calls? (?:itself|themselves)|who call themselves)\s+)?(?:the\s+)?$/i;
// The subject of an active breach verb is the attacker: "Fancy Bear hacked into the WADA
// database", "TDO got their hands on the episodes".
const ATTACKER_AFTER =
  /^\)?(?:,[^,]{0,60},)?\s+(?:also\s+|allegedly\s+|reportedly\s+|then\s+|later\s+)?(?:hacked(?: into)?|breached|stole|infiltrated|broke into|got (?:their|its|his|her) hands on|made off with|claimed responsibility|claims? to have|claimed to have|dumped|defaced|compromised)\s+(?!by\b)/i;
// Regulators and watchdogs investigate breaches; they are victims only when breached.
const REGULATOR = /\b(?:Commission(?:er)?|Regulat\w+|Attorney General|Ombudsman|Protection Bureau|Data Protection|Inspector General|Watchdog|Trade Commission)\b/;
const NON_VICTIM_AFTER =
  /^(?:'s|’s)?\s*(?:security |threat |research |intelligence )?(?:hackers?|hacking (?:group|team|crew)|group of hackers|gang|crew|threat actors?|cyber ?criminals|cyber-?espionage|apt group|researchers?|analysts?|experts?|research(?:er)? team|labs?|threat intelligence|report(?:ed|s)? (?:that|on)|told|wrote|notes|noted|explained|said in a (?:blog|report)|blog|spokes(?:man|woman|person)|founder|ceo|chief)/i;

// Outlets, security vendors, regulators and search/threat-intel services that news about
// breaches cites. A prior, not a veto: being breached ("Kaspersky was hacked") still counts.
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

const TECHNOLOGY = new Set(TECHNOLOGY_NAMES.map((n) => n.toLowerCase()));
const TECHNOLOGY_AS_KIND =
  /^(?:[\s-]+based)?\s+(?:forums?|boards?|software|instances?|databases?|servers?|buckets?|clusters?|sites?|websites?|platforms?|apps?|engines?|installations?|scripts?|plugins?|themes?|accounts?|hashes|hashing)\b/i;

// "the GhostAdmin malware", "WannaCry victims", "the Lazarus group's targets": the name of
// an attack tool or of those who attack.
const ATTACK_TOOL_AFTER = new RegExp(String.raw`^(?:['’]s)?[\s-]+(?:(?:[\w-]+\s+)?(?:${termAlternation(MALWARE_KINDS)})|victims|targets)\b`, 'i');

// "MySQL", and a run of such names ("vBulletin MySQL").
function isTechnology(name: string): boolean {
  const lower = name.toLowerCase();
  return TECHNOLOGY.has(lower) || (/\s/.test(lower) && lower.split(/\s+/).every((w) => TECHNOLOGY.has(w)));
}

/** The words after a name say it was itself breached ("suffered a breach", "had its data exposed"). */
export function isBreachedAfter(after: string): boolean {
  const text = after.replace(/^["”]/, '');
  return VERB_AFTER.test(text) || HAD_BREACHED_AFTER.test(text);
}

/**
 * The role of the name at [start, end) of a breach sentence: 3 a victim's, 1 merely
 * mentioned, -2 a reporter's, finder's or attacker's, -3 an outlet or vendor not breached.
 */
export function scoreVictimRole(sentence: string, start: number, end: number, name: string): number {
  const isReporter = REPORTING_ROLES.has(name.toLowerCase()) || isTechnology(name) || REGULATOR.test(name);
  // An aside between dashes does not part a breach from its victim ("a hack—allegedly by
  // state actors—of the party's servers").
  // A quoted name is read as if unquoted ("the website "Aimware" suffered").
  const before = sentence.slice(Math.max(0, start - 160), start).replace(/\s*[—–]\s*[^—–]{1,80}[—–]\s*/g, ' ').replace(/["“]$/, '').slice(-80);
  const after = sentence.slice(end, end + 120).replace(/^["”]/, '');
  if (NON_VICTIM_BEFORE.test(before) || FINDER_BEFORE.test(before) || NON_VICTIM_AFTER.test(after) || ATTACKER_AFTER.test(after)) return -2;
  if (ATTACK_TOOL_AFTER.test(after)) return -3;
  // "the vBulletin forum", "a MongoDB instance": software named as the kind of a system.
  if (isTechnology(name) && TECHNOLOGY_AS_KIND.test(after)) return -3;
  // Outlets, vendors and technologies hold data and report breaches: only being breached counts.
  if (isReporter) return isBreachedAfter(after) || STRONG_BEFORE[0].test(before) ? 3 : -3;
  if (STRONG_AFTER.some((re) => re.test(after)) || STRONG_BEFORE.some((re) => re.test(before))) return 3;
  return 1;
}

const LIST_GAP = /^(?:\s+with\s+[\d,.]+(?:\s+(?:million|billion))?(?:\s+[a-z]+)?|\s*\([^)]{0,40}\))?\s*(?:,|,?\s*(?:and|or|&))\s*$/;

// Names coordinated in one list share the strongest role of the list: "a hacking spree on
// hotel chains including Hyatt, Hilton and Starwood" makes all three victims.
export function shareListRoles(text: string, all: { m: NameMention; s: number | null }[]): void {
  // A name in parentheses after another ("Norfolk County (norfolkcounty.ca)") is its aside:
  // it takes the role of the name it follows and does not break the list.
  const isAside = (k: number) => k > 0 && /^\s*\($/.test(text.slice(all[k - 1].m.end, all[k].m.start)) && text[all[k].m.end] === ')';
  const scored = all.filter((_, k) => !isAside(k));
  shareRoles(text, scored);
  for (let k = 1; k < all.length; k++) if (isAside(k) && all[k].s !== null && all[k - 1].s !== null) all[k].s = Math.max(all[k].s!, all[k - 1].s!);
}

function shareRoles(text: string, scored: { m: NameMention; s: number | null }[]): void {
  let i = 0;
  while (i < scored.length) {
    let j = i;
    // Items may carry a count or an aside: "CVS with 40,739 records, Citigroup with 35,292".
    while (j + 1 < scored.length && LIST_GAP.test(text.slice(scored[j].m.end, scored[j + 1].m.start))) j++;
    if (j > i) {
      const roles = scored.slice(i, j + 1).map((x) => x.s ?? -Infinity);
      const best = Math.max(...roles);
      const listAfter = text.slice(Math.max(0, scored[i].m.start - 60), scored[i].m.start);
      // "... include at least one law firm, Norfolk County, United Way and ...": one unnamed item may lead.
      const isVictimList = best >= 3 || /\b(?:including|includ(?:ed|es|e)|such as|like|among them|namely)\s*:?\s*(?:[^,.;]{1,40},\s*)?$/i.test(listAfter);
      if (isVictimList) for (let k = i; k <= j; k++) if (scored[k].s !== null && scored[k].s! >= 1) scored[k].s = Math.max(3, best);
    }
    i = j + 1;
  }
}
