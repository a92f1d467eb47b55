import { MAX_SENTENCE_CHARS, splitSentences } from '../../../src/extract/breach/sentences';

describe('splitSentences', () => {
  it('splits on terminal punctuation followed by a capitalised word', () => {
    const s = splitSentences('Hackers stole the data. The company said nothing! Was it avoidable? Nobody knows.');
    expect(s.map((x) => x.text)).toEqual(['Hackers stole the data.', 'The company said nothing!', 'Was it avoidable?', 'Nobody knows.']);
  });

  it('keeps abbreviations, initials and dotted acronyms inside the sentence', () => {
    const text = 'Acme Inc. said on Nov. 21 that J. Smith of the U.S. Department of Labor was told. Then it ended.';
    expect(splitSentences(text).map((x) => x.text)).toEqual([
      'Acme Inc. said on Nov. 21 that J. Smith of the U.S. Department of Labor was told.',
      'Then it ended.',
    ]);
  });

  it('ends sentences at line breaks and keeps offsets into the text', () => {
    const text = 'First line here.\n\n  • A bullet point\nSame paragraph. Next one.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['First line here.', '• A bullet point', 'Same paragraph.', 'Next one.']);
    for (const x of s) expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2, 3]);
  });

  it('splits after a closing quote', () => {
    const s = splitSentences('The firm said “accounts are safe.” Users were not convinced.');
    expect(s).toHaveLength(2);
    expect(s[1].text).toBe('Users were not convinced.');
  });

  it('cuts overlong runs of text at word boundaries, keeping offsets', () => {
    const text = 'icon-font junk '.repeat(300) + 'The end.';
    const s = splitSentences(text);
    expect(s.length).toBeGreaterThan(1);
    for (const x of s) {
      expect(x.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
    }
    expect(s.map((x) => x.text).join(' ')).toBe(text.trim());
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
