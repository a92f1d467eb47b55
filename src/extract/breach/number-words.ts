// Numbers as news writes them: "40,000", "1.2 million", "538m", "2.5M", "700k", "half a
// million", "a dozen", "two million", "3 billion".

const UNITS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, dozen: 12, 'a dozen': 12, half: 0.5, 'half a': 0.5, 'a half': 0.5,
};

const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9,
};

const WORD = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/**
 * A number phrase: digits with an optional scale ("1.2 million", "538m", "700k"), words
 * ("two million", "half a million", "a dozen"). The scale must be attached or a word, so
 * "5 m" in a sentence about metres is rare enough to accept.
 */
export const NUMBER_PHRASE = String.raw`(?:(?:${DIGITS})(?:\s*(?:millions?|billions?|thousands?|mln|bn)\b|(?:m|mn|bn|b|k)\b|\s+hundred(?:\s+thousand)?\b)?|half a (?:million|billion)|(?:a|one|two|three|four|five|six|seven|eight|nine|ten) and a half (?:million|billion)|(?:an?|${WORD})(?:\s+hundred)?(?:\s+(?:thousand|million|billion))|a dozen|${WORD})`;

/** The integer value of a number phrase, or null when it is not one. */
export function parseNumberPhrase(phrase: string): number | null {
  const p = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  const digits = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([a-z]+(?: [a-z]+)?)?$/.exec(p);
  if (digits) {
    const base = Number(digits[1].replace(/,/g, ''));
    const scale = digits[2] ? scaleOf(digits[2]) : 1;
    return scale === null ? null : Math.round(base * scale);
  }
  const andHalf = /^(\w+) and a half (million|billion)$/.exec(p);
  if (andHalf) {
    const u = UNITS[andHalf[1]];
    return u === undefined ? null : Math.round((u + 0.5) * SCALES[andHalf[2]]);
  }
  const half = /^half a (million|billion)$/.exec(p);
  if (half) return 0.5 * SCALES[half[1]];
  if (p === 'a dozen') return 12;
  const words = /^([a-z]+(?:-[a-z]+)?)((?: hundred)?(?: (?:thousand|million|billion))?)$/.exec(p);
  if (!words) return null;
  const head = wordValue(words[1]);
  if (head === null) return null;
  const scale = words[2].trim() ? scaleOf(words[2].trim()) : 1;
  return scale === null ? null : Math.round(head * scale);
}

function wordValue(word: string): number | null {
  const [tens, ones] = word.split('-');
  const t = UNITS[tens];
  if (t === undefined) return null;
  if (ones === undefined) return t;
  const o = UNITS[ones];
  return o === undefined ? null : t + o;
}

function scaleOf(words: string): number | null {
  let scale = 1;
  for (const w of words.split(' ')) {
    // "33.7 Millions": a plural scale word is the same scale.
    const s = SCALES[w] ?? SCALES[w.replace(/s$/, '')];
    if (s === undefined) return null;
    scale *= s;
  }
  return scale;
}
