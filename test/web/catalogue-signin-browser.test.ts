// Behind a token, a person signs in once with the read token (the sign-in form of src/api/auth.ts)
// and the catalogue then works from its cookie: the page, its files and the timeline's figures.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer } from '../../src/api/server';
import type { RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';
import { hasChromium, launchChromium } from './browser';
import { seedCatalogue } from './catalogue-store';

const describeBrowser = hasChromium() ? describe : describe.skip;

describeBrowser('the catalogue behind a token, in Chromium', () => {
  jest.setTimeout(60_000);
  let tmp: ReturnType<typeof makeTempDir>;
  let store: RecordStore;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  beforeAll(async () => {
    tmp = makeTempDir();
    store = openSqliteStore(path.join(tmp.dir, 'signin.db'));
    await seedCatalogue(store, 30);
    const server = await startServer({ store, port: 0, readToken: 'reader-tok', operateToken: 'operator-tok' });
    base = server.url;
    close = () => server.app.close();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await store?.close();
    tmp?.cleanup();
  });

  it('sends a person to sign in, then back to the filtered catalogue, chart and all', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/?type=email`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.fill('input[name="token"]', 'reader-tok');
    await Promise.all([page.waitForURL(`${base}/?type=email`), page.press('input[name="token"]', 'Enter')]);
    await page.waitForFunction(() => (window as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart'));
    expect(await page.locator('.incidents > li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
