import { parseNumberPhrase } from '../../../src/extract/breach/number-words';

describe('parseNumberPhrase', () => {
  it.each([
    ['40,000', 40_000],
    ['1.2 million', 1_200_000],
    ['538m', 538_000_000],
    ['2.5M', 2_500_000],
    ['700k', 700_000],
    ['3 billion', 3_000_000_000],
    ['1.5bn', 1_500_000_000],
    ['half a million', 500_000],
    ['two and a half million', 2_500_000],
    ['a dozen', 12],
    ['two million', 2_000_000],
    ['a million', 1_000_000],
    ['twenty-five thousand', 25_000],
    ['a hundred million', 100_000_000],
    ['126,761,168', 126_761_168],
    ['33.7 Millions', 33_700_000],
    ['seven', 7],
  ])('%s → %d', (phrase, value) => {
    expect(parseNumberPhrase(phrase)).toBe(value);
  });

  it.each(['lots', 'millions', '12 apples', ''])('%s is not a number phrase', (phrase) => {
    expect(parseNumberPhrase(phrase)).toBeNull();
  });
});
