import { findNameMentions } from '../../../src/extract/breach/name-mentions';

const names = (s: string, isCommon?: (w: string, at: number) => boolean) => findNameMentions(s, isCommon).map((m) => m.name);

describe('findNameMentions', () => {
  it('finds runs of capitalised words, with connectors and brand spellings', () => {
    expect(names('In March, NHS Ayrshire & Arran and the Bank of America told patients, as did eBay.')).toEqual([
      'NHS Ayrshire & Arran',
      'Bank of America',
      'eBay',
    ]);
  });

  it('drops position-capitalised common words and keeps offsets', () => {
    const s = 'However, Capital One said the breach hit customers in March.';
    const found = findNameMentions(s);
    expect(found.map((m) => m.name)).toEqual(['Capital One']);
    expect(s.slice(found[0].start, found[0].end)).toBe('Capital One');
  });

  it('splits a title-case headline on words the caller marks as common', () => {
    const common = new Set(['steals', 'data']);
    expect(names('Hacker Steals 900 GB of Cellebrite Data', (w) => common.has(w.toLowerCase()))).toEqual(['Cellebrite']);
  });

  it('strips possessives and contractions', () => {
    expect(names("Yahoo's users and They’ve")).toEqual(['Yahoo']);
  });

  it('keeps dotted names and acronyms', () => {
    expect(names('A hacker claimed access to FBI.gov and to U.S. Cellular records.')).toEqual(['FBI.gov', 'U.S. Cellular']);
  });
});
