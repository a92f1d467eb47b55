// Debian's Chromium driven by playwright-core. The network is closed here: the flags stop Chromium's
// own calls home (which would only show up as refused connections).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');

/** True when Chromium is installed; otherwise prints why the browser tests are skipped. */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (.ci/run installs it with apt-get)`);
  return false;
}

/** A headless Chromium with a fresh profile (playwright gives each launch its own --user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', // a container's small /dev/shm must not crash the renderer
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}
