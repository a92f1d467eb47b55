// Bytes of an HTML page → a JS string. Clues in the order browsers trust them (BOM,
// HTTP header, <meta> in the first bytes), then detection; a declaration the bytes
// plainly contradict is set aside, because servers mislabel pages far more often than
// pages happen to look like valid UTF-8 by accident.
import { charsetFromContentType, decodeWith, detectCharset, isPlausibleCharset, normalizeCharset, sniffBom } from './charset';

/** Browsers scan 1024 bytes; real pages often put <meta charset> after long <head> scripts. */
const META_SCAN_BYTES = 8192;

export interface DecodedHtml {
  html: string;
  /** The charset used, canonical lowercase (e.g. `utf-8`, `gb18030`, `shift_jis`, `windows-1252`). */
  charset: string;
}

/** Decode an HTML body using its BOM, the HTTP Content-Type, <meta>, or detection. */
export function decodeHtml(body: Buffer, contentType?: string | null): DecodedHtml {
  const bom = sniffBom(body);
  if (bom) return { html: decodeWith(body.subarray(bom.length), bom.charset), charset: bom.charset };

  const declared = [normalizeCharset(charsetFromContentType(contentType)), metaCharset(body)];
  const charset = declared.find((c) => c !== null && isPlausibleCharset(body, c)) ?? detectCharset(body);
  return { html: decodeWith(body, charset), charset };
}

/** The charset a <meta charset> or <meta http-equiv=Content-Type> declares near the top. */
export function metaCharset(body: Buffer): string | null {
  // latin1 maps bytes 1:1, so ASCII markup is readable whatever the real charset.
  const head = body.subarray(0, META_SCAN_BYTES).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!direct) continue;
    const charset = normalizeCharset(direct[1]);
    if (!charset) continue;
    // WHATWG: a <meta> that claims UTF-16 is read as UTF-8 (the bytes we just read were ASCII-compatible).
    return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return null;
}
