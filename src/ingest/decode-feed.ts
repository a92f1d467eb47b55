// Bytes of a feed → XML text, checked for declarations we refuse before any parser sees it.
import { ContentError } from '../errors';
import { charsetFromContentType, decodeWith, detectCharset, isPlausibleCharset, normalizeCharset, sniffBom } from './charset';

/** Decode XML: BOM, then the HTTP charset (RFC 7303), then `<?xml encoding=…?>`, then detection. */
export function decodeXml(body: Buffer, contentType?: string | null): { xml: string; charset: string } {
  const bom = sniffBom(body);
  if (bom) return { xml: decodeWith(body.subarray(bom.length), bom.charset), charset: bom.charset };
  const declared = [normalizeCharset(charsetFromContentType(contentType)), xmlDeclaredCharset(body)];
  const charset = declared.find((c) => c !== null && isPlausibleCharset(body, c)) ?? detectCharset(body);
  return { xml: decodeWith(body, charset), charset };
}

/** The encoding named in the XML declaration, normalized. */
export function xmlDeclaredCharset(body: Buffer): string | null {
  const decl = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(body.subarray(0, 256).toString('latin1'));
  const charset = normalizeCharset(decl?.[1]);
  // A UTF-16 declaration on bytes without a BOM that we could read as ASCII is wrong.
  return charset?.startsWith('utf-16') ? 'utf-8' : charset;
}

/**
 * Why this XML is refused before parsing, or null. Entity declarations are how "billion
 * laughs" and external-entity (XXE) attacks work, and no real feed needs one; a bare
 * `<!DOCTYPE rss PUBLIC …>` without an internal subset (old RSS 0.91) is harmless and kept.
 */
export function refusedXmlReason(xml: string): string | null {
  const prolog = prologOf(xml).replace(/<!--[\s\S]*?-->/g, '');
  if (/<!ENTITY/i.test(prolog)) return 'declares XML entities';
  if (/<!DOCTYPE[^[>]*\[/i.test(prolog)) return 'has a DOCTYPE with an internal subset';
  return null;
}

/**
 * Everything before the root element: declaration, PIs, comments, DOCTYPE. Only the
 * prolog is checked, so an article about XXE quoting `<!ENTITY` in CDATA is not refused.
 */
function prologOf(xml: string): string {
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i])) i++;
    let end: number;
    if (xml.startsWith('<?', i)) end = afterToken(xml, '?>', i);
    else if (xml.startsWith('<!--', i)) end = afterToken(xml, '-->', i + 4);
    else if (xml.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const gt = xml.indexOf('>', i);
      const bracket = xml.indexOf('[', i);
      end = bracket >= 0 && (gt < 0 || bracket < gt) ? afterToken(xml, '>', xml.indexOf(']', bracket)) : afterToken(xml, '>', i);
    } else return xml.slice(0, i);
    if (end < 0) return xml; // unterminated: treat it all as prolog, which is the cautious reading
    i = end;
  }
}

function afterToken(xml: string, token: string, from: number): number {
  if (from < 0) return -1;
  const at = xml.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

/**
 * Escape bare ampersands ("AT&T", "Q&A") outside CDATA: the most common way real feeds
 * break strict XML, and one character should not cost a whole feed. Entity and
 * character references are left alone.
 */
export function repairBareAmpersands(xml: string): string {
  if (!xml.includes('&')) return xml;
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&(?!#\d+;|#x[0-9a-f]+;|[a-z_][\w.-]*;)/gi, '&amp;')))
    .join('');
}

/** Throws ContentError when the decoded text is a declaration we refuse. */
export function assertSafeXml(xml: string, label: string): void {
  const reason = refusedXmlReason(xml);
  if (reason) throw new ContentError(`${label} is not a valid feed (it ${reason}, refused)`, { stage: 'feed' });
}
