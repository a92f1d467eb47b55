import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { scrapeDirectory } from '../../../src/pipeline/scrape-directory';
import { ContentError } from '../../../src/errors';

const FIXTURES = path.resolve(__dirname, '../../fixtures/pages');

describe('scrapeDirectory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'scrape-dir-'));
    copyFileSync(path.join(FIXTURES, 'article-with-boilerplate.html'), path.join(dir, 'plain-page.html'));
    writeFileSync(path.join(dir, 'zipped-page.html.gz'), gzipSync(readFileSync(path.join(FIXTURES, 'article-split-around-ad.html'))));
    writeFileSync(path.join(dir, 'listing.html'), readFileSync(path.join(FIXTURES, 'listing-page-no-article.html')));
    writeFileSync(path.join(dir, 'not-gzip.html.gz'), 'this is not gzip data');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a page');
    // A windows-1252 page saved as it was served: "café" and curly quotes are single bytes.
    const cp1252 = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></head><body><article><p>The owner of the '),
      Buffer.from([0x93]),
      Buffer.from('Caf'),
      Buffer.from([0xe9, 0x94]),
      Buffer.from(' on the square said the building had been sold, and that the last day of trading would be Sunday.</p></article></body></html>'),
    ]);
    writeFileSync(path.join(dir, 'legacy-charset.html'), cp1252);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keys pages by file name without extensions and reads .html and .html.gz', async () => {
    const out = await scrapeDirectory(dir);
    expect(Object.keys(out).sort()).toEqual(['legacy-charset', 'listing', 'not-gzip', 'plain-page', 'zipped-page']);
    expect(out['plain-page'].articleBody).toMatch(/^A national retailer said on Friday/);
    expect(out['plain-page'].title).toBe('Retailer confirms breach of 2 million loyalty accounts');
    expect(out['plain-page'].publishedAt).toBe('2020-03-27T08:15:00Z');
    expect(out['zipped-page'].articleBody).toMatch(/^Residents of the city/);
    expect(out['zipped-page'].author).toBe('Dana Ortiz');
  });

  it('decodes pages by their declared charset, not as UTF-8', async () => {
    const out = await scrapeDirectory(dir);
    expect(out['legacy-charset'].title).toBe('Café');
    expect(out['legacy-charset'].articleBody).toMatch(/^The owner of the “Café” on the square/);
  });

  it('gives pages without an article, and unreadable files, an empty body and a reason', async () => {
    const out = await scrapeDirectory(dir);
    expect(out.listing.articleBody).toBe('');
    expect(out.listing.emptyReason).toMatch(/no article text/);
    expect(out['not-gzip'].articleBody).toBe('');
    expect(out['not-gzip'].emptyReason).toBe('scrape: not-gzip.html.gz is not valid gzip');
  });

  it('uses the page URLs it is given for dates and canonical links', async () => {
    const out = await scrapeDirectory(dir, { 'zipped-page': 'https://courier.test/2019/11/19/water-bills' });
    expect(out['zipped-page'].canonicalUrl).toBe('https://courier.test/2019/11/19/water-bills');
  });

  it('refuses a folder that does not exist, with one line naming it', async () => {
    const missing = path.join(dir, 'nope');
    await expect(scrapeDirectory(missing)).rejects.toThrow(ContentError);
    await expect(scrapeDirectory(missing)).rejects.toThrow(`scrape: cannot read folder ${missing} (ENOENT)`);
  });
});
