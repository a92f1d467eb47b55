import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE_CSS } from './assets/catalogue-css';
import { CATALOGUE_JS } from './assets/catalogue-js';
import { FAVICON_SVG } from './assets/favicon-svg';
import type { PageAssets } from './layout';

/** A static file served from memory under a URL that changes with its content (so it is cached for good). */
export interface Asset {
  url: string;
  type: string;
  body: Buffer;
}

export const ASSET_PREFIX = '/assets/';

/** The page's own files and Chart.js's browser build, read from node_modules as the package ships it (no build step). */
export function loadAssets(): { assets: Map<string, Asset>; page: PageAssets } {
  // chart.js exports only its entry points; the UMD build sits beside the CommonJS one.
  const chart = readFileSync(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'));
  const files: [string, Buffer, string][] = [
    ['catalogue.css', Buffer.from(CATALOGUE_CSS), 'text/css; charset=utf-8'],
    ['chart.umd.min.js', chart, 'application/javascript; charset=utf-8'],
    ['catalogue.js', Buffer.from(CATALOGUE_JS), 'application/javascript; charset=utf-8'],
    ['favicon.svg', Buffer.from(FAVICON_SVG), 'image/svg+xml'],
  ];
  const assets = new Map<string, Asset>();
  for (const [name, body, type] of files) {
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
    const url = `${ASSET_PREFIX}${hash}/${name}`;
    assets.set(url, { url, type, body });
  }
  const [css, chartJs, catalogue, icon] = [...assets.keys()];
  return { assets, page: { css, scripts: [chartJs, catalogue], icon } };
}
