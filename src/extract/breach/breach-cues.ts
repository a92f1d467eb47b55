// Does a sentence report a data breach as a fact? A breach is unauthorized access to,
// exposure, theft or leak of data: a breach noun ("data breach", "the hack") or a breach
// verb ("was hacked", "stole", "exposed") near a data object ("customer records"), not
// under a modal or conditional ("could allow attackers to steal"), not denied ("no data
// was taken"), and not advice ("how to protect your passwords"). Present-tense and
// attributive uses ("malware steals data", "compromised machines") describe how attacks
// work more often than they report one, so they count as weak cues; so do attacks that
// only lock or disrupt systems (ransomware with no data named as taken), what a flaw made
// reachable ("a bug that exposed user data") and data taken from people by deceit
// ("passwords harvested through fake login pages" is phishing).

import { DATA_NOUNS, ORGANIZATION_PLURALS, SYSTEM_PLURALS, termAlternation } from './vocabulary';

export interface BreachCue {
  /** Verbatim cue words. */
  text: string;
  /** Offset of the cue in the sentence. */
  index: number;
  /** 2: explicit ("data breach", "stole customer data"); 1: suggestive ("was hacked"). */
  strength: number;
  /** The cue tells what a flaw or product exposed ("a bug that exposed user data"). */
  isFlaw?: boolean;
}

