// The catalogue in a real browser (Debian's Chromium through playwright-core) on the demo's data:
// what a person sees and does. Skipped, with a notice, only where no Chromium is installed.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../helpers/run-cli';
import { hasChromium, screenshotPath, useCatalogueSite } from './browser';

const describeBrowser = hasChromium() ? describe : describe.skip;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A page that collects its console errors, uncaught exceptions and failed requests. */
async function openPage(browser: Browser, opts: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true, viewport: { width: opts.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return { page, errors };
}

const itemNames = (page: Page) => page.locator('.incidents > li h3').allTextContents();

/** axe-core's WCAG 2 A and AA checks on the page as it is (evaluated over CDP, so the page's CSP does not apply). */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Axe = { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describeBrowser('the catalogue in Chromium, on the demo data', () => {
  jest.setTimeout(90_000);
  let demoOutput = '';
  const site = useCatalogueSite(async (db) => {
    const demo = await runCli(['demo', '--db', db, '--port', String(await freePort())]);
    expect(demo.code).toBe(0);
    demoOutput = demo.stdout;
  });

  it('the demo ends with how to open the catalogue', () => {
    expect(demoOutput.trimEnd().split('\n').pop()).toBe(`to browse the incidents: breachfeed serve --db ${site.db}, then open http://127.0.0.1:8080/`);
  });

  it('loads with no console error, shows the incidents, and takes its screenshots', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.base}/`);
    await page.waitForFunction(() => (window as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart'));
    const names = await itemNames(page);
    expect(names).toEqual(expect.arrayContaining(['Weibo', 'OnePlus', 'Tixhaven']));
    expect(await page.locator('#top-types li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('catalogue.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('is readable at a phone width: nothing wider than the screen, list or incident page', async () => {
    const { page, errors } = await openPage(site.browser, { width: 390 });
    await page.goto(`${site.base}/`);
    await page.waitForFunction(() => (window as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('catalogue-phone.png'), fullPage: true });
    await page.locator('.incidents > li h3 a').first().click();
    await page.waitForURL(/\/incidents\//);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('incident-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('typing "weibo" in the search box leaves only Weibo\'s incident, the URL and the chart follow; no match hides the chart', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.base}/`);
    await page.locator('#q').pressSequentially('weibo', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.incidents > li').length === 1);
    expect(await itemNames(page)).toEqual(['Weibo']);
    await page.waitForFunction(() => location.search === '?q=weibo');
    // The chart follows: one incident, in March 2020.
    await page.waitForFunction(() => {
      const chart = (window as unknown as { Chart: { getChart(id: string): { data: { labels: string[] } } } }).Chart.getChart('chart');
      return chart.data.labels.join() === '2020-03';
    });
    await page.locator('#q').pressSequentially('-nobody', { delay: 10 });
    await page.waitForFunction(() => document.querySelectorAll('.incidents > li').length === 0 && (document.getElementById('timeline') as HTMLElement).hidden);
    expect(await page.locator('#results-status').textContent()).toBe('No incident matches these filters.');
    expect(errors).toEqual([]);
  });

  it('the data-type filter narrows the list to incidents that leaked that type', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.base}/`);
    const before = (await itemNames(page)).length;
    await page.selectOption('#type', 'medical');
    await page.waitForFunction((n) => document.querySelectorAll('.incidents > li').length < n, before);
    const tags = await page.locator('.incidents > li').evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('ul.tags:not(.tags-safe) .tag')].map((t) => t.textContent)));
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(t).toContain('medical');
    expect(new URL(page.url()).searchParams.get('type')).toBe('medical');
    expect(errors).toEqual([]);
  });

  it('works with JavaScript off: the list, and the search form submitted', async () => {
    const { page, errors } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.base}/`);
    expect((await itemNames(page)).length).toBeGreaterThan(5);
    await page.fill('#q', 'weibo');
    await Promise.all([page.waitForURL(/q=weibo/), page.press('#q', 'Enter')]);
    expect(await itemNames(page)).toEqual(['Weibo']);
    expect(errors).toEqual([]);
  });

  it('the 2018 OnePlus incident page shows the sentence of its count, the count highlighted, and its source', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.base}/?q=oneplus`);
    await page.locator('.incidents > li', { hasText: 'January 2018' }).locator('h3 a').click();
    await page.waitForURL(/\/incidents\//);
    expect(await page.locator('h1').textContent()).toBe('OnePlus');
    const affected = page.locator('.evidence-field', { hasText: 'Affected' });
    expect(await affected.locator('.sentence').first().textContent())
      .toBe('In January 2018, OnePlus reported that credit card data for up to 40,000 of its users had been stolen.');
    expect(await affected.locator('.sentence mark').allTextContents()).toContain('up to 40,000 of its users');
    expect(await page.locator('.sources a').first().textContent()).toBe('OnePlus suffers second data breach in two years');
    await page.screenshot({ path: screenshotPath('incident.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the chart draws one bar per month with the right total, and a hover shows the counts', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.base}/`);
    const api = await (await fetch(`${site.base}/incidents?limit=1000`)).json() as { items: { disclosedAt: string | null }[] };
    const expected = new Map<string, number>();
    for (const i of api.items) if (i.disclosedAt) expected.set(i.disclosedAt.slice(0, 7), (expected.get(i.disclosedAt.slice(0, 7)) ?? 0) + 1);
    await page.waitForFunction(() => (window as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart'));
    const drawn = await page.evaluate(() => {
      type ChartLike = { data: { labels: string[]; datasets: { data: number[] }[] }; getDatasetMeta(i: number): { data: unknown[] } };
      const chart = (window as unknown as { Chart: { getChart(id: string): ChartLike } }).Chart.getChart('chart');
      const { labels, datasets } = chart.data;
      return {
        labels,
        barsPerDataset: datasets.map((_, n) => chart.getDatasetMeta(n).data.length),
        totals: labels.map((_, m) => datasets.reduce((sum, d) => sum + d.data[m], 0)),
      };
    });
    const months = [...expected.keys()].sort();
    expect(drawn.labels[0]).toBe(months[0]);
    expect(drawn.labels[drawn.labels.length - 1]).toBe(months[months.length - 1]);
    expect(new Set(drawn.labels).size).toBe(drawn.labels.length);
    for (const n of drawn.barsPerDataset) expect(n).toBe(drawn.labels.length);
    expect(Object.fromEntries(drawn.labels.map((m, n) => [m, drawn.totals[n]]).filter(([, t]) => t))).toEqual(Object.fromEntries(expected));

    // The same figures as a table, for keyboards and screen readers.
    await page.locator('.months summary').click();
    const rows = await page.locator('#months-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, Number(tr.lastElementChild?.textContent)]));
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(expected));

    // Hovering the busiest month shows its counts by type and its total.
    const busiest = drawn.totals.indexOf(Math.max(...drawn.totals));
    const at = await page.evaluate((m) => {
      type Bar = { x: number; y: number };
      const chart = (window as unknown as { Chart: { getChart(id: string): { getDatasetMeta(i: number): { data: Bar[] }; canvas: HTMLCanvasElement } } }).Chart.getChart('chart');
      const box = chart.canvas.getBoundingClientRect();
      const bar = chart.getDatasetMeta(0).data[m];
      return { x: box.left + bar.x, y: box.top + box.height / 2 };
    }, busiest);
    await page.mouse.move(at.x, at.y);
    const tooltip = await page.waitForFunction(() => {
      const t = (window as unknown as { Chart: { getChart(id: string): { tooltip: { opacity: number; title: string[]; body: { lines: string[] }[]; footer: string[] } } } }).Chart.getChart('chart').tooltip;
      return t.opacity > 0 && t.footer.length ? { title: t.title, lines: t.body.flatMap((b) => b.lines), footer: t.footer } : null;
    });
    const shown = await tooltip.jsonValue() as { title: string[]; lines: string[]; footer: string[] };
    expect(shown.title).toEqual([drawn.labels[busiest]]);
    expect(shown.footer).toEqual([`Total: ${drawn.totals[busiest]} incidents`]);
    expect(shown.lines.reduce((sum, l) => sum + Number(/: (\d+)$/.exec(l)?.[1] ?? 0), 0)).toBe(drawn.totals[busiest]);
    expect(errors).toEqual([]);
  });

  it('passes axe-core\'s WCAG 2.1 A and AA checks: the catalogue (chart drawn, table open) and an incident page', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.base}/`);
    await page.waitForFunction(() => (window as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart'));
    await page.locator('.months summary').click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${site.base}/?q=oneplus`);
    await page.locator('.incidents > li h3 a').first().click();
    await page.waitForURL(/\/incidents\//);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the keyboard reaches the search box, then the results', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.base}/`);
    const reached: string[] = [];
    for (let n = 0; n < 40 && !reached.includes('result'); n++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return 'none';
        if (el.closest('.incidents')) return 'result';
        return el.id || el.tagName.toLowerCase();
      }));
    }
    expect(reached).toContain('q');
    expect(reached).toContain('result');
    expect(reached.indexOf('q')).toBeLessThan(reached.indexOf('result'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/incidents\//);
  });
});
