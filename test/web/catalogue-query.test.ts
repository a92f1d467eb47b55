import { catalogueSearch, parseCatalogueQuery } from '../../src/api/web/catalogue-query';

describe('parseCatalogueQuery', () => {
  const cases: Record<string, [Record<string, unknown>, object, string[]]> = {
    'nothing': [{}, {}, []],
    'every filter': [{ q: ' weibo ', type: 'email', from: '2019', to: '2020-03-31', min: '10,000' },
      { org: 'weibo', dataType: 'email', since: '2019', until: '2020-03-31', minCount: 10000 }, []],
    'empty fields from a submitted form': [{ q: '', type: '', from: '', to: '', min: '' }, {}, []],
    'an unknown type': [{ type: 'shoe_size' }, {}, ['"shoe_size" is not a data type']],
    'a bad date': [{ from: '2019-13', to: 'yesterday' }, {}, ['"from" must be a date: YYYY, YYYY-MM or YYYY-MM-DD', '"to" must be a date: YYYY, YYYY-MM or YYYY-MM-DD']],
    'a bad count': [{ min: '-5' }, {}, ['"at least" must be a whole number']],
    'a count past 2^53': [{ min: '99999999999999999999' }, {}, ['"at least" must be a whole number']],
    'a repeated parameter: the first': [{ q: ['a', 'b'] }, { org: 'a' }, []],
    'a tracking tag': [{ utm_source: 'x' }, {}, []],
    'a search too long': [{ q: 'x'.repeat(201) }, {}, ['the search is longer than 200 characters']],
  };
  it.each(Object.entries(cases))('%s', (_name, [raw, query, problems]) => {
    const q = parseCatalogueQuery(raw);
    expect(q.query).toEqual(query);
    expect(q.problems).toEqual(problems);
  });

  it('keeps a valid cursor, refuses a forged one', () => {
    expect(parseCatalogueQuery({ cursor: 'abc_DEF-1' }).cursor).toBe('abc_DEF-1');
    const bad = parseCatalogueQuery({ cursor: '"><script>' });
    expect(bad.cursor).toBeUndefined();
    expect(bad.problems).toEqual(['the page link is not valid; showing the first page']);
  });

  it('writes the filters back as a query string without the empty ones', () => {
    const { form } = parseCatalogueQuery({ q: 'a b&c', type: '', min: '5' });
    expect(catalogueSearch(form)).toBe('?q=a+b%26c&min=5');
    expect(catalogueSearch(form, 'next1')).toBe('?q=a+b%26c&min=5&cursor=next1');
    expect(catalogueSearch(parseCatalogueQuery({}).form)).toBe('');
  });
});