// Data nouns and the fields commonly named as taken.
const DATA_OBJECT = new RegExp(
  String.raw`\b(?:${DATA_NOUNS.join('|')}|databases?|details|messages|usernames?|logins?|card (?:numbers|data|details)|credit cards?|debit cards?|pii|phi|ssns?|social security numbers|addresses|names|phone numbers|photos|images|videos?|source code|contacts|profiles|identities|dossiers?|archives?|customer lists?|episodes?|movies?|films?|shows|content|trade secrets|intellectual property|contents|w-?2s?|tax forms|footage|recordings|cables)\b`,
  'i',
);
const DISRUPTIVE_ATTACK = /\b(?:ransomware|ransom|ddos|denial[- ]of[- ]service|defac(?:ed|ing|ement)|encrypt(?:ed|ing|s)|locked|botnets?|hijack(?:ed|ing|s)?|crippl(?:ed|ing|es)|disrupt(?:ed|ing|ion|s)?|outages?)\b/i;
// "a flaw in its portal that exposed", "the VPN client leaked": a flaw or a product as the
// subject of an exposure.
const FLAW_SUBJECT_BEFORE = /\b(?:flaws?|bugs?|vulnerabilit(?:y|ies)|loopholes?|security holes?|glitch(?:es)?|exploits?|(?:client|app|application|software|extension|plug-?in|browser|router|firmware|camera|controller|keyboard)s?)\b(?:\s+(?:in|on|of|affecting)(?:\s+[\w'’.-]+){1,4}?)?(?:\s+(?:that|which))?(?:\s+(?:has|had|have))?(?:\s+\w+ly)?\s+$/i;
// "details were exposed in the information disclosure vulnerability": a flaw as the means.
const FLAW_MEANS_AFTER = /^\s+(?:in|by|through|via|due to|because of|thanks to)\s+(?:a|an|the|this|that|its|their)?\s*(?:[\w'’"-]+\s+){0,3}(?:flaws?|bugs?|vulnerabilit(?:y|ies)|loopholes?|security holes?|glitch(?:es)?)\b/i;
const DECEIT_MEANS = /^[^.;]*?\b(?:via|through|using|with|by means of|by sending|in) (?:a |an |the |their )?(?:[\w-]+ ){0,2}(?:phishing|phony|fake|spoofed|fraudulent|bogus|scam)\b/i;
const HEDGE_BEFORE = /\b(?:may|might|could|possibly|potentially) (?:have )?(?:been )?$/i;
const LOCKED_DATA_BEFORE = /\b(?:encrypt(?:ed|ing|s)?|lock(?:ed|ing|s)?|delet(?:ed|ing|es)|wip(?:ed|ing|es)|corrupt(?:ed|ing|s)?|scrambl(?:ed|ing|es)|restor(?:ed|ing|es)|recover(?:ed|ing|s)?|unlock(?:ed|ing|s)?|decrypt(?:ed|ing|s)?)\s+(?:[\w'’-]+\s+){0,3}$/i;
const DATA_OBJECT_ALL = new RegExp(DATA_OBJECT.source, 'gi');
const SYSTEM_OBJECT = /\b(?:servers?|systems?|networks?|websites?|site|portal|forums?|database|cloud|computers?|platform|app|buckets?|storage|instances?|repositor(?:y|ies))\b/i;

// Breach nouns name the event itself. A capitalised word after them makes them part of a
// name ("Data Breach Investigations Report", "Security Incident Response Team").
const NOT_IN_NAME = String.raw`(?!\s+(?:Investigations?|Report|Response|Team|Notification|Prevention|Management|Act|Law|Index|Summit|Conference|Day)\b)`;
const BREACH_NOUN = new RegExp(
  String.raw`\bunauthori[sz]ed (?:access|intrusion|disclosure|acquisition)\b|\b(?:data |information )?security incident${NOT_IN_NAME}\b|\bcyber ?(?:security )?incident${NOT_IN_NAME}\b|\b(?:data|security|privacy|cyber|database|network|system|massive|major|huge|latest|recent|reported|alleged|mega)[ -](?:breach|leak)${NOT_IN_NAME}\b|(?<=\b(?:a|the|this|that|its|their) (?:(?!(?:memory|gas|water|oil|fuel|pipe|roof|radiation)\b)[\w-]+ )?)(?<!\b(?:memory|gas|water|oil|fuel|pipe|roof|radiation) )(?:breach|leak|hack|dump)(?! of (?:contract|trust|the peace|duty|privacy law))${NOT_IN_NAME}\b|\bbreach of (?:\w+ ){0,3}(?:data|information|records|security|systems?|servers?|networks?|databases?|accounts?)\b|\bdata (?:theft|exposure|dump|spill|incident|compromise)\b|\b(?:leak|theft|exposure|dump|disclosure|release) of (?:[\w'’-]+ ){0,4}(?:data|information|records|details|e-?mails|e-?mail addresses|files|documents|passwords|credentials|accounts|usernames|w-?2|trade secrets|intellectual property)`,
  'gi',
);
// Plural breach nouns are mostly about breaches in general.
const GENERIC_BREACH_NOUN = /\b(?:data|security|cyber) (?:breaches|leaks)\b/gi;
// ... unless they hit someone named: "card breaches have also hit hotel chains Starwood and
// Hyatt" reports past breaches (the name's capital is checked case-sensitively).
const PLURAL_BREACHES_HIT =
  /\b(?:[Cc]ard|[Dd]ata|[Ss]ecurity|[Pp]ayment|[Ss]imilar|[Ee]arlier|[Pp]ast|[Pp]revious)\s+(?:breaches|hacks|leaks)\s+(?:(?:also|have|has|had|already|recently)\s+){0,3}(?:hit|struck|affected|impacted)\s+(?:(?!(?:in|at|on|across|around|from|of|for|throughout|during)\b)[a-z][\w-]*\s+){0,3}(?=[A-Z])/g;

// "the site suffered multiple data breaches": breaches someone named went through.
const SUFFERED_BREACHES = /\b(?:suffered|experienced|sustained|disclosed|reported) (?:multiple|several|two|three|four|a series of|a string of|repeated|numerous|successive) (?:separate |major |serious |large )?(?:data |security )?(?:breaches|hacks|leaks)\b/gi;

// "Retailers that have disclosed card breaches this year include Acme and Brio": a list of
// named organizations that went through breaches.
const BREACHED_LIST = /\b(?:acknowledged|admitted|confirmed|disclosed|reported|suffered|experienced|sustained)\s+(?:(?:card|payment|data|security|cyber|major|similar)\s+)?(?:breaches|hacks|intrusions)\b[^.;]{0,80}?\binclud(?:e|ed|es|ing)\b/gi;

// "X was among a collection of compromised forums": one of several breached systems.
const AMONG_BREACHED = new RegExp(
  String.raw`\b(?:was|were|is|are)\s+(?:(?:also|reportedly|allegedly)\s+)?(?:among|amongst)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}?(?:compromised|hacked|breached|leaked)\s+(?:[\w.-]+\s+){0,2}?(?:${termAlternation([...SYSTEM_PLURALS, ...ORGANIZATION_PLURALS, 'victims'])})\b`,
  'gi',
);

// Past-tense and participle breach verbs: reports of what happened.
const PAST_VERB =
  /\b(?:breached|hacked|leaked|stolen|stole|took(?! (?:(?:a|an|one|two|three|several|many|\d+) )?(?:years?|months?|weeks?|days?|hours?|minutes?|while)\b)(?! (?:place|over|to|offline|down|steps|action|part|time|measures|advantage|responsibility|credit|control))|taken(?! (?:offline|down|over|into|to|steps|action|care|place|seriously))|exposed(?! to (?:[\w-]+ ){0,3}(?:vulnerabilit(?:y|ies)|attacks?|risks?|threats?|hack(?:ing|ers?)|dangers?|flaws?|bugs?|exploits?|exploitation|malware|abuse))|compromised|exfiltrated|dumped|sold|taken from|ransacked|obtained(?! by (?!(?:the )?(?:hackers?|attackers?|criminals?|cyber-?criminals?|fraudsters?|thieves|scammers?|intruders?|(?:an? |the )?(?:unauthori[sz]ed|unknown) (?:party|parties|third part(?:y|ies)|individuals?|person|people))\b))|copied|downloaded|released (?:the |a |an |some )?(?:[\w,.-]+ ){0,3}(?:records|data|database|files|documents|e-?mails|details)(?! (?:about|showing|that shows?|which shows?|suggesting|indicating))|(?:posted|published|uploaded|shared|dumped|released|put up|offered) (?:a |the |an )?(?:[\w.-]+ ){0,3}(?:database|dump|trove|cache|archive)|snooped|looked (?:at|through)|without (?:a |any )?(?:valid |legitimate |business |work-related )?(?:reason|authori[sz]ation|permission|need)|published (?:a |the )?(?:(?:over |more than |nearly |about |some )?[\d.,]+\s*(?:[kmgt]b|gigabytes|terabytes) of )?(?:database|data|details|records|files|documents|e-?mails)|(?:being |been )?circulated|swiped|siphoned|scraped|pulled (?:from|off)|(?:saw|watched) (?:[\w'’-]+ ){1,3}(?:steal|leak|release|dump|expose|access|take|publish|post)|pilfered|harvested|had (?:[\w'’,-]+ ){1,8}?(?:published|posted|dumped|leaked|exposed|stolen)(?= (?:via|on|online|to|by|in)\b)|accessed|infiltrated|broke into|broken into|(?:gained|gave|giving|given|got|obtained|had) (?:\w+ ){0,2}(?:full |unauthori[sz]ed |remote |illicit )?access to|gained (?:unauthori[sz]ed )?access|(?:got|get|gets) (?:their|his|her) hands on|made off with|posted (?:online|publicly)|published online|(?:up|put up|offered|listed|found|available|advertised|being offered) for sale|sold (?:online|on the dark web)|made public|left (?:\w+ ){0,2}(?:exposed|unprotected|unsecured|open)|unsecured|unprotected|misconfigured|publicly (?:accessible|facing|exposed|available)|(?:was|were|been|being) (?:(?:publicly|subsequently|later|also|allegedly|reportedly|then|widely|freely) )?(?:posted|shared|dumped|published|released|circulated|traded|sold|uploaded|listed|offered|advertised|redistributed)(?= (?:to|on|online|in|across|publicly|for sale)\b|\s*(?:[.;]|$))|without (?:a )?password|circulating (?:online|on)|surfaced (?:online|on)|turned up (?:online|on)|appeared (?:online|on)|being sold|traded (?:online|on)|(?:were |was |are |is |became |the |fell )?victims? (?:of|to) (?:a |an |the )?(?:(?!ransomware|ddos|denial)[\w,-]+ ){0,3}(?:cyber|data|hack|breach|security|attack|phishing|scam)|(?:handed|delivered|sent|released|given|emailed|provided|forwarded|disclosed)(?: [\w'’-]+){0,6} to (?:a |an |the )?(?:scam artist|scammers?|fraudsters?|criminals?|phishers?|attackers?|hackers?|thie(?:f|ves)|imposters?|impostors?|unauthori[sz]ed)|(?:external|unauthori[sz]ed|accidental|inadvertent) release of|released outside)\b/gi;
// Present and infinitive forms: "malware steals passwords" describes a capability.
const PRESENT_VERB = /\b(?:steals?|stealing|leaks?|leaking|exposes?|exposing|dumps?|sells?|selling|breaches|hacks? into|compromises)\b/gi;

const HACK_EVENT = new RegExp(String.raw`\b(?:hack(?:ed|s)?|cyber[- ]?attacks?|intrusions?|breach(?:es|ed)?|break-ins?|leaks?)${NOT_IN_NAME}\b`, 'i');

// Modal, conditional or purpose context right before a cue: not a report of a fact.
const IRREALIS_BEFORE =
  /\b(?:could|can|cannot|can['’]t|would|should|might|will|won['’]t|must|allows?|allowed|allowing|enables?|enabling|lets?|able to|ability to|capable of|capability to|attempt(?:s|ed|ing)? to|tr(?:y|ies|ied|ying) to|in order to|designed to|built to|meant to|intended to|used to|how to|prevent(?:s|ing)?|protect(?:s|ing)?|avoid(?:s|ing)?|risk of|chance of|potential(?:ly)?|possible|threat of|vulnerable to|susceptible to|want(?:s|ed)? to|plan(?:s|ned)? to|aim(?:s|ed)? to|seek(?:s|ing)? to|sought to|threaten(?:s|ed|ing)? to|in an effort to|so as to)\b(?:(?!\b(?:whose|who|which|that)\b)[^.;]){0,40}$/i;
// "was hacked", "has likely been breached".
const PASSIVE_BEFORE = /\b(?:was|were|been|got|is|are|being)\s+(?:(?:reportedly|apparently|allegedly|likely|probably|possibly|also|recently|successfully)\s+)?$/i;
// "managed to steal": an infinitive that reports an outcome; so does "was found to be leaking".
// "a flaw was exploited to expose ...": a past passive use reports what it achieved.
const ACHIEVED_BEFORE = /\b(?:managed|were able|was able|succeeded in|went on|(?:was|were) (?:exploited|used|abused|leveraged)) to\s+$|\b(?:was|were|been) (?:found|discovered|caught|seen|spotted) to be\s+$/i;
// "may have been accessed" is hedged but still a report; plain "may be stolen" is not.
// "could have gained access" is counterfactual (what a flaw allowed), "could have been
// accessed" a hedged report.
const HEDGED_REALIS = /\b(?:(?:may|might|must|appears? to|seems? to|believed to|thought to|said to|reported to|likely to|claim(?:s|ed|ing)? to) have (?:been )?|could have been |(?:managed|were able|was able|succeeded in|went on|(?:was|were) (?:exploited|used|abused|leveraged)) to )$/i;
// A conditional clause runs to its comma ("if there is any sign that data was taken, ...");
// a feared or suspected event is not reported ("prompted fears that records may have been stolen").
const CONDITIONAL_CLAUSE = /\b(?:if|whether|unless|in case|in the event|(?:at )?risk of|danger of|threat of|chance of)\b[^,.;:]*$/i;
// A modal governs its verb phrase up to the clause's end ("users could see their personal
// or financial information leaked").
// A relative clause starts a new verb phrase ("will notify patients whose
// records were accessed" reports the access).
const MODAL_CLAUSE = /\b(?:could|can|cannot|can['’]t|would|should|might|will|won['’]t)\b(?:(?!\b(?:whose|who|which|that)\b)[^,.;:]){0,80}$/i;
const FEARED_CLAUSE = /\b(?:fears?|concerns?|worr(?:y|ies|ied)|speculation|suspicions?|possibility|danger|suggestion|rumou?rs?|claims?)(?:\s+[\w'’-]+){0,3}\s+that\b[^.;:]*$/i;
const DENIAL_NEAR =
  /(?:\b(?:no|not|never|neither|nor|none|nothing|without|denied|denies|deny)\b|\w+n['’]t(?![\w'’]))[^.;]{0,30}$/i;
const DENIED_TELLING =
  /(?:\b(?:not|never)|n['’]t)\s+(?:(?:yet|been|be|being|even|ever|still|publicly)\s+){0,2}(?:told|informed|notified|alerted|warned|disclosed|revealed|announced|reported|made aware)\s+(?:\w+\s+){0,3}(?:about|of)?\s*$/i;
const DENIAL_CLAUSE =
  /\b(?:no (?:evidence|indication|sign|reason to believe|proof)|(?:do|does|did|is|was|are|were)(?: not|n['’]t) (?:believe|think|appear|seem|aware|know of)|not aware|found no|there (?:is|was) no|denied that|denies that|rul(?:ed|es) out)\b[^.;]{0,150}$/i;
const AGGREGATE =
  /\bacross (?:all|many|most|multiple|various|numerous|the)\s+(?:[\w-]+\s+)?(?:industr(?:y|ies)|sectors?|businesses|organi[sz]ations|companies|firms|enterprises|countries|hospitals|retailers|websites|sites)\b/i;
const GENERIC_CONTEXT = /\b(?:how to|tips? (?:for|to)|best practices|what to do|steps to|here's how|guide to|you should|make sure)\b/i;
const ATTRIBUTIVE_BEFORE = /(?:\b(?:a|an|the|from|on|to|of|via|into|through|by|with|using|its|their|his|her|my|your|our|more|many|multiple|several|numerous|other|these|those|any|some|all)|\w['’]s|\ws['’])\s+$/i;
// Words that show a participle is a verb, not a modifier ("stolen from", "hacked by").
const FUNCTION_WORD_AFTER = /^\s+(?:by|from|in|on|at|to|into|with|and|or|but|as|for|of|during|via|through|after|before|when|while|since|because|online|publicly|last|earlier|this|that|which|who|is|was|were|are|has|have|had|over|under|until|without)\b|^\s*[^\w\s]/i;
// "compromised machines", "stolen credentials": a participle before a noun.
const ATTRIBUTIVE_AFTER = /^\s+(?:\w+\s+)?(?:machines?|computers?|devices?|websites?|sites?|servers?|hosts?|systems?|routers?|pcs?|endpoints?|credentials|accounts?|cards?|identities|certificates?)\b/i;

/** The breach cues of a sentence that report something as having happened. */
export function findBreachCues(sentence: string): BreachCue[] {
  if (GENERIC_CONTEXT.test(sentence)) return [];
  const cues: BreachCue[] = [];
  for (const m of sentence.matchAll(BREACH_NOUN)) {
    if (isIrrealisAt(sentence, m.index, false)) continue;
    // "a breach, which it now says was a ransomware attack": a lock-out named a breach.
    const strength = DISRUPTIVE_ATTACK.test(sentence) && !hasDataNear(sentence, m.index, m[0].length) ? 1 : 2;
    cues.push({ text: m[0], index: m.index, strength });
  }
  for (const m of sentence.matchAll(GENERIC_BREACH_NOUN)) {
    if (!isIrrealisAt(sentence, m.index, false)) cues.push({ text: m[0], index: m.index, strength: 1 });
  }
  for (const m of sentence.matchAll(SUFFERED_BREACHES)) {
    if (!isIrrealisAt(sentence, m.index, true)) cues.push({ text: m[0], index: m.index, strength: 2 });
  }
  for (const m of /\bamong/i.test(sentence) ? sentence.matchAll(AMONG_BREACHED) : []) {
    if (!isIrrealisAt(sentence, m.index, true)) cues.push({ text: m[0], index: m.index, strength: 2 });
  }
  for (const m of /\binclud/i.test(sentence) ? sentence.matchAll(BREACHED_LIST) : []) {
    if (!isIrrealisAt(sentence, m.index, true)) cues.push({ text: m[0], index: m.index, strength: 2 });
  }
  for (const m of sentence.matchAll(PLURAL_BREACHES_HIT)) {
    if (!isIrrealisAt(sentence, m.index, false)) cues.push({ text: m[0].trim(), index: m.index, strength: 2 });
  }
  for (const m of sentence.matchAll(PAST_VERB)) {
    if (isIrrealisAt(sentence, m.index, true)) continue;
    // A victim of phishing or a scam counts only when data is named ("fell victim to a W-2
    // phishing scam"); otherwise it is the campaign, not a breach.
    if (/^(?:.*\s)?victims?\s.*(?:phishing|scam)$/i.test(m[0]) && !hasDataNear(sentence, m.index, m[0].length)) continue;
    let strength = hasObjectNear(sentence, m.index, m[0].length) ? 2 : isStandaloneVerb(m[0]) ? 1 : 0;
    // "were victims of a cyber attack that sought to steal card data": the victims of an
    // attack on data, whatever it managed to take.
    if (strength === 1 && /victim/i.test(m[0]) && isAttackOnData(sentence.slice(m.index + m[0].length, m.index + m[0].length + 80))) strength = 2;
    // "The site was hacked", "Orbitz has likely been breached": a passive report names its victim.
    if (strength === 1 && /^(?:hacked|breached|compromised|infiltrated)$/i.test(m[0]) && PASSIVE_BEFORE.test(sentence.slice(Math.max(0, m.index - 30), m.index))) strength = 2;
    if (strength === 2 && isAttributive(sentence, m.index, m[0])) strength = 1;
    // "hacked with ransomware", "servers were compromised and encrypted": an attack that
    // locks or defaces systems is not a breach unless data is named as taken.
    if (strength === 2 && DISRUPTIVE_ATTACK.test(sentence) && !hasDataNear(sentence, m.index, m[0].length)) strength = 1;
    // "a flaw that exposed users’ data": what a vulnerability made reachable, not what
    // someone took.
    const isFlaw =
      FLAW_SUBJECT_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index)) || FLAW_MEANS_AFTER.test(sentence.slice(m.index + m[0].length));
    if (strength === 2 && isFlaw) strength = 1;
    // "credentials were harvested using phony login forms": taken from people by deceit is
    // phishing, not a breach of the organization holding the data.
    if (strength === 2 && DECEIT_MEANS.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 80))) strength = 1;
    // "hackers may have accessed portions of the network": a suspected intrusion into
    // systems, with no data named, is not yet a report of exposure.
    // What "may have accessed" reached is its object: data named before it belongs to
    // another clause ("suspicious accounts were found suggesting hackers may have accessed
    // parts of the network").
    const hedge = HEDGE_BEFORE.exec(sentence.slice(Math.max(0, m.index - 30), m.index));
    if (strength === 2 && hedge && !(/\bbeen $/i.test(hedge[0]) ? hasDataNear : hasDataAfter)(sentence, m.index, m[0].length)) strength = 1;
    if (strength > 0) cues.push(isFlaw ? { text: m[0], index: m.index, strength, isFlaw } : { text: m[0], index: m.index, strength });
  }
  for (const m of sentence.matchAll(PRESENT_VERB)) {
    if (isIrrealisAt(sentence, m.index, true)) continue;
    // "managed to steal" reports what happened; "to steal" alone is a purpose, "steals" a capability.
    const before = sentence.slice(Math.max(0, m.index - 30), m.index);
    const achieved = ACHIEVED_BEFORE.test(before);
    if (!achieved && /\bto\s+$/i.test(before)) continue;
    const strength = achieved ? 2 : 1;
    if (hasObjectNear(sentence, m.index, m[0].length)) cues.push({ text: m[0], index: m.index, strength });
  }
  if (!cues.length) {
    const hack = HACK_EVENT.exec(sentence);
    if (hack && !isIrrealisAt(sentence, hack.index, true) && hasObjectNear(sentence, hack.index, hack[0].length)) {
      cues.push({ text: hack[0], index: hack.index, strength: 1 });
    }
  }
  // "980 breaches across all online businesses": a tally over a whole sector reports no
  // one breach.
  if (AGGREGATE.test(sentence)) for (const c of cues) c.strength = Math.min(c.strength, 1);
  return cues.sort((a, b) => a.index - b.index);
}

/** A headline about an attack that locks, defaces or floods systems and names no data taken. */
export function isDisruptionHeadline(title: string): boolean {
  return DISRUPTIVE_ATTACK.test(title) && !DATA_OBJECT.test(title);
}

/** Whether the sentence names data at all. */
export function namesData(sentence: string): boolean {
  return DATA_OBJECT.test(sentence);
}

/** The strongest cue strength in the sentence, 0 when it reports no breach. */
export function strongestCue(sentence: string): number {
  return findBreachCues(sentence).reduce((max, c) => Math.max(max, c.strength), 0);
}

function isIrrealisAt(sentence: string, index: number, verb: boolean): boolean {
  const before = sentence.slice(Math.max(0, index - 160), index);
  if (DENIAL_CLAUSE.test(before) || CONDITIONAL_CLAUSE.test(before) || FEARED_CLAUSE.test(before)) return true;
  const near = before.slice(-60);
  const clause = near.split(/[;:]|,\s*(?:but|while|although|though|and)\b|\bbut\b/).pop() ?? near;
  if (verb && HEDGED_REALIS.test(clause)) return false;
  if (MODAL_CLAUSE.test(before.slice(-100))) return true;
  if (IRREALIS_BEFORE.test(clause)) return true;
  // "staff still haven't been told about the breach": a denied telling presupposes the breach.
  if (DENIED_TELLING.test(clause.slice(-50))) return false;
  return DENIAL_NEAR.test(clause.slice(-35));
}

// "hacked" and "breached" report an event on their own ("the site was hacked"); "accessed"
// or "obtained" need their object to mean a breach.
function isStandaloneVerb(verb: string): boolean {
  return /^(?:breached|hacked|leaked|stolen|stole|compromised|exfiltrated|dumped|broke(?:n)? into|infiltrated)$/i.test(verb) || /victim/i.test(verb);
}

function isAttributive(sentence: string, index: number, verb: string): boolean {
  if (!/^(?:compromised|stolen|hacked|breached|leaked|exposed|unsecured|unprotected|misconfigured)$/i.test(verb)) return false;
  const before = sentence.slice(Math.max(0, index - 12), index);
  if (!ATTRIBUTIVE_BEFORE.test(before)) return false;
  const after = sentence.slice(index + verb.length);
  if (ATTRIBUTIVE_AFTER.test(after)) return true;
  // "the leaked letter", "a hacked baby monitor", "more compromised IoT devices": a
  // participle before any noun but a data noun ("the stolen records" presupposes a theft).
  const phrase = /^\s+((?:[\w'’.-]+\s+){0,2}[\w'’.-]+)/.exec(after);
  return !!phrase && !FUNCTION_WORD_AFTER.test(after) && !DATA_OBJECT.test(phrase[1]);
}

// A data noun near the cue, unless a later one is denied ("... do not believe any customer
// information was stolen" does not make "victim to the attack" a data breach).
function hasDataNear(sentence: string, index: number, length: number): boolean {
  // A passive verb's subject may sit further back, past an aside ("3.4M records from X
  // (a popular ordering platform) were exposed").
  const reach = /\b(?:was|were|been)\s+$/.test(sentence.slice(Math.max(0, index - 8), index)) ? 140 : 80;
  const start = Math.max(0, index - reach);
  const window = sentence.slice(start, Math.min(sentence.length, index + length + 80));
  for (const m of window.matchAll(DATA_OBJECT_ALL)) {
    const at = start + m.index;
    // "encrypting the victims’ files": data locked or destroyed in place was not taken.
    if (LOCKED_DATA_BEFORE.test(sentence.slice(Math.max(0, at - 40), at))) continue;
    if (at < index || !isIrrealisAt(sentence, at, false)) return true;
  }
  return false;
}

// A data noun in the object window after an active cue.
function hasDataAfter(sentence: string, index: number, length: number): boolean {
  const from = index + length;
  for (const m of sentence.slice(from, from + 80).matchAll(DATA_OBJECT_ALL)) {
    const at = from + m.index;
    if (!LOCKED_DATA_BEFORE.test(sentence.slice(Math.max(0, at - 40), at)) && !isIrrealisAt(sentence, at, false)) return true;
  }
  return false;
}

// "... that sought to steal customer card data": a data object after the attack, in no denial.
function isAttackOnData(after: string): boolean {
  const data = DATA_OBJECT.exec(after);
  return !!data && !/(?:\b(?:no|not|never|nor|none|nothing|without|den(?:y|ied|ies))\b|n['’]t\b)/i.test(after.slice(0, data.index));
}

function hasObjectNear(sentence: string, index: number, length: number): boolean {
  const window = sentence.slice(Math.max(0, index - 80), Math.min(sentence.length, index + length + 80));
  if (hasDataNear(sentence, index, length)) return true;
  return /^(?:breached|hacked|accessed|infiltrated|compromised|broke into|broken into|gained|left|publicly accessible)/i.test(sentence.slice(index)) && SYSTEM_OBJECT.test(window);
}
