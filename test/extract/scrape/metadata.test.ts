// Metadata precedence (the table at the top of src/extract/scrape/metadata.ts):
// each case puts several sources on one page and checks which one wins.
import { scrapeArticle } from '../../../src/extract/scrape-article';
import type { Article } from '../../../src/types';

const BODY = '<article><p>The council approved the budget on Tuesday after a long debate about road repairs and school funding.</p></article>';

function scrape(head: string, body = BODY, url = 'https://news.test/a/story?ref=feed', finalUrl = url): Article {
  const html = `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
  return scrapeArticle({ url, finalUrl, status: 200, html, fetchedAt: '2020-01-01T00:00:00Z' });
}

function ld(obj: object): string {
  return `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', ...obj })}</script>`;
}

describe('title precedence: og:title → JSON-LD headline → h1 → <title> minus site name', () => {
  const cases: Record<string, { head: string; body?: string; want: string | null }> = {
    'og:title beats everything': {
      head: `<meta property="og:title" content="OG title">${ld({ '@type': 'NewsArticle', headline: 'LD headline' })}<title>Tag title | Site</title>`,
      body: `<h1>H1 title</h1>${BODY}`,
      want: 'OG title',
    },
    'JSON-LD headline without og:title': {
      head: `${ld({ '@type': 'NewsArticle', headline: 'LD headline' })}<title>Tag title | Site</title>`,
      body: `<h1>H1 title</h1>${BODY}`,
      want: 'LD headline',
    },
    'h1 without og:title or JSON-LD': { head: '<title>Tag title | Site</title>', body: `<h1> H1\n title </h1>${BODY}`, want: 'H1 title' },
    '<title> with the site name after a bar': {
      head: '<meta property="og:site_name" content="Valley Gazette"><title>Storm closes schools | Valley Gazette</title>',
      want: 'Storm closes schools',
    },
    '<title> with the site name first': {
      head: '<meta property="og:site_name" content="Valley Gazette"><title>Valley Gazette - Storm closes schools</title>',
      want: 'Storm closes schools',
    },
    'og:title carrying the site name': {
      head: '<meta property="og:site_name" content="Valley Gazette"><meta property="og:title" content="Storm closes schools — Valley Gazette">',
      want: 'Storm closes schools',
    },
    'a dash inside the headline is kept': {
      head: '<meta property="og:site_name" content="Valley Gazette"><title>Year-end sale - what to buy</title>',
      want: 'Year-end sale - what to buy',
    },
    'no title anywhere': { head: '', want: null },
  };
  it.each(Object.entries(cases))('%s', (_, c) => {
    expect(scrape(c.head, c.body).title).toBe(c.want);
  });
});

describe('publishedAt precedence: JSON-LD → article:published_time → <time datetime> → URL → dateline', () => {
  const cases: Record<string, { head?: string; body?: string; url?: string; want: string | null }> = {
    'JSON-LD datePublished beats the meta': {
      head: `${ld({ '@type': 'NewsArticle', datePublished: '2020-03-27T08:15:00+01:00' })}<meta property="article:published_time" content="2020-03-26T10:00:00Z">`,
      want: '2020-03-27T08:15:00+01:00',
    },
    'article:published_time beats <time>': {
      head: '<meta property="article:published_time" content="2020-03-26T10:00:00.000Z">',
      body: `<time datetime="2020-03-01">1 March</time>${BODY}`,
      want: '2020-03-26T10:00:00Z',
    },
    '<time datetime> beats the URL': { body: `<time datetime="2020-02-03T04:05:06-05:00">3 Feb</time>${BODY}`, url: 'https://news.test/2019/01/01/story', want: '2020-02-03T04:05:06-05:00' },
    'URL date beats the visible dateline': { body: `<p class="dateline">Published March 3, 2020</p>${BODY}`, url: 'https://news.test/2019/11/19/story', want: '2019-11-19' },
    'URL with a month name': { url: 'https://news.test/statements/2019/nov/18/someone/', want: '2019-11-18' },
    'visible dateline in a date element': { body: `<div class="post-date">Posted on March 3rd, 2020 at 9:14 am</div>${BODY}`, want: '2020-03-03' },
    'visible dateline after a label, day first': { body: `<div class="info">Publicado em: 27/03/2020</div>${BODY}`, want: '2020-03-27' },
    'a zone-less JSON-LD time defers to a precise <time> on the same day': {
      head: ld({ '@type': 'NewsArticle', datePublished: '2019-11-19 02:24:00' }),
      body: `<time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019</time>${BODY}`,
      want: '2019-11-19T02:24:00Z',
    },
    'an impossible JSON-LD date is skipped': {
      head: `${ld({ '@type': 'NewsArticle', datePublished: '0001-01-01T00:00:00Z' })}<meta name="pubdate" content="Tue, 19 Nov 2019 10:00:00 +0100">`,
      want: '2019-11-19T10:00:00+01:00',
    },
    'JSON-LD in an @graph': { head: ld({ '@graph': [{ '@type': 'WebSite', name: 'X' }, { '@type': 'Article', datePublished: '2018-04-18' }] }), want: '2018-04-18' },
    'no date anywhere': { want: null },
  };
  it.each(Object.entries(cases))('%s', (_, c) => {
    expect(scrape(c.head ?? '', c.body, c.url).publishedAt).toBe(c.want);
  });
});

