import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../errors';
import type { PageAssets } from './layout';

/** A static file served from memory under a URL that changes with its content (so it is cached for good). */
export interface Asset {
  url: string;
  type: string;
  body: Buffer;
}

export const ASSET_PREFIX = '/assets/';

/** The page's own files (src/api/web/assets, read as they are: no build step) and Chart.js from node_modules. */
export function loadAssets(): { assets: Map<string, Asset>; page: PageAssets } {
  const root = packageRoot(__dirname);
  const own = path.join(root, 'src', 'api', 'web', 'assets');
  // chart.js exports only its entry points; the UMD build sits beside the CommonJS one.
  const chartDir = path.dirname(require.resolve('chart.js'));
  const files: [string, string, string][] = [
    ['catalogue.css', path.join(own, 'catalogue.css'), 'text/css; charset=utf-8'],
    ['chart.umd.min.js', path.join(chartDir, 'chart.umd.min.js'), 'application/javascript; charset=utf-8'],
    ['catalogue.js', path.join(own, 'catalogue.js'), 'application/javascript; charset=utf-8'],
    ['favicon.svg', path.join(own, 'favicon.svg'), 'image/svg+xml'],
  ];
  const assets = new Map<string, Asset>();
  for (const [name, file, type] of files) {
    const body = readFileSync(file);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
    const url = `${ASSET_PREFIX}${hash}/${name}`;
    assets.set(url, { url, type, body });
  }
  const [css, chart, catalogue, icon] = [...assets.keys()];
  return { assets, page: { css, scripts: [chart, catalogue], icon } };
}

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'api', 'web', 'assets'))) return dir;
    if (path.dirname(dir) === dir) throw new ConfigError(`web: no src/api/web/assets above ${from}`);
  }
}
