// scrapeArticle on hand-written pages, one per edge case (test/fixtures/pages/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scrapeArticle } from '../../../src/extract/scrape-article';
import type { Article, Page } from '../../../src/types';

const FIXTURES = path.resolve(__dirname, '../../fixtures/pages');

function pageOf(html: string, url = 'https://site.test/news/story'): Page {
  return { url, finalUrl: url, status: 200, html, fetchedAt: '2020-03-28T00:00:00Z' };
}

function scrapeFixture(name: string, url?: string): Article {
  return scrapeArticle(pageOf(readFileSync(path.join(FIXTURES, name), 'utf8'), url));
}

function paragraphsOf(a: Article): string[] {
  return a.text.split('\n\n');
}

describe('scrapeArticle: boilerplate types are removed', () => {
  const article = scrapeFixture('article-with-boilerplate.html', 'https://ledger.example/news/retailer-breach?utm_source=feed');

  it('keeps every article paragraph, in order', () => {
    const p = paragraphsOf(article);
    expect(p[0]).toMatch(/^A national retailer said on Friday/);
    expect(p).toContain('How the intruders got in');
    expect(p[p.length - 1]).toMatch(/^Security researchers said/);
    expect(p).toHaveLength(6);
  });

  it.each(Object.entries({
    'cookie banner': 'We use cookies',
    'navigation menu': 'Opinion',
    'icon-font junk line': 'arrow-down',
    'headline (metadata, not body)': 'Retailer confirms breach',
    byline: 'By Priya Raman',
    'share bar': 'Twitter',
    'ad label': 'Advertisement',
    'newsletter box': 'Sign up for our newsletter',
    'tag links': 'Data breach',
    'related links': 'Bank outage',
    comments: 'third breach at a big retailer',
    'sidebar list': 'Most read',
    'site footer': 'All rights reserved',
  }))('drops the %s', (_, snippet) => {
    expect(article.text).not.toContain(snippet);
  });

  it('separates paragraphs by one blank line and collapses whitespace inside them', () => {
    expect(article.text).not.toMatch(/\n{3,}/);
    for (const p of paragraphsOf(article)) expect(p).toBe(p.replace(/\s+/g, ' ').trim());
  });
});

