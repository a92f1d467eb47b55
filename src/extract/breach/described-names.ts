// Names introduced by a descriptor: "the online betting platform 1win", "the Chinese email
// service known as 126", "Mexican bank "Banorte"", "the Israeli jobs website Jobzone". The
// descriptor says that what follows is an organization's name, whatever its spelling
// (digits, lower case, camel case, a domain), and its own words ("Taiwanese Android" in
// "the Taiwanese Android forum APKTW") describe the name rather than being one.

import { isEnglishWord } from './term-tags';
import { ORGANIZATION_HEADS, termAlternation } from './vocabulary';

export interface DescribedName {
  name: string;
  /** Offsets of the name in the sentence. */
  start: number;
  end: number;
  /** Where the descriptor starts ("the" of "the online platform 1win"). */
  descriptorStart: number;
  /** Where the descriptor's head noun ends. */
  headEnd: number;
}

// Heads are matched as written in lowercase: "Payroll Services" is part of a name.
const HEAD = new RegExp(String.raw`(?<![\w-])(?:${termAlternation(ORGANIZATION_HEADS)})(?![\w-])`, 'g');
const LINK = /^["”]?(?:\s+(?:known as|called|named|dubbed|by the name of|going by(?: the name)?)\s+|\s*,\s*|\s+)/;
const QUOTED = /^["“']([^"”']{1,50})["”']/;
const TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}.'’+&-]*[\p{L}\p{N}+]|^[\p{L}\p{N}&]/u;
// Words that end a name or cannot start one in lowercase.
const FUNCTION_WORD =
  /^(?:a|an|the|and|or|but|of|in|on|at|to|for|from|by|with|as|via|into|over|after|before|since|during|which|who|whose|that|this|these|those|it|its|their|his|her|was|were|is|are|be|been|being|has|had|have|did|does|do|said|says|suffered|exposed|leaked|reported|announced|confirmed|itself|where|when|while|also|then|later|now|not|no|all|some|users?|members?|customers?|clients?|subscribers?|players?|owners?|operators?|administrators?|admins?|staff|employees|team|data|database|databases|records|accounts?|breach|hack|leak|incident|attack|allegedly|reportedly|apparently|subsequently|previously|originally|once)$/i;
const MODIFIER_STOP =
  /^(?:a|an|the|of|in|on|at|to|from|by|with|as|via|into|over|after|before|since|during|which|who|whose|that|this|these|those|it|its|their|his|her|our|your|was|were|is|are|be|been|being|has|had|have|said|says|including|include|includes|included|like|such|than|and\/or|records|accounts|users|hackers?|attackers?)$/i;
