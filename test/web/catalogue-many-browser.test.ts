// The catalogue in Chromium over a store of a few thousand generated reports (test/web/catalogue-store.ts),
// one of which carries an XSS attempt as its organization and headline.
import type { Page } from 'playwright-core';
import { hasChromium, screenshotPath, useCatalogueSite } from './browser';
import { HOSTILE, seeded } from './catalogue-store';

const describeBrowser = hasChromium() ? describe : describe.skip;
const REPORTS = 3000;

type ChartLike = { data: { labels: string[]; datasets: { data: number[] }[] }; getDatasetMeta(i: number): { data: unknown[] } };
const chartReady = (page: Page) => page.waitForFunction(() => (window as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart'));

describeBrowser(`the catalogue in Chromium, on ${REPORTS} reports`, () => {
  jest.setTimeout(120_000);
  const site = useCatalogueSite(seeded(REPORTS));
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await (await site.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    // A dialog would mean the hostile headline ran as script.
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('loads the first page with no console error, and the chart totals every incident per month', async () => {
    await page.goto(`${site.base}/`);
    await chartReady(page);
    expect(await page.locator('.incidents > li').count()).toBe(50);
    const expected = new Map<string, number>();
    // The API's change feed, read to its end (an empty page: its cursor waits for the next changes).
    for (let cursor = ''; ;) {
      const res = await fetch(`${site.base}/incidents?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      const body = await res.json() as { items: { disclosedAt: string | null }[]; nextCursor: string | null };
      for (const i of body.items) if (i.disclosedAt) expected.set(i.disclosedAt.slice(0, 7), (expected.get(i.disclosedAt.slice(0, 7)) ?? 0) + 1);
      if (!body.items.length || !body.nextCursor) break;
      cursor = body.nextCursor;
    }
    const drawn = await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(id: string): ChartLike } }).Chart.getChart('chart');
      const { labels, datasets } = chart.data;
      return { labels, bars: datasets.map((_, n) => chart.getDatasetMeta(n).data.length), totals: labels.map((_, m) => datasets.reduce((s, d) => s + d.data[m], 0)) };
    });
    for (const n of drawn.bars) expect(n).toBe(drawn.labels.length);
    expect(Object.fromEntries(drawn.labels.map((m, n) => [m, drawn.totals[n]]).filter(([, t]) => t))).toEqual(Object.fromEntries([...expected].sort()));
    await page.screenshot({ path: screenshotPath('catalogue-many.png') });
  });

  it('shows a stored headline <img src=x onerror=alert(1)> as text, in the list and on its page, and runs nothing', async () => {
    await page.goto(`${site.base}/`);
    await page.locator('#q').pressSequentially('<img', { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll('.incidents > li').length === 1);
    expect(await page.locator('.incidents > li h3').textContent()).toBe(HOSTILE);
    expect(await page.locator('main img').count()).toBe(0);
    await page.locator('.incidents > li h3 a').click();
    await page.waitForURL(/\/incidents\//);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE);
    expect(await page.locator('.sources a').first().textContent()).toBe(HOSTILE);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => document.title)).toContain(HOSTILE);
  });

  it('pages by cursor: Next page shows the next incidents, in the newest-first order', async () => {
    await page.goto(`${site.base}/?type=medical`);
    const first = await page.locator('.incidents > li h3').allTextContents();
    const lastDate = await page.locator('.incidents > li').last().locator('time').nth(1).getAttribute('datetime');
    await Promise.all([page.waitForURL(/cursor=/), page.click('a[rel="next"]')]);
    expect(new URL(page.url()).searchParams.get('type')).toBe('medical');
    const second = await page.locator('.incidents > li h3').allTextContents();
    expect(second.length).toBeGreaterThan(0);
    const firstDate = await page.locator('.incidents > li').first().locator('time').nth(1).getAttribute('datetime');
    expect(String(firstDate) <= String(lastDate)).toBe(true);
    expect(second).not.toEqual(first);
  });

  it('typing an organization narrows thousands of incidents to its own', async () => {
    await page.goto(`${site.base}/`);
    await page.locator('#q').pressSequentially('org 007 ', { delay: 20 });
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('.incidents > li h3')].map((h) => h.textContent);
      return names.length > 0 && names.every((n) => n === 'Org 007 Holdings');
    });
    await chartReady(page);
  });
});
