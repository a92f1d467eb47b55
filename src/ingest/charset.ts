// Charset plumbing shared by HTML and feed decoding: labels, BOMs, UTF-8 checks,
// detection and the decode itself. The order in which the clues are trusted lives
// in decode-html.ts and decode-feed.ts.
import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Label (lowercased) → the decoder we use. Follows the WHATWG Encoding Standard where it
 * matters: latin1 and ascii labels mean windows-1252, gb2312/gbk mean the GB18030
 * superset, Shift_JIS means Microsoft's CP932, EUC-KR means CP949.
 */
const LABEL_ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'l1': 'windows-1252',
  'cp1252': 'windows-1252',
  'x-cp1252': 'windows-1252',
  'gb2312': 'gb18030',
  'gbk': 'gb18030',
  'x-gbk': 'gb18030',
  'cp936': 'gb18030',
  'chinese': 'gb18030',
  'csgb2312': 'gb18030',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  'shift-jis': 'shift_jis',
  'sjis': 'shift_jis',
  'x-sjis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'cp932': 'shift_jis',
  'euc-kr': 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  'windows-949': 'euc-kr',
  'utf-16': 'utf-16le',
  'unicode': 'utf-16le',
};

/** Our canonical name → the iconv-lite codec that decodes it best. */
const ICONV_CODEC: Record<string, string> = {
  'shift_jis': 'cp932',
  'euc-kr': 'cp949',
  'big5': 'big5hkscs',
};

/** A charset label as a canonical lowercase name we can decode, or null if unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (!cleaned) return null;
  const name = LABEL_ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(ICONV_CODEC[name] ?? name) ? name : null;
}

/** The charset parameter of a Content-Type header, raw (not normalized). */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return m ? m[2] : null;
}

/** The charset a byte-order mark announces, with the BOM's length. */
export function sniffBom(body: Buffer): { charset: string; length: number } | null {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** Whether the bytes are well-formed UTF-8 (a cut-off sequence at the very end is tolerated). */
export function isValidUtf8(body: Buffer): boolean {
  // A body truncated by a size cap may end mid-character; judge the rest.
  let end = body.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = body[end - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Whether any byte is outside ASCII (an all-ASCII body decodes the same in every charset we use). */
export function hasNonAscii(body: Buffer): boolean {
  for (let i = 0; i < body.length; i++) if (body[i] >= 0x80) return true;
  return false;
}

/** Guess the charset of undeclared bytes: UTF-8 if valid, else chardet, else windows-1252. */
export function detectCharset(body: Buffer): string {
  if (!hasNonAscii(body) || isValidUtf8(body)) return 'utf-8';
  // chardet reads a sample; 64 KiB is plenty and keeps a 5 MiB page cheap.
  const guess = normalizeCharset(chardet.detect(body.subarray(0, 65_536)));
  return guess && !guess.startsWith('utf-16') && !guess.startsWith('utf-32') ? guess : 'windows-1252';
}

/** Decode with a canonical charset name (from normalizeCharset or detectCharset). */
export function decodeWith(body: Buffer, charset: string): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(body);
  return iconv.decode(body, ICONV_CODEC[charset] ?? charset, { stripBOM: true });
}

/** Whether a declared charset fits the bytes; a clearly wrong label is ignored. */
export function isPlausibleCharset(body: Buffer, charset: string): boolean {
  // UTF-16 is never a server default, so a header naming it is deliberate (and its bytes are not ASCII-like).
  if (charset.startsWith('utf-16')) return true;
  if (!hasNonAscii(body)) return true;
  const validUtf8 = isValidUtf8(body);
  // UTF-8 declared but the bytes are not UTF-8: the label is wrong.
  if (charset === 'utf-8') return validUtf8;
  // A legacy charset declared but the bytes are well-formed multi-byte UTF-8: the label
  // is a server default (Apache's ISO-8859-1 is the classic) — legacy text almost never
  // forms valid UTF-8 sequences by chance.
  return !validUtf8;
}
