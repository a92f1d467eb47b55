// Each kind of page furniture, placed *inside* the article body (where the content
// finder cannot leave it out) and written as full sentences (so the link-density and
// short-line filters cannot catch it either): only the boilerplate rules remove it.
import { scrapeArticle } from '../../../src/extract/scrape-article';

const PARAGRAPHS = [
  'The regional hospital group said on Monday that a ransomware attack had disrupted its booking system for three days last week.',
  'Patients were asked to bring paper copies of their referral letters, and some routine appointments were moved to the following month.',
  'The group said there was no evidence that patient records had been copied, but that its investigation with outside experts was continuing.',
  'A spokesman said the booking system was fully restored on Sunday evening and that staff had worked through the weekend to clear the backlog.',
];

const FURNITURE_SENTENCE = 'Readers who enjoyed this story will also want to look at the other reports our team has published this week.';

function pageWith(furniture: string): string {
  const [a, b, c, d] = PARAGRAPHS.map((p) => `<p>${p}</p>`);
  return `<!DOCTYPE html><html><head><title>Hospital hit by ransomware</title></head><body>
    <nav><a href="/">Home</a></nav>
    <main><article><div class="article-body">${a}${b}${furniture}${c}${d}</div></article></main>
  </body></html>`;
}

const CASES: Record<string, string> = {
  'share bar': `<div class="share-tools"><p>${FURNITURE_SENTENCE}</p></div>`,
  'social links (camelCase class)': `<div class="articleSocialLinks"><p>${FURNITURE_SENTENCE}</p></div>`,
  'related stories': `<section class="related-content"><p>${FURNITURE_SENTENCE}</p></section>`,
  'recommended reading': `<div id="recommended"><p>${FURNITURE_SENTENCE}</p></div>`,
  'cookie banner': `<div class="cookie-notice"><p>${FURNITURE_SENTENCE}</p></div>`,
  'consent dialog': `<div id="gdpr-consent"><p>${FURNITURE_SENTENCE}</p></div>`,
  'comments section': `<section id="comments"><p>${FURNITURE_SENTENCE}</p></section>`,
  'newsletter box': `<div class="newsletter-signup"><p>${FURNITURE_SENTENCE}</p></div>`,
  'advert slot': `<div class="ad-container"><p>${FURNITURE_SENTENCE}</p></div>`,
  'sponsored block': `<div class="sponsored-content"><p>${FURNITURE_SENTENCE}</p></div>`,
  'author bio box': `<div class="author-bio"><p>${FURNITURE_SENTENCE}</p></div>`,
  'image caption': `<figure><figcaption>${FURNITURE_SENTENCE}</figcaption></figure>`,
  'caption paragraph': `<p class="wp-caption-text">${FURNITURE_SENTENCE}</p>`,
  'inline aside': `<aside><p>${FURNITURE_SENTENCE}</p></aside>`,
  'role=complementary box': `<div role="complementary"><p>${FURNITURE_SENTENCE}</p></div>`,
  'footer inside the article': `<footer><p>${FURNITURE_SENTENCE}</p></footer>`,
  'hidden attribute': `<div hidden><p>${FURNITURE_SENTENCE}</p></div>`,
  'display:none': `<div style="display: none"><p>${FURNITURE_SENTENCE}</p></div>`,
  'closed collapsible (Bootstrap .collapse)': `<div id="letter" class="collapse"><p>${FURNITURE_SENTENCE}</p></div>`,
  'screen-reader-only text': `<p class="sr-only">${FURNITURE_SENTENCE}</p>`,
  'aria-hidden': `<div aria-hidden="true"><p>${FURNITURE_SENTENCE}</p></div>`,
  'script text': `<script>var note = "${FURNITURE_SENTENCE}";</script>`,
  'noscript fallback': `<noscript><p>${FURNITURE_SENTENCE}</p></noscript>`,
  'form with a button': `<form><button>${FURNITURE_SENTENCE}</button></form>`,
  'svg sprite titles': `<svg><title>abusesaffiliationarrow-downarrow-leftarrow-rightarrow-upattack-type</title><title>${FURNITURE_SENTENCE}</title></svg>`,
  'icon-font names in a span': '<div><span>arrow-downarrow-leftarrow-rightburgerchevron-downchevron-leftchevron-rightclosefacebookemail</span></div>',
  'share button names': '<div><span>Facebook</span> <span>Twitter</span> <span>WhatsApp</span> <span>Email</span></div>',
  'ad label': '<p>ADVERTISEMENT</p>',
};

