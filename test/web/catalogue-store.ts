// A store of a few thousand generated reports (bench/web.bench.ts makes them) for the catalogue's
// tests, written the way the pipeline writes: one article at a time.
import { catalogueReport } from '../../bench/web.bench';
import type { RecordStore } from '../../src/store/record-store';

export { HOSTILE } from '../../bench/web.bench';

/** Stores reports 0..n-1 (report 0 is the hostile one). */
export async function seedCatalogue(store: RecordStore, n: number, orgs?: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const { outcome, records } = catalogueReport(i, orgs);
    await store.saveArticle(outcome, records);
  }
}