describe('scrapeArticle: content layouts', () => {
  it('joins a body cut into chunks around ad slots', () => {
    const a = scrapeFixture('article-split-around-ad.html');
    const p = paragraphsOf(a);
    expect(p).toHaveLength(4);
    expect(p[0]).toMatch(/^Residents of the city/);
    expect(p[3]).toMatch(/^A public hearing/);
    expect(a.text).not.toMatch(/\bAd\b|Council delays/);
  });

  it('reads text separated by <br> inside a wrapper named like a widget', () => {
    const a = scrapeFixture('article-blogger-br-text.html');
    const p = paragraphsOf(a);
    expect(p).toHaveLength(3);
    expect(p[0]).toMatch(/^The Lanterns/);
    expect(p[2]).toMatch(/^"We never expected/);
    expect(a.text).not.toMatch(/Blog archive|Posted by/);
  });

  it('keeps an embedded tweet that quotes the story', () => {
    const a = scrapeFixture('article-with-embedded-tweet.html');
    expect(a.text).toContain('Yes this is real and the state spent half a million dollars on it');
    expect(paragraphsOf(a)[0]).toMatch(/^A state campaign/);
  });

  it("drops a permalink box that only repeats the page's own address, keeps other URLs", () => {
    const url = 'https://site.test/news/story';
    const html = `<html><body><div class="story"><p>${url}</p>
      <p>The report, published on Monday, found that most of the leaked records came from a single misconfigured server.</p>
      <p>It is available in full at https://regulator.test/reports/2020/leak.pdf for anyone who wants to read it.</p>
      <p><a href="https://regulator.test/r">https://regulator.test/reports/2020/leak.pdf</a></p></div></body></html>`;
    const p = paragraphsOf(scrapeArticle(pageOf(html, `${url}?utm_source=rss`)));
    expect(p[0]).toMatch(/^The report, published on Monday/);
    expect(p).toContain('https://regulator.test/reports/2020/leak.pdf');
    expect(p).toHaveLength(3);
  });

  it('reads old markup with unclosed tags and entities', () => {
    const a = scrapeFixture('broken-unclosed-tags.html');
    const p = paragraphsOf(a);
    expect(p[0]).toMatch(/^A winter storm knocked out power/);
    expect(a.text).toContain('essential — several lorries');
    expect(p[p.length - 1]).toMatch(/^Forecasters expect/);
    expect(a.text).not.toMatch(/Home|Weather \||Copyright/);
    expect(a.title).toBe('Storm cuts power to thousands & closes schools');
  });
});

describe('scrapeArticle: pages with no article', () => {
  it('gives an empty text and a reason for a listing page, not the page text', () => {
    const a = scrapeFixture('listing-page-no-article.html');
    expect(a.text).toBe('');
    expect(a.emptyReason).toMatch(/no article text found/);
    expect(a.title).toBe('Technology news');
  });

  it('falls back to JSON-LD articleBody when the markup has no text (script-rendered page)', () => {
    const body = 'The museum will reopen in May after a two-year renovation.\nTickets go on sale next week, the director said, with free entry on the first day.';
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Museum to reopen', articleBody: body })}</script></head><body><div id="app"></div></body></html>`;
    const a = scrapeArticle(pageOf(html));
    expect(paragraphsOf(a)).toEqual(body.split('\n'));
    expect(a.emptyReason).toBeUndefined();
  });

  it.each(Object.entries({
    'empty string': '',
    'whitespace only': ' \n\t ',
    'no body': '<html><head><title>Only a title</title></head></html>',
    'plain text, not HTML': 'just a few words',
    'binary garbage': '\u0000\u0001\u0002\uFFFD<<<>>>&&&;;',
  }))('%s: empty text with a reason, no throw', (_, html) => {
    const a = scrapeArticle(pageOf(html));
    expect(a.text).toBe('');
    expect(a.emptyReason).toBeTruthy();
    expect(a.canonicalUrl).toBe('https://site.test/news/story');
  });
});

describe('scrapeArticle: extreme input', () => {
  const sentence = 'The council said the new road would open in the spring, after two years of delays and rising costs.';

  it('reads a huge page (several MB, thousands of paragraphs)', () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `<p>${i}: ${sentence}</p>`).join('\n');
    const nav = '<nav>' + '<a href="/x">Section</a>'.repeat(5_000) + '</nav>';
    const html = `<html><body>${nav}<article>${paragraphs}</article></body></html>`;
    expect(html.length).toBeGreaterThan(2_000_000);
    const a = scrapeArticle(pageOf(html), { maxMarkupChars: 10_000_000 });
    const p = paragraphsOf(a);
    expect(p).toHaveLength(20_000);
    expect(p[19_999]).toBe(`19999: ${sentence}`);
    expect(a.text).not.toContain('Section');
    // By default the parser sees its first 1,000,000 characters of markup, and says so.
    const cut = scrapeArticle(pageOf(html));
    expect(paragraphsOf(cut).length).toBeGreaterThan(7_000);
    expect(paragraphsOf(cut).length).toBeLessThan(8_000);
    expect(cut.truncated).toEqual([expect.stringMatching(/^page has more than 1,000,000 characters of markup; read its first 1,000,\d{3} of 2,\d{3},\d{3} characters \(scrape\.maxMarkupChars\)$/)]);
  });

  it('survives nesting far deeper than any real page (20,000 unclosed divs)', () => {
    const html = `<html><body>${'<div>'.repeat(20_000)}<p>${sentence} ${sentence}</p></body></html>`;
    const a = scrapeArticle(pageOf(html));
    expect(a.text).toBe(`${sentence} ${sentence}`);
  });

  it('does not change the page it was given', () => {
    const html = readFileSync(path.join(FIXTURES, 'article-with-boilerplate.html'), 'utf8');
    const page = pageOf(html);
    const copy = JSON.stringify(page);
    scrapeArticle(page);
    expect(JSON.stringify(page)).toBe(copy);
  });
});