const HEADS = new Set(ORGANIZATION_HEADS);
const CONNECTOR = /^(?:&|of|de|di|da|du|des|del|la|le|von|van)$/;
const MAX_MODIFIERS = 6;
const LEGAL_AND = /^\s+and\s+(?:\p{Lu}[\p{L}'’-]*\s+){0,3}(?:Ltd|Limited|Inc|LLC|plc|Corp|Co)\b/u;

/** Names introduced by a descriptor in a sentence, left to right. */
export function findDescribedNames(sentence: string): DescribedName[] {
  const out: DescribedName[] = [];
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(sentence); m; m = HEAD.exec(sentence)) {
    const headStart = m.index;
    const headEnd = m.index + m[0].length;
    if (out.some((d) => headStart < d.end)) continue;
    const descriptorStart = descriptorStartBefore(sentence, headStart);
    if (descriptorStart === null) continue;
    const named = nameAfter(sentence, headEnd);
    if (named) out.push({ ...named, descriptorStart, headEnd });
  }
  return out;
}

// The start of "the online betting platform": a determiner, or at least one modifier,
// before the head; null when the head stands alone ("hacking forum" with nothing before).
function descriptorStartBefore(sentence: string, headStart: number): number | null {
  const before = sentence.slice(0, headStart);
  const words = [...before.matchAll(/["“][^"”]{1,40}["”]|[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu)];
  let start: number | null = null;
  let count = 0;
  for (let k = words.length - 1; k >= 0 && count <= MAX_MODIFIERS; k--) {
    const w = words[k];
    const gap = before.slice(w.index + w[0].length, k === words.length - 1 ? before.length : words[k + 1].index);
    if (!/^\s+$/.test(gap)) break;
    if (/^(?:the|a|an)$/i.test(w[0])) return w.index;
    if (MODIFIER_STOP.test(w[0]) || /['’]s$/.test(w[0])) break;
    start = w.index;
    count++;
  }
  return count > 0 ? start : null;
}

// "the gaming website dedicated to classic DOS games Abandonia", "the site for managing
// invitations known as Evite": a modifier after the head, then the name.
const POST_MODIFIER = /^\s+(?:dedicated to|devoted to|for|of|specialising in|specializing in)\s+[a-z][^,.;:()]{0,80}/;
const VERB_AFTER_NAME = /^["”]?\s*(?:was|were|is|has|had|suffered|identified|disclosed|announced|confirmed)\b/;

function nameAfter(sentence: string, headEnd: number): { name: string; start: number; end: number } | null {
  const direct = nameRightAfter(sentence, headEnd);
  if (direct) return direct;
  const post = POST_MODIFIER.exec(sentence.slice(headEnd));
  if (!post) return null;
  // "the online store for purchasing goods from China, Pandabuy, was": an appositive.
  const appositive = nameRightAfter(sentence, headEnd + post[0].length);
  if (appositive && /^\s*,/.test(sentence.slice(headEnd + post[0].length))) return appositive;
  // After a modifier, only a name spelled as one and followed by its verb is taken; the
  // modifier's own capitalised words ("classic DOS games") are passed over.
  for (const at of post[0].matchAll(/\s(?:known as\s|called\s|named\s)?(?=["“]?[\p{Lu}\p{N}])/gu)) {
    const named = nameRightAfter(sentence, headEnd + at.index + at[0].length - 1);
    if (named && /^[\p{Lu}\p{N}]/u.test(named.name) && VERB_AFTER_NAME.test(sentence.slice(named.end))) return named;
  }
  return null;
}

function nameRightAfter(sentence: string, headEnd: number): { name: string; start: number; end: number } | null {
  const rest = sentence.slice(headEnd);
  const link = LINK.exec(rest);
  if (!link) return null;
  const isComma = link[0].includes(',');
  const at = headEnd + link[0].length;
  const quoted = QUOTED.exec(sentence.slice(at));
  if (quoted) {
    const name = quoted[1].trim();
    return /[\p{L}\p{N}]/u.test(name) ? { name, start: at + 1, end: at + 1 + quoted[1].length } : null;
  }
  let end = at;
  let name = '';
  for (let k = 0; k < 6; k++) {
    let gap = k === 0 ? '' : /^\s+/.exec(sentence.slice(end))?.[0] ?? null;
    if (gap === null) break;
    // "Aditya Birla Fashion and Retail Ltd": "and" inside a name that ends in a legal form.
    if (k > 0 && LEGAL_AND.test(sentence.slice(end))) gap = /^\s+and\s+/.exec(sentence.slice(end))![0];
    const token = TOKEN.exec(sentence.slice(end + gap.length))?.[0];
    if (!token) break;
    // "War Inc." keeps the period of its abbreviation.
    const abbreviation = /^(?:Inc|Co|Corp|Ltd|Bros)$/.test(token) && sentence[end + gap.length + token.length] === '.';
    const word = abbreviation ? `${token}.` : token.replace(/[.]$/, '');
    if (k === 0 ? !canStartName(word, sentence.slice(end + token.length)) : !continuesName(word, sentence.slice(end + gap.length + token.length))) break;
    name += gap + word;
    end += gap.length + word.length;
  }
  // A possessive ends the name ("Acme's users"); inside it, it is part of it ("People's Energy").
  name = name.replace(/\s+(?:&|of|de|di|da|du|des|del|la|le|von|van)$/, '').replace(/['’]s$/, '');
  if (!name) return null;
  // An appositive is closed by a comma ("the online store, Pandabuy, was").
  if (isComma && !/^\s*[,.;()]/.test(sentence.slice(at + name.length))) return null;
  return { name, start: at, end: at + name.length };
}

// A name's first word: spelled like a name (a capital, a digit, a domain) or, in lower
// case, a word that is not English grammar and is followed by the end of the name.
function canStartName(word: string, after: string): boolean {
  if (FUNCTION_WORD.test(word) || CONNECTOR.test(word) || HEADS.has(word.toLowerCase())) return false;
  if (/[\p{Lu}\p{N}]/u.test(word) || /\.\p{L}{2,}$/u.test(word)) return true;
  return !isEnglishWord(word) && !/(?:ing|ed|ly|tion|ment|ness|ers|ies|[^s]s)$/.test(word) && /^(?:\s*[,.;:)(]|\s+(?:was|were|is|has|had|suffered|which|who|that|in|on|after|when|before|leaked|exposed)\b)/.test(after);
}

function continuesName(word: string, after: string): boolean {
  if (CONNECTOR.test(word)) return /^\s+[\p{Lu}\p{N}]/u.test(after);
  return /^[\p{Lu}\p{N}]/u.test(word);
}
