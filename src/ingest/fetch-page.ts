// FeedEntry → Page: GET the article through the client, refuse what is not HTML,
// decode its charset.
import { ContentError } from '../errors';
import type { FeedEntry, Page } from '../types';
import { decodeHtml } from './decode-html';
import type { HttpClient } from './http-get';

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Whether a Content-Type is an HTML page (a missing one is judged by the body instead). */
export function isHtmlContentType(contentType: string | null | undefined): boolean {
  const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return mime === 'text/html' || mime === 'application/xhtml+xml';
}

/** Whether undeclared bytes look like markup (first non-space byte is `<`, after any BOM). */
function looksLikeMarkup(body: Buffer): boolean {
  const head = body.subarray(0, 512).toString('latin1').replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  return /^\s*</.test(head);
}

/** Fetch and decode an item's page; ContentError for anything but HTML. */
export async function fetchPage(item: FeedEntry, http: HttpClient, signal?: AbortSignal): Promise<Page> {
  const res = await http.get(item.url, { accept: HTML_ACCEPT, signal });
  const declared = res.contentType;
  if (declared ? !isHtmlContentType(declared) : !looksLikeMarkup(res.body)) {
    const what = declared ? declared.split(';')[0].trim() : 'an undeclared non-markup body';
    throw new ContentError(`page: ${res.finalUrl} is ${what}, not HTML`);
  }
  const { html } = decodeHtml(res.body, declared);
  return {
    url: item.url,
    finalUrl: res.finalUrl,
    status: res.status,
    ...(declared ? { contentType: declared } : {}),
    html,
    fetchedAt: new Date().toISOString(),
  };
}
