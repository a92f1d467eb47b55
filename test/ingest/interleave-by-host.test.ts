import { interleaveByHost } from '../../src/ingest/interleave-by-host';

const it_ = (url: string) => ({ url });

describe('interleaveByHost', () => {
  it('alternates hosts, keeping each host\'s order', () => {
    const items = ['https://a.test/1', 'https://a.test/2', 'https://a.test/3', 'https://b.test/1', 'https://c.test/1', 'https://b.test/2'].map(it_);
    expect(interleaveByHost(items).map((i) => i.url)).toEqual([
      'https://a.test/1', 'https://b.test/1', 'https://c.test/1',
      'https://a.test/2', 'https://b.test/2',
      'https://a.test/3',
    ]);
  });

  it('keeps every item, unparsable URLs last', () => {
    const items = [it_('nope'), it_('https://a.test/1'), it_('https://a.test/2')];
    expect(interleaveByHost(items).map((i) => i.url)).toEqual(['https://a.test/1', 'https://a.test/2', 'nope']);
    expect(interleaveByHost([])).toEqual([]);
  });
});