describe('boilerplate inside the article body', () => {
  it.each(Object.entries(CASES))('removes the %s and keeps all four paragraphs', (_, furniture) => {
    const html = pageWith(furniture);
    const article = scrapeArticle({ url: 'https://h.test/x', finalUrl: 'https://h.test/x', status: 200, html, fetchedAt: '' });
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS);
  });

  it('keeps a furniture-named wrapper that holds the whole story ("widget", "has-sidebar")', () => {
    const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
    const html = `<html><body><div class="widget Blog"><div class="layout has-sidebar">${body}</div></div><div class="sidebar"><p>${FURNITURE_SENTENCE}</p></div></body></html>`;
    const article = scrapeArticle({ url: 'https://h.test/x', finalUrl: 'https://h.test/x', status: 200, html, fetchedAt: '' });
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS);
  });

  it('removes a closed collapsible even when it holds several paragraphs of prose', () => {
    const story = [...PARAGRAPHS, ...PARAGRAPHS].map((p) => `<p>${p}</p>`).join('');
    const letter = `<div class="collapse">${Array(6).fill(`<p>${FURNITURE_SENTENCE}</p>`).join('')}</div>`;
    const html = `<html><body><div class="story">${story}${letter}</div></body></html>`;
    const article = scrapeArticle({ url: 'https://h.test/x', finalUrl: 'https://h.test/x', status: 200, html, fetchedAt: '' });
    expect(article.text.split('\n\n')).toEqual([...PARAGRAPHS, ...PARAGRAPHS]);
  });

  it('removes a page footer full of legal prose', () => {
    const story = [...PARAGRAPHS, ...PARAGRAPHS].map((p) => `<p>${p}</p>`).join('');
    const legal = Array(6).fill('<p>These statements have not been evaluated by any regulator, and results will vary from one reader to another.</p>').join('');
    const html = `<html><body><div class="story">${story}</div><footer class="site-footer">${legal}</footer></body></html>`;
    const article = scrapeArticle({ url: 'https://h.test/x', finalUrl: 'https://h.test/x', status: 200, html, fetchedAt: '' });
    expect(article.text.split('\n\n')).toEqual([...PARAGRAPHS, ...PARAGRAPHS]);
  });

  it.each(Object.entries({
    'an open collapsible (.collapse.show)': `<div class="collapse show"><p>${FURNITURE_SENTENCE}</p></div>`,
    'a block hidden only on phones (hidden-xs)': `<div class="hidden-xs"><p>${FURNITURE_SENTENCE}</p></div>`,
  }))('keeps %s', (_, block) => {
    const html = pageWith(block);
    const article = scrapeArticle({ url: 'https://h.test/x', finalUrl: 'https://h.test/x', status: 200, html, fetchedAt: '' });
    expect(article.text).toContain(FURNITURE_SENTENCE);
  });

  it('keeps an embedded post even inside a "social" wrapper', () => {
    const html = pageWith(`<div class="social-embed"><blockquote class="twitter-tweet"><p>${FURNITURE_SENTENCE}</p></blockquote></div>`);
    const article = scrapeArticle({ url: 'https://h.test/x', finalUrl: 'https://h.test/x', status: 200, html, fetchedAt: '' });
    expect(article.text).toContain(FURNITURE_SENTENCE);
  });
});
