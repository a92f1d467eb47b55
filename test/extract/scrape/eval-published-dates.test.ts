// Publication dates on the shared article yardstick's dev pages, checked against the
// pages: a script compared every scraped date with the URL's date and the dates
// visible in the page text, and the pages where those disagreed or were missing were
// read by hand. 85 pages checked: 83 state a date, 2 state none (null below).
// The expected value is the publisher's local day. A scraped timestamp with a zone
// counts as right when its instant falls on that day in some real time zone
// (UTC-12..UTC+14): "2019-11-20T01:50:59Z" is the evening of 19 November in LA.
// Runs only where ../shared/eval/article exists (the corpus is not in the repo).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { scrapeArticle } from '../../../src/extract/scrape-article';

const EVAL_DIR = path.resolve(__dirname, '../../../../shared/eval/article');
const hasCorpus = existsSync(path.join(EVAL_DIR, 'dev-ground-truth.json'));

// Keyed by the first 12 hex digits of the page id.
const EXPECTED: Record<string, string | null> = {
  "04a6711caa7c": "2019-11-19", // nytimes.com
  "076f4f33bf75": "2019-11-19", // newsnation.in
  "08f793762792": "2019-11-18", // cbssports.com
  "098bb3e96c0a": "2019-11-19", // latimes.com
  "0d46122928b6": "2019-11-19", // sportsnet.ca
  "0e014df693f1": "2014-09-15", // theantijunecleaver.com
  "0ec95c7261d1": "2018-08-25", // entermedia.co.kr
  "11ea381ad92b": "2010-10-22", // autoracing.com.br
  "1ace8c85aaee": "2019-11-18", // techcrunch.com
  "1f765c487806": "2019-11-18", // sputniknews.com
  "20b2b64916b0": "2017-11-23", // remember8090.it
  "21486419bb10": "2015-03-30", // kabarislamia.com
  "232a43fb15ab": "2019-11-18", // macrumors.com
  "23aaecd14171": "2018-09-27", // comoeducarseusfilhos.com.br
  "264dc3ae3124": "2019-11-19", // twincities.com
  "287e4d9f4af3": "2019-11-18", // ign.com
  "291a8bf33ee4": "2019-11-19", // crn.com
  "2c46804d9db4": "2019-11-19", // cbsnews.com
  "2f42ef1d3ea0": "2019-11-14", // wired.com
  "30b771a40a4e": "2014-06-21", // morebikes.co.uk
  "3252222e61fe": "2018-08-23", // comoeducarseusfilhos.com.br
  "34a7328535ad": "2018-10-06", // linknaija.com
  "358cc4a08045": "2018-08-08", // linknaija.com
  "35b158918c67": "2019-11-19", // cleveland.com
  "360c732d1fdb": "2019-11-20", // cityam.com
  "374ac9a59a85": "2019-11-20", // cnbc.com
  "3cb22bfabed8": "2019-11-20", // slashgear.com
  "3ce1c8fdf6ad": "2018-02-16", // catchitkansas.com
  "3f65af7b6b98": "2019-11-19", // nj.com
  "42aad16bde92": "2019-11-19", // aljazeera.com
  "432362af0be4": "2019-11-18", // nypost.com
  "4648a420af99": "2018-04-09", // expapp.com
  "51374560f400": "2019-11-19", // foxbusiness.com
  "55bb6340e3d7": "2019-11-18", // dealbreaker.com
  "57b4dafd18cf": null, // blog.comwrap.com
  "57d46c9d751e": "2019-11-19", // reuters.com
  "5f03fc173ebc": "2018-10-07", // beachbodyondemand.com
  "5f9c5ed5d64d": "2019-11-20", // indiapost.com
  "5fa5679de56c": "2019-11-18", // gizmodo.com
  "5fbc7ccb504c": "2019-11-18", // zdnet.com
  "63db31a161b3": "2019-11-20", // vg247.com
  "65bf3048b500": "2019-11-18", // appleinsider.com
  "680c2848e94a": "2019-11-18", // digg.com
  "686bb170effe": "2019-11-18", // space.com
  "70cb2d5bca75": "2019-11-19", // bbc.com
  "7837c9d66c81": "2015-10-27", // kabarislamia.com
  "7a457a4f7173": "2019-11-19", // nbcnews.com
  "7ab16ade3238": "2019-11-19", // wsj.com
  "7bb1ca903543": "2019-11-18", // gizmodo.com
  "7dfc3e359d7c": "2019-11-19", // foxnews.com
  "7f93c1944a41": "2019-11-13", // newsweek.com
  "833caf3bdba5": "2019-11-20", // albawaba.com
  "8380689f358c": "2019-11-18", // snopes.com
  "851498a2b9f4": "2019-11-15", // slate.com
  "87438a0dacbe": "2019-11-20", // oregonlive.com
  "8b1945303082": "2019-11-18", // thesun.co.uk
  "8cad00dc22de": "2018-10-15", // jeongdongtheater.com
  "8e3efab59f48": "2019-11-19", // profootballtalk.nbcsports.com
  "94fbcc267720": "2018-04-18", // inexhibit.com
  "961bd85ca85a": "2019-11-20", // therepublic.com
  "9e8c9f082a8d": "2019-11-18", // politifact.com
  "a078b3656adc": "2019-11-18", // forbes.com
  "aadb38e527d5": "2019-11-20", // autoindustriya.com
  "aade2ec8d1e7": "2019-11-19", // mspoweruser.com
  "ad826691a8a2": "2019-11-18", // 9to5mac.com
  "aec5deeaada8": "2019-11-20", // sfgate.com
  "ba4dfe2d3e81": "2019-11-19", // express.co.uk
  "c00962aabe7b": "2019-11-18", // thespacereview.com
  "c13b9c0e04fb": "2019-11-19", // spokesman.com
  "c58aa507c4de": "2019-11-19", // usatoday.com
  "c7e39ac49fa1": "2019-11-19", // bbc.com
  "c82b3d1d540b": "2018-10-11", // wday.ru
  "cc03ddb5ef7d": "2018-01-22", // autoracing.com.br
  "d605bdef2cde": "2019-11-18", // cnn.com
  "dc7ccccc1f34": "2019-11-20", // albawaba.com
  "dfd43bc0d46e": "2018-02-15", // my6sense.com
  "e1c7023ee214": "2019-11-18", // phys.org
  "e1cd54e5577d": "2018-10-04", // practicalhorsemanmag.com
  "e7301133baab": "2018-10-09", // theparadigmng.com
  "e7994d550087": "2019-11-20", // hosted.ap.org
  "ec3878db7e49": "2018-01-29", // beachbodyondemand.com
  "ec7fc408c5ce": "2018-08-22", // bigbrandsystem.com
  "ecb46e3e489d": "2019-11-20", // timesunion.com
  "ef2b3f268a67": "2019-11-20", // mysanantonio.com
  "ff0f958ade71": null, // vse-diety.com
};