describe('author precedence: JSON-LD → meta → rel/itemprop=author → byline', () => {
  const cases: Record<string, { head?: string; body?: string; want: string | null }> = {
    'JSON-LD authors, joined': {
      head: `${ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Ana Lima' }, { '@type': 'Person', name: 'Ben Cole' }] })}<meta name="author" content="Desk">`,
      want: 'Ana Lima, Ben Cole',
    },
    'meta author': { head: '<meta name="author" content="By Ana Lima">', want: 'Ana Lima' },
    'article:author that is a URL is skipped': {
      head: '<meta property="article:author" content="https://facebook.example/ana">',
      body: `<a rel="author" href="/ana">Ana Lima</a>${BODY}`,
      want: 'Ana Lima',
    },
    'byline text': { body: `<div class="byline">By Ana Lima | March 3, 2020</div>${BODY}`, want: 'Ana Lima' },
    'no author': { want: null },
  };
  it.each(Object.entries(cases))('%s', (_, c) => {
    expect(scrape(c.head ?? '', c.body).author).toBe(c.want);
  });
});

describe('canonicalUrl precedence: link rel=canonical → og:url → finalUrl, made absolute', () => {
  const cases: Record<string, { head: string; want: string }> = {
    'relative canonical, resolved against finalUrl': {
      head: '<link rel="canonical" href="/a/story"><meta property="og:url" content="https://other.test/og">',
      want: 'https://news.test/a/story',
    },
    'og:url without canonical': { head: '<meta property="og:url" content="https://news.test/og-story">', want: 'https://news.test/og-story' },
    'unparseable canonical falls through to og:url': {
      head: '<link rel="canonical" href="http://[bad"><meta property="og:url" content="https://news.test/og-story">',
      want: 'https://news.test/og-story',
    },
    'nothing: the final URL after redirects': { head: '', want: 'https://news.test/redirected/story' },
  };
  it.each(Object.entries(cases))('%s', (_, c) => {
    const a = scrape(c.head, undefined, 'https://news.test/a/story?ref=feed', 'https://news.test/redirected/story');
    expect(a.canonicalUrl).toBe(c.want);
    expect(a.url).toBe('https://news.test/a/story?ref=feed');
  });
});

describe('language and site name', () => {
  function scrapeHtml(html: string): Article {
    return scrapeArticle({ url: 'https://news.test/x', finalUrl: 'https://news.test/x', status: 200, html, fetchedAt: '' });
  }
  it.each(Object.entries({
    '<html lang> first': ['<html lang="pt-BR"><head><meta property="og:locale" content="en_US"></head><body></body></html>', 'pt-BR'],
    'og:locale, underscore made a hyphen': ['<html><head><meta property="og:locale" content="en_US"></head><body></body></html>', 'en-US'],
    'http-equiv content-language': ['<html><head><meta http-equiv="Content-Language" content="de, en"></head><body></body></html>', 'de'],
    'garbage is not a language': ['<html lang="{{ page.lang }}"><body></body></html>', null],
  }))('language: %s', (_, [html, want]) => {
    expect(scrapeHtml(html as string).language).toBe(want);
  });

  it.each(Object.entries({
    'og:site_name first': [`<head><meta property="og:site_name" content="Gazette">${ld({ '@type': 'NewsArticle', publisher: { name: 'Gazette Media Ltd' } })}</head>`, 'Gazette'],
    'JSON-LD publisher': [`<head>${ld({ '@type': 'NewsArticle', publisher: { name: 'Gazette Media Ltd' } })}<meta name="application-name" content="GZ"></head>`, 'Gazette Media Ltd'],
    'application-name': ['<head><meta name="application-name" content="GZ"></head>', 'GZ'],
  }))('siteName: %s', (_, [head, want]) => {
    expect(scrapeHtml(`<html>${head}<body></body></html>`).siteName).toBe(want);
  });
});
