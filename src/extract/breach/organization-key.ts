// A stable merge key for an organization name: "OnePlus Technology Co., Ltd." → "oneplus",
// "The Capital One Financial Corp." → "capital-one-financial". Lowercase ASCII tokens, the
// article and possessive dropped, trailing legal-form words removed.

const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'corp', 'corporation', 'co', 'company', 'plc',
  'group', 'holdings', 'holding', 'gmbh', 'ag', 'sa', 'sas', 'nv', 'bv', 'ab', 'oy', 'spa', 'srl', 'pty', 'pte',
  'kk', 'technology', 'technologies', 'international', 'intl',
]);

// A domain used as a name ("DLH.net", "abta.com") is keyed without its top-level domain.
const DOMAIN_NAME = /^([\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*)\.(?:com|net|org|info|biz|io|co|me|us|uk|co\.uk|org\.uk|de|fr|nl|ru|cn|jp|in|br|it|es|se|no|dk|fi|pl|ca|au|com\.au|nz|gov|edu|tv|cc|ws|pw|to|gg|xyz|club|online|site)$/iu;

/** The merge key of an organization name; "" when nothing is left. */
export function organizationKey(name: string): string {
  const tokens = name
    .trim()
    .replace(DOMAIN_NAME, '$1')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1') // "s.a." → "sa."; "u.s." → "us.
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((t) => t && t !== 'the');
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[tokens.length - 1])) tokens.pop();
  return tokens.join('-');
}
