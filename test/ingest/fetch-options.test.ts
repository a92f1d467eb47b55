import { ConfigError } from '../../src/errors';
import { DEFAULT_USER_AGENT, FETCH_DEFAULTS, resolveFetchOptions, type FetchOptions } from '../../src/ingest/fetch-options';

describe('resolveFetchOptions', () => {
  it('fills every default', () => {
    expect(resolveFetchOptions()).toEqual(FETCH_DEFAULTS);
    expect(resolveFetchOptions().userAgent).toBe('breachfeed/0.1 (+https://github.com/breachfeed/breachfeed)');
    expect(resolveFetchOptions().allowPrivateAddresses).toBe(false);
  });

  it('keeps given values and ignores undefined ones', () => {
    const o = resolveFetchOptions({ timeoutMs: 5_000, maxRedirects: 0, perHostDelayMs: 0, userAgent: undefined });
    expect(o).toMatchObject({ timeoutMs: 5_000, maxRedirects: 0, perHostDelayMs: 0, userAgent: DEFAULT_USER_AGENT });
  });

  const bad: Record<string, [FetchOptions, string]> = {
    'zero timeout': [{ timeoutMs: 0 }, 'fetch.timeoutMs must be an integer >= 1 (got 0)'],
    'negative delay': [{ perHostDelayMs: -1 }, 'fetch.perHostDelayMs must be an integer >= 0 (got -1)'],
    'fractional body cap': [{ maxBodyBytes: 1.5 }, 'fetch.maxBodyBytes must be an integer >= 1 (got 1.5)'],
    'NaN concurrency': [{ perHostConcurrency: NaN }, 'fetch.perHostConcurrency must be an integer >= 1 (got null)'],
    'string redirects': [{ maxRedirects: '5' as unknown as number }, 'fetch.maxRedirects must be an integer >= 0 (got "5")'],
    'multi-line user agent': [{ userAgent: 'a\r\nX-Evil: 1' }, 'fetch.userAgent must be a non-empty single-line string (got "a\\r\\nX-Evil: 1")'],
    'string boolean': [{ allowPrivateAddresses: 'yes' as unknown as boolean }, 'fetch.allowPrivateAddresses must be true or false (got "yes")'],
  };
  it.each(Object.entries(bad))('%s → one ConfigError line', (_name, [opts, message]) => {
    expect(() => resolveFetchOptions(opts)).toThrow(new ConfigError(message));
  });
});
