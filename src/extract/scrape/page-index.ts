// One walk over the document that collects every element metadata reading needs.
// Eight separate cheerio selectors would each walk the whole tree; on a typical
// news page (3,000+ elements) that walking cost as much as parsing the page.
import type { AnyNode, Element } from 'domhandler';
import { childrenOf, isElement } from './dom-utils';

export interface PageIndex {
  /** meta name/property/itemprop/http-equiv, lower-cased → first non-empty content. */
  metas: Map<string, string>;
  canonicalHref: string | null;
  htmlLang: string | null;
  title: Element | null;
  firstH1: Element | null;
  /** <time datetime> and [itemprop=datePublished][datetime], document order. */
  datetimes: string[];
  /** Texts of <script type="application/ld+json"> blocks. */
  jsonLd: string[];
  /** [rel=author] and [itemprop=author] elements. */
  authorElements: Element[];
  /** Elements whose class names a byline or author. */
  bylineElements: Element[];
  /** Elements whose class/id names a date, time, publish or byline line. */
  datelineElements: Element[];
}

const DATELINE_CLASS = /date|time|publish|posted|byline|meta/i;

export function indexPage(root: AnyNode): PageIndex {
  const index: PageIndex = {
    metas: new Map(), canonicalHref: null, htmlLang: null, title: null, firstH1: null,
    datetimes: [], jsonLd: [], authorElements: [], bylineElements: [], datelineElements: [],
  };
  visit(root, index);
  return index;
}

function visit(node: AnyNode, index: PageIndex): void {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    collect(child, index);
    visit(child, index);
  }
}

function collect(el: Element, index: PageIndex): void {
  const a = el.attribs;
  switch (el.name) {
    case 'meta': {
      const content = (a.content ?? '').trim();
      if (!content) break;
      for (const key of [a.property, a.name, a.itemprop, a['http-equiv']]) {
        const k = key?.trim().toLowerCase();
        if (k && !index.metas.has(k)) index.metas.set(k, content);
      }
      break;
    }
    case 'link':
      if (index.canonicalHref === null && a.rel?.toLowerCase() === 'canonical' && a.href) index.canonicalHref = a.href;
      break;
    case 'html':
      if (index.htmlLang === null && a.lang) index.htmlLang = a.lang;
      break;
    case 'title':
      index.title ??= el;
      break;
    case 'h1':
      index.firstH1 ??= el;
      break;
    case 'script':
      if (a.type?.toLowerCase() === 'application/ld+json') index.jsonLd.push(childrenOf(el).map((c) => (c as { data?: string }).data ?? '').join(''));
      break;
    default:
  }
  if (a.datetime && (el.name === 'time' || a.itemprop === 'datePublished')) index.datetimes.push(a.datetime);
  if (a.rel === 'author' || a.itemprop === 'author') index.authorElements.push(el);
  const cls = a.class;
  if (cls && /byline|author/i.test(cls)) index.bylineElements.push(el);
  if ((cls && DATELINE_CLASS.test(cls)) || (a.id && /date/i.test(a.id)) || a.itemprop === 'datePublished') index.datelineElements.push(el);
}
