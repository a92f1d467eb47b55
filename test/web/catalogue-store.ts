// A store of many generated reports for the catalogue's tests and its benchmark (bench/web.bench.ts):
// 400 organizations (or as many as asked), disclosures spread over 2016–2024, a few data types
// each, and one report whose organization and headline are an XSS attempt. No jest here: the
// benchmark imports it too.
import { buildRecords } from '../../src/pipeline/build-records';
import type { ArticleOutcome, ImportItem, RecordStore } from '../../src/store/record-store';
import type { BreachRecord, DataType } from '../../src/types';

export const HOSTILE = '<img src=x onerror=alert(1)>';
const TYPES: DataType[] = ['email', 'password', 'name', 'phone', 'address', 'payment_card', 'medical', 'government_id'];
/** The i-th generated report of `orgs` organizations: its article verdict and one record. */
export function catalogueReport(i: number, orgs = 400): { outcome: ArticleOutcome; records: BreachRecord[] } {
  const url = `https://news${i % 7}.example/2020/story-${i}`;
  const hostile = i === 0;
  const name = hostile ? HOSTILE : `Org ${String(i % orgs).padStart(3, '0')} Holdings`;
  const key = hostile ? 'img-src-x-onerror-alert-1' : `org-${i % orgs}`;
  // Each organization's reports fall in different months, so they stay separate incidents.
  const month = (Math.floor(i / orgs) * 7 + (i % 108)) % 108;
  const year = 2016 + Math.floor(month / 12);
  const mm = String((month % 12) + 1).padStart(2, '0');
  const types = [TYPES[i % TYPES.length], TYPES[(i * 3 + 1) % TYPES.length]].filter((t, n, all) => all.indexOf(t) === n);
  const count = ((i * 7919) % 500_000) + 100;
  const records = buildRecords([{
    organization: { name, key, evidence: `${name} said attackers reached its systems.` },
    breachDate: { value: `${year}-${mm}`, precision: 'month', text: `in ${year}-${mm}` },
    disclosedAt: `${year}-${mm}-15`,
    dataTypes: types.map((type) => ({ type, text: `${type.replace('_', ' ')} records` })),
    notLeaked: i % 5 === 0 ? ['payment_card'] : [],
    affectedCount: { value: count, unit: 'people', qualifier: null, text: `${count.toLocaleString('en-US')} customers` },
    confidence: 0.8,
  }], {
    article: { url, canonicalUrl: url, title: hostile ? HOSTILE : `Breach at ${name}`, publishedAt: `${year}-${mm}-15`, author: null, language: 'en', siteName: null, text: '' },
    feed: `feed-${i % 7}`,
    fetchedAt: null,
    extractor: 'breachfeed@test',
  });
  return { outcome: { key: `web-${i}`, urlKey: `web-${i}`, url, canonicalUrl: url, feed: `feed-${i % 7}`, status: 'breach', reason: null }, records };
}

/** Stores reports 0..n-1 (report 0 is the hostile one). */
export async function seedCatalogue(store: RecordStore, n: number, orgs?: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const { outcome, records } = catalogueReport(i, orgs);
    await store.saveArticle(outcome, records);
  }
}

/** Reports 0..n-1 through the store's bulk import (batches of 1,000, one transaction): for a benchmark's 100,000. */
export async function importCatalogue(store: RecordStore, n: number, orgs?: number): Promise<void> {
  function* batches(): Generator<ImportItem[]> {
    for (let start = 0; start < n; start += 1000) {
      const batch: ImportItem[] = [];
      for (let i = start; i < Math.min(n, start + 1000); i++) {
        const { outcome, records } = catalogueReport(i, orgs);
        for (const record of records) batch.push({ articleKey: outcome.key, record });
      }
      yield batch;
    }
  }
  await store.importRecords(batches());
}
