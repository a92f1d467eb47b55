import { HttpStatusError, isRetryable, describeError, ConfigError } from '../src/errors';

describe('errors', () => {
  it.each([
    [404, false],
    [410, false],
    [429, true],
    [500, true],
    [503, true],
  ])('HTTP %i retryable=%s', (status, retryable) => {
    const err = new HttpStatusError('https://a.test/x', status);
    expect(isRetryable(err)).toBe(retryable);
    expect(err.message).toBe(`fetch: https://a.test/x answered HTTP ${status}`);
  });

  it('describes foreign errors on one line with their class', () => {
    expect(describeError(new TypeError('bad\nthing'))).toBe('TypeError: bad');
    expect(describeError(new ConfigError('config: x'))).toBe('config: x');
  });
});
