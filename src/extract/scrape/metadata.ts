// Article metadata, read from the whole page before any boilerplate is removed
// (bylines and datelines live in exactly the parts the body extractor throws away).
//
// Precedence, first usable value wins:
//   title        og:title → JSON-LD headline → first <h1> → <title> minus the site name.
//                The site name (" | Site", " - Site") is stripped from whichever is used.
//   publishedAt  JSON-LD datePublished → article:published_time (and the other common
//                publish-date metas: itemprop=datePublished, pubdate, publish-date,
//                DC.date.issued, parsely-pub-date, sailthru.date) → first <time datetime>
//                → date in the URL path → visible dateline (a date-ish element's text,
//                then the text near the <h1>). Normalized to ISO (dates.ts).
//   author       JSON-LD author name(s) → meta author / article:author (when not a URL)
//                → rel=author / itemprop=author text → byline element text ("By …").
//   canonicalUrl <link rel=canonical> → og:url → the page's finalUrl; resolved absolute
//                against finalUrl.
//   language     <html lang> → og:locale → http-equiv content-language; "en_US" → "en-US".
//   siteName     og:site_name → JSON-LD publisher name → application-name.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Page } from '../../types';
import { dateFromUrl, normalizeDate, parseHumanDate } from './dates';
import { articleObjects, firstString, nameOf, readJsonLd, type JsonObject } from './json-ld';
import { indexPage, type PageIndex } from './page-index';

export interface PageMetadata {
  title: string | null;
  publishedAt: string | null;
  author: string | null;
  canonicalUrl: string;
  language: string | null;
  siteName: string | null;
  /** schema.org articleBody from JSON-LD, when present (a fallback body). */
  jsonLdBody: string | null;
}

/** What every reader below gets: the page index, its JSON-LD articles, and cheerio for text. */
interface Sources {
  $: CheerioAPI;
  index: PageIndex;
  metas: Map<string, string>;
  ld: JsonObject[];
}

function clean(text: string | null | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

function textOf(src: Sources, el: Element | null | undefined): string | null {
  return el ? clean(src.$(el).text()) : null;
}

function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/** Reads all metadata; see the precedence table at the top of this file. */
export function extractMetadata($: CheerioAPI, page: Page): PageMetadata {
  const index = indexPage($.root()[0]);
  const src: Sources = { $, index, metas: index.metas, ld: articleObjects(readJsonLd(index.jsonLd)) };
  const siteName = readSiteName(src);
  return {
    title: readTitle(src, siteName),
    publishedAt: readPublishedAt(src, page.finalUrl || page.url),
    author: readAuthor(src),
    canonicalUrl: readCanonicalUrl(src, page),
    language: readLanguage(src),
    siteName,
    jsonLdBody: firstString(src.ld, 'articleBody'),
  };
}

function readSiteName({ metas, ld }: Sources): string | null {
  const fromLd = ld.map((o) => nameOf(o.publisher)).find((n) => !!n);
  return clean(metas.get('og:site_name')) ?? clean(fromLd) ?? clean(metas.get('application-name'));
}

// Title suffixes/prefixes such as "Story | Site", "Site - Story", "Story — Site".
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' « ', ' » ', ' · '];

/** Drops the site name from a title when the title joins it with a separator. */
export function stripSiteName(title: string, siteName: string | null): string {
  for (const sep of TITLE_SEPARATORS) {
    const i = title.lastIndexOf(sep);
    if (i <= 0) continue;
    const before = title.slice(0, i).trim();
    const after = title.slice(i + sep.length).trim();
    const site = siteName?.toLowerCase();
    if (site && after.toLowerCase().includes(site.split(/\s+/)[0])) return before;
    if (site && before.toLowerCase() === site) return after;
    // Without a known site name, a short last part (a brand) goes.
    if (!site && after.split(/\s+/).length <= 4 && before.length > after.length * 2) return before;
  }
  return title;
}

