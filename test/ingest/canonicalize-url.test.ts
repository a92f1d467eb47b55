import { createHash } from 'node:crypto';
import { ContentError } from '../../src/errors';
import { articleKey, canonicalizeUrl, isTrackingParam } from '../../src/ingest/canonicalize-url';

const cases: Record<string, [string, string]> = {
  'strips utm_* in any case': ['https://a.test/x?utm_source=rss&UTM_Medium=feed&id=3', 'https://a.test/x?id=3'],
  'strips click ids': ['https://a.test/x?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2&msclkid=3', 'https://a.test/x'],
  'strips the fragment': ['https://a.test/x#comments', 'https://a.test/x'],
  'drops the default https port': ['https://a.test:443/x', 'https://a.test/x'],
  'drops the default http port': ['http://a.test:80/x', 'http://a.test/x'],
  'keeps a non-default port': ['http://a.test:8080/x', 'http://a.test:8080/x'],
  'lowercases the host, not the path': ['https://WWW.Example.TEST/Path/Story', 'https://www.example.test/Path/Story'],
  'drops a trailing dot on the host': ['https://a.test./x', 'https://a.test/x'],
  'sorts the remaining parameters': ['https://a.test/x?b=2&a=1&c=3', 'https://a.test/x?a=1&b=2&c=3'],
  'keeps the order of a repeated parameter': ['https://a.test/x?t=2&a=1&t=1', 'https://a.test/x?a=1&t=2&t=1'],
  'drops credentials': ['https://user:pw@a.test/x', 'https://a.test/x'],
  'adds the root path': ['https://a.test', 'https://a.test/'],
  'trims whitespace': ['  https://a.test/x  ', 'https://a.test/x'],
  'keeps meaningful parameters like ref and page': ['https://a.test/x?page=2&ref=home', 'https://a.test/x?page=2&ref=home'],
};

describe('canonicalizeUrl', () => {
  it.each(Object.entries(cases))('%s', (_name, [input, expected]) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each(Object.values(cases).map(([input]) => input))('is idempotent for %s', (input) => {
    const once = canonicalizeUrl(input);
    expect(canonicalizeUrl(once)).toBe(once);
  });

  it('refuses what is not an http(s) URL with a one-line ContentError', () => {
    expect(() => canonicalizeUrl('not a url')).toThrow(new ContentError('url: "not a url" is not a valid URL'));
    expect(() => canonicalizeUrl('javascript:alert(1)')).toThrow(new ContentError('url: "javascript:alert(1)" is not an http(s) URL'));
  });
});

describe('isTrackingParam', () => {
  it.each(['utm_campaign', 'fbclid', 'gclid', '_ga', 'mc_cid', 'pk_source'])('%s is tracking', (p) => expect(isTrackingParam(p)).toBe(true));
  it.each(['id', 'page', 'p', 'story', 'utm'])('%s is not', (p) => expect(isTrackingParam(p)).toBe(false));
});

describe('articleKey', () => {
  it('is the sha256 hex of the URL as given', () => {
    const url = 'https://a.test/x';
    expect(articleKey(url)).toBe(createHash('sha256').update(url).digest('hex'));
    expect(articleKey(url)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same key to spellings of one article once canonicalized', () => {
    const keys = ['https://A.test/x?utm_source=a#c', 'https://a.test:443/x?fbclid=z', 'https://a.test/x'].map((u) => articleKey(canonicalizeUrl(u)));
    expect(new Set(keys).size).toBe(1);
    expect(articleKey(canonicalizeUrl('https://a.test/y'))).not.toBe(keys[0]);
  });
});

describe('canonicalizeUrl with origin aliases', () => {
  const aliases = { 'http://127.0.0.1:41234': 'http://127.0.0.1:47810' };

  it('stores an aliased origin under its canonical one, path and query kept', () => {
    expect(canonicalizeUrl('http://127.0.0.1:41234/a/b.html?utm_source=x&p=2#c', aliases)).toBe('http://127.0.0.1:47810/a/b.html?p=2');
    expect(canonicalizeUrl('http://127.0.0.1:47810/a/b.html', aliases)).toBe('http://127.0.0.1:47810/a/b.html');
  });

  it('leaves other origins alone, a different port of the same host included', () => {
    expect(canonicalizeUrl('http://127.0.0.1:41235/a', aliases)).toBe('http://127.0.0.1:41235/a');
    expect(canonicalizeUrl('https://127.0.0.1:41234/a', aliases)).toBe('https://127.0.0.1:41234/a');
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('http://127.0.0.1:41234/x', aliases);
    expect(canonicalizeUrl(once, aliases)).toBe(once);
  });
});
