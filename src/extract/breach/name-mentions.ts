// Proper-name mentions by orthography: runs of capitalised tokens ("Capital One", "NHS
// Ayrshire & Arran", "eBay", "FBI.gov"), trimmed of sentence-initial and title-case common
// words. Which of them are organizations is decided by the caller with compromise's person
// and place tags and by the role the name plays in the sentence.

export interface NameMention {
  name: string;
  /** Offsets in the sentence. */
  start: number;
  end: number;
}

// A lowercase domain is a name as written ("abta.com", "mangatraders.com").
const DOMAIN = String.raw`[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|me|us|co\.uk|org\.uk|de|fr|nl|ru|cn|jp|it|es|se|pl|ca|au|com\.au|pw|to|gg|xyz)(?![\w.-]*[a-z0-9])`;
const TOKEN = String.raw`(?:${DOMAIN}|(?:[A-Z]\.){2,}|(?:St|Mt|Ft)\.(?=\s+[A-Z])|[A-Z][A-Za-z0-9'’&.\-]*[A-Za-z0-9]|[A-Z]|[a-z]+[A-Z][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*)`;
// A name starts a word: "devkitPro", not its "itPro".
const RUN = new RegExp(String.raw`(?<![A-Za-z0-9])${TOKEN}(?:(?:\s+(?:of|for|&|de|du|des|del|la|le|y)\s+|\s+|\s*&\s*)${TOKEN})*`, 'g');

/** Words that are capitalised for position or style, never names on their own. */
export const COMMON_CAPITALISED = new Set(
  (
    'a an the this that these those it its it\'s in on at of for by to from with as and or but if so yet not no ' +
    'he she they we you i his her their our your my me us them who what when where why how which while after ' +
    'before since during about according however although though also earlier later last next now today yesterday ' +
    'tomorrow then there here meanwhile still once all some many most more other another each every both few ' +
    'hackers hacker attackers attacker researchers researcher security data breach breaches hack hacked leak ' +
    'leaked stolen update updated read related share click subscribe image photo source editor note ' +
    'advertisement sponsored comments comment reply leave posted by author tags tag category news report reports ' +
    'details why what context background analysis opinion bottom line key takeaways ' +
    'customers users employees officials authorities ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr prof ' +
    'chief executive ceo cto cio ciso president director manager spokesman spokeswoman spokesperson senior vice ' +
    'cybersecurity cyber internet online web website please million billion thousand hundred percent ' +
    'gb tb mb kb isp cfo coo cto ciso iot api vpn dns ddos ssl tls pos atm hr pc pcs usb url faq gdpr hipaa pci dss sms os ai ' +
    'however, says said told'
  ).split(/\s+/),
);

/**
 * Capitalised runs of a sentence. `isCommon` flags further common words (e.g. title case),
 * given the word and its offset; `isKnownName` keeps a run whole.
 */
export function findNameMentions(
  sentence: string,
  isCommon: (word: string, offset: number) => boolean = () => false,
  isKnownName: (run: string) => boolean = () => false,
): NameMention[] {
  const out: NameMention[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(sentence); m; m = RUN.exec(sentence)) {
    // A run known as a whole ("Brightwater Credit Union" in the body) is not split on
    // words that are common elsewhere ("credit").
    const whole = trimName(m[0].replace(/^(?:The|A|An)\s+/, ''));
    if (/\s/.test(whole) && isKnownName(whole)) {
      const start = m.index + m[0].indexOf(whole);
      out.push({ name: whole, start, end: start + whole.length });
      continue;
    }
    for (const piece of splitOnCommonWords(m[0], m.index, isCommon)) out.push(piece);
  }
  return out;
}

function splitOnCommonWords(run: string, offset: number, isCommon: (word: string, offset: number) => boolean): NameMention[] {
  const pieces: NameMention[] = [];
  const tokenRe = /\S+/g;
  let cur: { start: number; end: number } | null = null;
  const flush = () => {
    if (cur) {
      const raw = run.slice(cur.start, cur.end);
      const name = trimName(raw);
      if (name) {
        const lead = raw.indexOf(name);
        pieces.push({ name, start: offset + cur.start + lead, end: offset + cur.start + lead + name.length });
      }
    }
    cur = null;
  };
  for (let t = tokenRe.exec(run); t; t = tokenRe.exec(run)) {
    const word = t[0].replace(/[.,]$/, '').replace(/(?:'s|’s|['’](?:ve|re|ll|d)|n['’]t|'|’)$/, '');
    const lower = word.toLowerCase();
    const isConnector = /^(?:of|for|&|de|du|des|del|la|le|y)$/.test(word);
    if (!isConnector && (COMMON_CAPITALISED.has(lower) || isCommon(word, offset + t.index))) {
      flush();
      continue;
    }
    if (cur) cur.end = t.index + t[0].length;
    else if (!isConnector) cur = { start: t.index, end: t.index + t[0].length };
  }
  flush();
  return pieces;
}

function trimName(raw: string): string {
  let name = raw.replace(/(?:'s|’s|'|’)$/, '').replace(/[.,:;\-]+$/, '');
  name = name.replace(/(?:\s+(?:of|for|&|de|du|des|del|la|le|y))+$/, '');
  return name.trim();
}
