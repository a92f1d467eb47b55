import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';

// cheerio's default parser (parse5) builds a spec-exact tree but costs about 40 ms
// a page here, as much as Readability's whole run. htmlparser2 is 6-7x faster and its
// tree is close enough for reading text: it recovers from unclosed tags and knows the
// void and auto-closing elements. `xml: {...}` is how cheerio 1.x selects htmlparser2;
// `xmlMode: false` keeps HTML rules (case-insensitive names, void elements, raw
// <script>/<style> text) and `decodeEntities` turns &amp; and friends into text.
const PARSER_OPTIONS = {
  xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
} as const;

/** Parses a whole HTML document with htmlparser2 (see PARSER_OPTIONS for why). */
export function parseHtml(html: string): CheerioAPI {
  return cheerio.load(html, PARSER_OPTIONS);
}
