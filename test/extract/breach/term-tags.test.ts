import { tagTexts, termsIn } from '../../../src/extract/breach/term-tags';

describe('tagTexts', () => {
  it('tags the terms of several texts with offsets into each text', () => {
    const texts = ['Hackers breached Hilton.', 'Troy Hunt said the data of 2 million users leaked.'];
    const [a, b] = tagTexts(texts);
    const hilton = a.find((t) => t.text === 'Hilton')!;
    expect(texts[0].slice(hilton.start, hilton.end)).toBe('Hilton');
    expect(hilton.tags.has('ProperNoun')).toBe(true);
    const hunt = termsIn(b, 0, 9);
    expect(hunt.map((t) => t.text)).toEqual(['Troy', 'Hunt']);
    expect(hunt.every((t) => t.tags.has('Person'))).toBe(true);
    expect(b.find((t) => t.text === 'breached')).toBeUndefined();
  });

  it('returns one empty list per empty text', () => {
    expect(tagTexts(['', ''])).toEqual([[], []]);
  });
});