function readTitle(src: Sources, siteName: string | null): string | null {
  const candidates = [src.metas.get('og:title'), firstString(src.ld, 'headline'), textOf(src, src.index.firstH1), textOf(src, src.index.title)];
  for (const c of candidates) {
    const t = clean(c);
    if (t) return stripSiteName(t, siteName);
  }
  return null;
}

const PUBLISHED_METAS = [
  'article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'parsely-pub-date', 'sailthru.date', 'date',
  'og:published_time', 'article.published', 'cxenseparse:recs:publishtime', 'originalpublicationdate',
];

function readPublishedAt(src: Sources, url: string): string | null {
  // Machine-readable candidates in precedence order.
  const candidates: string[] = [];
  const push = (v: string | null | undefined) => {
    const d = normalizeDate(v);
    if (d) candidates.push(d);
  };
  push(firstString(src.ld, 'datePublished') ?? firstString(src.ld, 'dateCreated'));
  for (const key of PUBLISHED_METAS) push(src.metas.get(key));
  for (const value of src.index.datetimes.slice(0, 5)) push(value);
  if (candidates.length > 0) return preferPrecise(candidates);
  return dateFromUrl(url) ?? readDateline(src);
}

// A timestamp written without a zone ("2019-11-19 02:24:00") is kept as its bare
// day, which may be the UTC day rather than the publisher's. When a lower-ranked
// source states a full timestamp within a day of it, that one is the better answer.
function preferPrecise(candidates: string[]): string {
  const first = candidates[0];
  if (first.length > 10) return first;
  const day = Date.parse(first);
  const precise = candidates.find((c) => c.length > 10 && Math.abs(Date.parse(c.slice(0, 10)) - day) <= 86_400_000);
  return precise ?? first;
}

// Labels publishers put before the visible date, in the languages we see most.
const DATE_LABEL = /(published|posted|updated|date|publicado|pubblicato|veröffentlicht|publié|опубликовано|дата|diterbitkan|기사입력|입력|등록|公開|投稿|更新)\s*(on|em|il|am|le)?\s*[:：]?\s*[\[(]?\s*/giu;

function readDateline(src: Sources): string | null {
  for (const el of src.index.datelineElements) {
    const text = textOf(src, el);
    const d = text && text.length <= 200 ? parseHumanDate(text) : null;
    if (d) return d;
  }
  // Near the headline: the text that follows the first <h1>, a few hundred characters.
  const h1 = src.index.firstH1;
  if (h1?.parent) {
    const near = textOf(src, h1.parent as Element);
    const d = near ? parseHumanDate(near.slice(0, 400)) : null;
    if (d) return d;
  }
  // After a "Published:"-style label anywhere in the page's text.
  const text = clean(src.$('body').text()) ?? '';
  for (const m of text.matchAll(DATE_LABEL)) {
    const d = parseHumanDate(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (d) return d;
  }
  return null;
}

function readAuthor(src: Sources): string | null {
  for (const o of src.ld) {
    const n = nameOf(o.author) ?? nameOf(o.creator);
    if (n) return n;
  }
  for (const key of ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator']) {
    const v = clean(src.metas.get(key));
    if (v && !/^https?:\/\//.test(v)) return v.replace(/^by\s+/i, '');
  }
  const rel = textOf(src, src.index.authorElements[0]);
  if (rel && rel.length <= 100) return rel.replace(/^by\s+/i, '');
  const byline = textOf(src, src.index.bylineElements[0]);
  const m = byline ? /^by\s+(.{2,80}?)(?:\s*[|,•·]|\s+(?:on|updated|published)\b|$)/i.exec(byline) : null;
  return m ? m[1].trim() : null;
}

function readCanonicalUrl(src: Sources, page: Page): string {
  const base = page.finalUrl || page.url;
  return resolveUrl(src.index.canonicalHref, base) ?? resolveUrl(src.metas.get('og:url'), base) ?? resolveUrl(base, base) ?? base;
}

function readLanguage(src: Sources): string | null {
  const raw = clean(src.index.htmlLang) ?? clean(src.metas.get('og:locale')) ?? clean(src.metas.get('content-language'));
  if (!raw) return null;
  const tag = raw.split(/[,;\s]/)[0].replace(/_/g, '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}
