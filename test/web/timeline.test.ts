import type { MergedIncident } from '../../src/store/merge-incidents';
import type { DataType } from '../../src/types';
import { buildTimeline, monthRange } from '../../src/api/web/timeline';

function incident(disclosedAt: string | null, types: DataType[]): MergedIncident {
  return {
    schema: 'breachfeed.incident/1', id: `${disclosedAt}-${types.join('-')}`, organization: { name: 'A', key: 'a' }, breachDate: null, disclosedAt,
    dataTypes: types.map((type) => ({ type, text: type, sources: 1 })), notLeaked: [], affectedCount: null, confidence: 0.5, sources: [],
  };
}

async function* each(items: MergedIncident[]): AsyncGenerator<MergedIncident> {
  yield* items;
}

describe('buildTimeline', () => {
  it('counts each incident once per month, in the stack of its most common type, over every month of the span', async () => {
    const t = await buildTimeline(each([
      incident('2019-11-22', ['email', 'password']),
      incident('2019-11-30', ['email']),
      incident('2020-02-01', ['password']),
      incident('2020-02-03', ['medical']),
      incident('2020-02-03', []),
      incident(null, ['email']),
    ]), { stackedTypes: 2 });
    expect(t.months).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(t.totals).toEqual([2, 0, 0, 3]);
    expect(t.series).toEqual([
      { type: 'email', label: 'email', counts: [2, 0, 0, 0] },
      { type: 'password', label: 'password', counts: [0, 0, 0, 1] },
      { type: 'other', label: 'other', counts: [0, 0, 0, 2] },
    ]);
    expect(t.topTypes.map((x) => [x.type, x.incidents])).toEqual([['email', 3], ['password', 2], ['medical', 1]]);
    expect({ incidents: t.incidents, undated: t.undated }).toEqual({ incidents: 6, undated: 1 });
  });

  it('stops reading when its signal aborts (the client left)', async () => {
    const stop = new AbortController();
    let read = 0;
    async function* endless(): AsyncGenerator<MergedIncident> {
      for (;;) {
        if (++read === 100) stop.abort();
        yield incident('2020-01-01', ['email']);
      }
    }
    const t = await buildTimeline(endless(), { signal: stop.signal });
    expect(t.incidents).toBe(99);
    expect(read).toBe(100);
  });

  it('is empty for no incidents', async () => {
    expect(await buildTimeline(each([]))).toEqual({ months: [], series: [], totals: [], topTypes: [], incidents: 0, undated: 0 });
  });

  it('monthRange crosses years', () => {
    expect(monthRange(['2020-01', '2019-11'])).toEqual(['2019-11', '2019-12', '2020-01']);
  });
});
