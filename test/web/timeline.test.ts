import path from 'node:path';
import { monthRange, timelineOf } from '../../src/api/web/timeline';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { DataType } from '../../src/types';
import { sampleIncident, sampleRecords } from '../helpers/sample-record';
import { makeTempDir } from '../helpers/temp-dir';

// The timeline from the store's own count (one GROUP BY over the stored incidents).
describe('the timeline', () => {
  const tmp = makeTempDir();
  const store = openSqliteStore(path.join(tmp.dir, 'timeline.db'));
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  let n = 0;
  const save = (disclosedAt: string | null, types: DataType[]) => {
    const url = `https://news.example/${++n}`;
    const name = `Company ${n}`;
    return store.saveArticle({ key: url, urlKey: url, url, canonicalUrl: url, feed: 'f', status: 'breach', reason: null }, sampleRecords(url, [sampleIncident({
      organization: { name, key: `company-${n}`, evidence: `${name} was breached.` }, disclosedAt, dataTypes: types.map((type) => ({ type, text: type })),
    })]));
  };

  it('counts each incident once per month, in the stack of its most common type, over every month of the span', async () => {
    await save('2019-11-22', ['email', 'password']);
    await save('2019-11-30', ['email']);
    await save('2020-02-01', ['password']);
    await save('2020-02-03', ['medical']);
    await save('2020-02-03', []);
    await save(null, ['email']);
    const t = timelineOf(await store.countIncidents({}), { stackedTypes: 2 });
    expect(t.months).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(t.totals).toEqual([2, 0, 0, 3]);
    expect(t.series).toEqual([
      { type: 'email', label: 'email', counts: [2, 0, 0, 0] },
      { type: 'password', label: 'password', counts: [0, 0, 0, 1] },
      { type: 'other', label: 'other', counts: [0, 0, 0, 2] },
    ]);
    expect(t.topTypes.map((x) => [x.type, x.incidents])).toEqual([['email', 3], ['password', 2], ['medical', 1]]);
    expect({ incidents: t.incidents, undated: t.undated }).toEqual({ incidents: 6, undated: 1 });
    // Filtered like the list: only the incidents that match.
    expect(timelineOf(await store.countIncidents({ dataType: 'password' })).incidents).toBe(2);
  });

  it('is empty for no incidents', () => {
    expect(timelineOf([])).toEqual({ months: [], series: [], totals: [], topTypes: [], incidents: 0, undated: 0 });
  });

  it('monthRange crosses years', () => {
    expect(monthRange(['2020-01', '2019-11'])).toEqual(['2019-11', '2019-12', '2020-01']);
  });
});
