// Behind a token, a person signs in once with the read token (the sign-in form of src/api/auth.ts)
// and the catalogue then works from its cookie: the page, its files and the timeline's figures.
import { hasChromium, useCatalogueSite } from './browser';
import { seeded } from './catalogue-store';

const describeBrowser = hasChromium() ? describe : describe.skip;

describeBrowser('the catalogue behind a token, in Chromium', () => {
  jest.setTimeout(60_000);
  const site = useCatalogueSite(seeded(30), { readToken: 'reader-tok', operateToken: 'operator-tok' });

  it('sends a person to sign in, then back to the filtered catalogue, chart and all', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.base}/?type=email`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.fill('input[name="token"]', 'reader-tok');
    await Promise.all([page.waitForURL(`${site.base}/?type=email`), page.press('input[name="token"]', 'Enter')]);
    await page.waitForFunction(() => (window as unknown as { Chart?: { getChart(id: string): unknown } }).Chart?.getChart('chart'));
    expect(await page.locator('.incidents > li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
