// One spelling per article URL, so the same story reached through a newsletter link,
// a feed and a share button is fetched and stored once.
import { createHash } from 'node:crypto';
import { ContentError } from '../errors';
import type { FeedEntry, FeedItem } from '../types';

/** Query parameters that only track the click; prefixes end with `_`. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'oly_anon_id',
  'oly_enc_id', 'vero_id', 'vero_conv', 'rb_clickid', 's_cid', 'ncid', 'sr_share', 'cmpid', 'wt.mc_id',
]);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * Origins (`http://127.0.0.1:41234`) whose URLs are stored under another origin: a site served
 * at an address of the moment (the demo newsroom on whatever port was free) keeps the canonical
 * URLs, and so the record ids, it has at its usual address.
 */
export type OriginAliases = Readonly<Record<string, string>>;

/**
 * The canonical form of an http(s) URL: lowercase host without a trailing dot, no
 * default port, no fragment, no tracking parameters, remaining parameters sorted by
 * name (values of a repeated name keep their order), an aliased origin replaced by its
 * canonical one. Idempotent.
 */
export function canonicalizeUrl(url: string, aliases?: OriginAliases): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new ContentError(`url: ${JSON.stringify(url)} is not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new ContentError(`url: ${JSON.stringify(url)} is not an http(s) URL`);
  }
  const alias = aliases?.[u.origin];
  if (alias !== undefined) {
    const to = new URL(alias);
    u.protocol = to.protocol;
    u.host = to.host;
  }
  u.hash = '';
  u.username = '';
  u.password = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.replace(/\.+$/, '');
  // WHATWG URL already lowercases the host and drops :80 on http and :443 on https.
  const kept = [...u.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // Array#sort is stable: repeated names keep their order
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return u.href;
}

/** sha256 hex of a URL as given (pass the canonical URL): the article's id for dedupe and job ids. */
export function articleKey(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex');
}

/** An entry with its identity: canonical link, its key and its GUID's key. An unparsable link keys as given. */
export function identifyItem(entry: FeedEntry, aliases?: OriginAliases): FeedItem {
  let canonicalUrl = entry.url;
  try {
    canonicalUrl = canonicalizeUrl(entry.url, aliases);
  } catch {
    // kept as given: fetching it fails with the URL's own error
  }
  return { ...entry, canonicalUrl, urlKey: articleKey(canonicalUrl), guidKey: entry.guid ? articleKey(`guid:${entry.guid}`) : null };
}
