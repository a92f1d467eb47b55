// Does a sentence report a data breach as a fact? A breach is unauthorized access to,
// exposure, theft or leak of data: a breach noun ("data breach", "the hack") or a breach
// verb ("was hacked", "stole", "exposed") near a data object ("customer records"), not
// under a modal or conditional ("could allow attackers to steal"), not denied ("no data
// was taken"), and not advice ("how to protect your passwords").

export interface BreachCue {
  /** Verbatim cue words. */
  text: string;
  /** Offset of the cue in the sentence. */
  index: number;
  /** 2: explicit ("data breach", "stole customer data"); 1: suggestive ("was hacked"). */
  strength: number;
}

const DATA_OBJECT =
  String.raw`(?:data(?:bases?)?|information|info|records?|details|files?|documents?|emails?|e-mails?|messages|passwords?|credentials|accounts?|usernames?|logins?|card (?:numbers|data|details)|credit cards?|debit cards?|pii|phi|ssns?|social security numbers|addresses|names|numbers|photos|images|source code|contacts|profiles|identities|dossiers?|archives?|customer lists?)`;

// Explicit breach nouns: they name the event itself.
const BREACH_NOUN =
  /\bunauthori[sz]ed (?:access|intrusion|party|third party|individuals?|person|user)\b|\b(?:data |information )?security incident\b|\bcyber ?(?:security )?incident\b|\b(?:data|security|privacy|cyber|database|network|system|massive|major|huge|latest|recent|reported|alleged|massive|mega)[ -](?:breach(?:es)?|leaks?)\b|\bbreach(?:es)? of (?:\w+ ){0,3}(?:data|information|records|security|systems?|servers?|networks?|databases?|accounts?)\b|\bdata (?:theft|exposure|dump|spill|incident|compromise)\b|\b(?:leak|theft|exposure|dump) of (?:\w+ ){0,3}(?:data|information|records|details|emails|files|documents|passwords|credentials|accounts)\b/i;

// Breach verbs; most need a data object or a victim nearby to count.
const BREACH_VERB =
  /\b(?:breached|hacked|leaked|leaks|leaking|stolen|stole|steals|steal(?:ing)?|exposed|exposes|exposing|compromised|exfiltrated|dumped|dumps|sells|selling|sold|taken from|disclosure of|unauthori[sz]ed (?:access|disclosure|acquisition)|accessed without (?:authori[sz]ation|permission)|(?:were |was |are |is |became |the |fell )?victims? (?:of|to) (?:a |an |the )?(?:cyber|data|hack|breach|security)|access to (?:\w+ ){0,2}(?:records|data|information|accounts|e-?mails|files|databases?|servers?|systems?)|swiped|siphoned|scraped|pilfered|harvested|accessed|obtained|infiltrated|broke into|broken into|gained (?:unauthori[sz]ed )?access|posted (?:online|publicly)|published online|up for sale|for sale|sold (?:online|on the dark web)|put up for sale|made public|left (?:exposed|unprotected|unsecured|open)|unsecured|unprotected|misconfigured|publicly accessible|without (?:a )?password|circulating (?:online|on)|surfaced (?:online|on)|turned up (?:online|on)|appeared (?:online|on)|offered for sale|being sold|on sale|traded (?:online|on)|dumped online)\b/gi;

const HACK_EVENT = /\b(?:hack(?:ed|s)?|cyber-?attacks?|intrusions?|breach(?:es|ed)?|break-ins?|leaks?)\b/i;

// Modal, conditional or purpose context right before a cue: not a report of a fact.
const IRREALIS_BEFORE =
  /\b(?:could|can|cannot|can't|would|should|might|will|won't|must|if|whether|unless|allows?|allowing|enables?|enabling|lets?|able to|ability to|attempt(?:s|ed|ing)? to|tr(?:y|ies|ied|ying) to|in order to|designed to|used to|how to|prevent(?:s|ing)?|protect(?:s|ing)?|avoid(?:s|ing)?|risk of|chance of|potential(?:ly)?|possible|threat of|vulnerable to|susceptible to|want(?:s|ed)? to|plan(?:s|ned)? to|aim(?:s|ed)? to|seek(?:s|ing)? to)\b[^.;]{0,40}$/i;
// "may have been accessed" is hedged but still a report; plain "may be stolen" is not.
const HEDGED_REALIS = /\b(?:may|might|could) have (?:been )?$/i;
const DENIAL_BEFORE =
  /\b(?:no|not|never|neither|nor|none|nothing|without|denied|denies|deny|den(?:y|ies) that|no evidence (?:that|of)|no indication (?:that|of)|no sign (?:that|of))\b[^.;]{0,30}$/i;
const GENERIC_CONTEXT = /\b(?:how to|tips? (?:for|to)|best practices|what to do|steps to|here's how|guide to|you should|make sure)\b/i;

/** The breach cues of a sentence that report something as having happened. */
export function findBreachCues(sentence: string): BreachCue[] {
  if (GENERIC_CONTEXT.test(sentence)) return [];
  const cues: BreachCue[] = [];
  const noun = BREACH_NOUN.exec(sentence);
  if (noun && !isIrrealisAt(sentence, noun.index, false)) {
    cues.push({ text: noun[0], index: noun.index, strength: 2 });
  }
  BREACH_VERB.lastIndex = 0;
  for (let m = BREACH_VERB.exec(sentence); m; m = BREACH_VERB.exec(sentence)) {
    if (isIrrealisAt(sentence, m.index, true)) continue;
    const strength = hasDataObjectNear(sentence, m.index, m[0].length) ? 2 : isStandaloneVerb(m[0]) ? 1 : 0;
    if (strength > 0) cues.push({ text: m[0], index: m.index, strength });
  }
  if (!cues.length) {
    const hack = HACK_EVENT.exec(sentence);
    if (hack && !isIrrealisAt(sentence, hack.index, true) && hasDataObjectNear(sentence, hack.index, hack[0].length)) {
      cues.push({ text: hack[0], index: hack.index, strength: 1 });
    }
  }
  return cues.sort((a, b) => a.index - b.index);
}

/** The strongest cue strength in the sentence, 0 when it reports no breach. */
export function scoreBreachSentence(sentence: string): number {
  return findBreachCues(sentence).reduce((max, c) => Math.max(max, c.strength), 0);
}

function isIrrealisAt(sentence: string, index: number, verb: boolean): boolean {
  const before = sentence.slice(Math.max(0, index - 60), index);
  const clause = before.split(/[;:]|,\s*(?:but|while|although|though|and)\b|\bbut\b/).pop() ?? before;
  if (verb && HEDGED_REALIS.test(clause)) return false;
  if (IRREALIS_BEFORE.test(clause)) return true;
  return DENIAL_BEFORE.test(clause.slice(-35));
}

// "hacked" and "breached" report an event on their own ("the site was hacked"); "accessed"
// or "obtained" need their object to mean a breach.
function isStandaloneVerb(verb: string): boolean {
  return /^(?:breached|hacked|leaked|stolen|stole|compromised|exfiltrated|dumped|broke(?:n)? into|infiltrated)$/i.test(verb);
}

const DATA_OBJECT_RE = new RegExp(String.raw`\b${DATA_OBJECT}\b`, 'i');

function hasDataObjectNear(sentence: string, index: number, length: number): boolean {
  const window = sentence.slice(Math.max(0, index - 70), Math.min(sentence.length, index + length + 70));
  return DATA_OBJECT_RE.test(window);
}
