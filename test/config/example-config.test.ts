import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ENVIRONMENT } from '../../src/config/environment';
import { loadSettings } from '../../src/config/settings';
import { FETCH_DEFAULTS, resolveFetchOptions } from '../../src/ingest/fetch-options';

// breachfeed.example.yaml is what users copy: it must load, and say exactly what the defaults are.
const EXAMPLE = path.join(__dirname, '..', '..', 'breachfeed.example.yaml');

describe('breachfeed.example.yaml', () => {
  it('loads through the config loader and equals the built-in defaults', () => {
    const example = loadSettings(EXAMPLE, {});
    const defaults = loadSettings(null, {});
    // The file spells out every fetch option; the defaults leave them to the fetcher.
    expect({ ...example, fetch: resolveFetchOptions(example.fetch), source: null }).toEqual({ ...defaults, fetch: resolveFetchOptions(defaults.fetch) });
  });

  it('spells out every setting of the file rather than leaving some to the defaults', () => {
    const raw = YAML.parse(fs.readFileSync(EXAMPLE, 'utf8')) as { fetch: object; run: object; store: object };
    expect(Object.keys(raw.fetch).sort()).toEqual(Object.keys(FETCH_DEFAULTS).sort());
    expect(Object.keys(raw.run).sort()).toEqual(['concurrency', 'maxItemsPerFeed']);
    expect(Object.keys(raw.store)).toEqual(['sqlite']);
  });

  it('names every environment variable breachfeed reads', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    expect(Object.keys(ENVIRONMENT).filter((name) => !new RegExp(`\\b${name}\\b`).test(text))).toEqual([]);
  });
});
