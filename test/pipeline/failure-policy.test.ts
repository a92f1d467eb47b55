import { backoffUntil } from '../../src/pipeline/poll-feed';

describe('backoffUntil', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it.each([
    [0, null],
    [1, '2026-01-01T00:05:00.000Z'],
    [2, '2026-01-01T00:10:00.000Z'],
    [4, '2026-01-01T00:40:00.000Z'],
    [12, '2026-01-01T06:00:00.000Z'], // capped at six hours
  ])('%i consecutive failures → %s', (failures, expected) => {
    expect(backoffUntil({ consecutiveFailures: failures, lastPolledAt: at })?.toISOString() ?? null).toBe(expected);
  });

  it('a feed never polled is not backing off', () => {
    expect(backoffUntil(null)).toBeNull();
    expect(backoffUntil({ consecutiveFailures: 3, lastPolledAt: null })).toBeNull();
  });
});