const HOUR_MS = 3_600_000;

/** Whether a scraped date names the expected local day (see the header). */
function isSameDay(scraped: string | null, expected: string | null): boolean {
  if (scraped === null || expected === null) return scraped === expected;
  if (scraped.length === 10) return scraped === expected;
  const instant = Date.parse(scraped);
  const dayStart = Date.parse(`${expected}T00:00:00Z`);
  return instant >= dayStart - 14 * HOUR_MS && instant < dayStart + 36 * HOUR_MS;
}

(hasCorpus ? describe : describe.skip)('publishedAt on the article eval dev pages', () => {
  const truth = hasCorpus
    ? (JSON.parse(readFileSync(path.join(EVAL_DIR, 'dev-ground-truth.json'), 'utf8')) as Record<string, { url: string }>)
    : {};
  const ids = Object.keys(truth);

  it('covers every checked page', () => {
    expect(ids.map((id) => id.slice(0, 12)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('is right on at least 90% of the pages that state a date, and never invents one', () => {
    const wrong: string[] = [];
    let dated = 0;
    let right = 0;
    for (const id of ids) {
      const html = gunzipSync(readFileSync(path.join(EVAL_DIR, 'dev', `${id}.html.gz`))).toString('utf8');
      const url = truth[id].url;
      const article = scrapeArticle({ url, finalUrl: url, status: 200, html, fetchedAt: '2019-11-21T00:00:00Z' });
      const expected = EXPECTED[id.slice(0, 12)];
      if (expected === null) {
        expect([id, article.publishedAt]).toEqual([id, null]);
        continue;
      }
      dated += 1;
      if (isSameDay(article.publishedAt, expected)) right += 1;
      else wrong.push(`${id.slice(0, 12)} expected ${expected}, scraped ${article.publishedAt}`);
    }
    expect(dated).toBe(83);
    // Known miss: zdnet's JSON-LD datePublished is a day after its visible dateline.
    expect(wrong.length).toBeLessThanOrEqual(Math.floor(dated * 0.1));
    expect(right / dated).toBeGreaterThanOrEqual(0.9);
  });
});
