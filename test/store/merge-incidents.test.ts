import { mergeIncidents } from '../../src/store/merge-incidents';
import type { BreachRecord, Incident } from '../../src/types';
import { sampleIncident, sampleRecords } from '../helpers/sample-record';

const org = (name: string, key: string) => ({ name, key, evidence: `${name} said it was breached.` });

function report(url: string, over: Partial<Incident>): BreachRecord {
  return sampleRecords(url, [sampleIncident(over)])[0];
}

// Three outlets report one breach, each knowing a different part of it.
const velora = [
  report('https://ledger.example/velora', {
    organization: org('Velora Travel', 'velora-travel'), breachDate: { value: '2024-11', precision: 'month', text: 'in November' },
    disclosedAt: '2025-01-20', dataTypes: [{ type: 'name', text: 'names' }, { type: 'phone', text: 'phone numbers' }],
    affectedCount: { value: 1_200_000, unit: 'records', qualifier: null, text: '1.2 million records' }, notLeaked: ['payment_card'], confidence: 0.8,
  }),
  report('https://wire.example/velora-leak', {
    organization: org('Velora Travel Ltd', 'velora-travel'), breachDate: { value: '2024-11-03', precision: 'day', text: 'on November 3' },
    disclosedAt: '2025-01-21', dataTypes: [{ type: 'government_id', text: 'passport numbers' }],
    affectedCount: { value: 1_190_000, unit: 'records', qualifier: 'about', text: 'about 1.19 million records' }, notLeaked: [], confidence: 0.6,
  }),
  report('https://blog.example/velora', {
    organization: org('Velora Travel', 'velora-travel'), breachDate: null, disclosedAt: '2025-01-22',
    dataTypes: [{ type: 'name', text: 'customer names' }, { type: 'order_history', text: 'booking histories' }],
    affectedCount: { value: 300, unit: 'people', qualifier: null, text: '300 Dutch customers' }, notLeaked: ['payment_card', 'phone'], confidence: 0.5,
  }),
];

// One article about OnePlus's 2019 breach recalling the 2018 one, and a 2018 report of the first.
const oneplus = [
  ...sampleRecords('https://technode.example/oneplus-2019', [
    sampleIncident({ breachDate: null, disclosedAt: '2019-11-22', affectedCount: null, dataTypes: [{ type: 'email', text: 'email addresses' }] }),
    sampleIncident({ disclosedAt: '2019-11-22' }),
  ]),
  report('https://news.example/oneplus-2018', { disclosedAt: '2018-01-19' }),
  report('https://other.example/oneplus-2019-followup', { breachDate: null, disclosedAt: '2019-11-25', affectedCount: null, dataTypes: [{ type: 'name', text: 'names' }] }),
];

function shuffled<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('mergeIncidents', () => {
  it('merges one breach reported by three articles into one incident with three sources', () => {
    const [incident, ...rest] = mergeIncidents(velora);
    expect(rest).toEqual([]);
    expect(incident.sources.map((s) => s.url).sort()).toEqual(velora.map((r) => r.article.url).sort());
    expect(incident.organization).toEqual({ name: 'Velora Travel', key: 'velora-travel' });
    expect(incident.breachDate?.value).toBe('2024-11-03'); // the most precise
    expect(incident.disclosedAt).toBe('2025-01-20'); // the earliest
    expect(incident.dataTypes.map((d) => [d.type, d.sources])).toEqual([
      ['government_id', 1], ['name', 2], ['order_history', 1], ['phone', 1],
    ]);
    // Stated safe by one source, but another reports phones leaked: leaked wins.
    expect(incident.notLeaked).toEqual(['payment_card']);
    // 1.2M and 1.19M agree within 2%; the lone 300 does not outvote them.
    expect(incident.affectedCount).toMatchObject({ value: 1_200_000, sources: 2 });
    expect(incident.confidence).toBeCloseTo(1 - 0.2 * 0.4 * 0.5, 3);
  });

  it('keeps distinct breaches of one company apart: OnePlus 2018 and 2019', () => {
    const incidents = mergeIncidents(oneplus);
    expect(incidents).toHaveLength(2);
    const y2018 = incidents.find((i) => i.breachDate?.value === '2018-01')!;
    const y2019 = incidents.find((i) => i.breachDate === null)!;
    expect(y2018.sources.map((s) => s.url).sort()).toEqual(['https://news.example/oneplus-2018', 'https://technode.example/oneplus-2019']);
    expect(y2019.sources.map((s) => s.url).sort()).toEqual(['https://other.example/oneplus-2019-followup', 'https://technode.example/oneplus-2019']);
    expect(y2019.dataTypes.map((d) => d.type)).toEqual(['email', 'name']);
  });

  it('never merges two incidents of the same article', () => {
    const both = sampleRecords('https://x.example/a', [sampleIncident({ breachDate: null }), sampleIncident({ breachDate: null })]);
    expect(mergeIncidents(both)).toHaveLength(2);
  });

  it('never merges different organizations or unnamed victims', () => {
    const a = report('https://x.example/1', { organization: org('Acme', 'acme') });
    const b = report('https://x.example/2', { organization: org('Globex', 'globex') });
    const c = report('https://x.example/3', { organization: null });
    const d = report('https://x.example/4', { organization: null });
    expect(mergeIncidents([a, b, c, d])).toHaveLength(4);
  });

  it('gives the same incidents whatever order the records arrive in', () => {
    const all = [...velora, ...oneplus];
    const expected = mergeIncidents(all);
    for (let seed = 1; seed <= 25; seed++) expect(mergeIncidents(shuffled(all, seed))).toEqual(expected);
  });
});
