// A store of a few thousand generated reports (bench/web.bench.ts makes them) for the catalogue's
// tests, written the way the pipeline writes: one article at a time.
import { catalogueReport } from '../../bench/web.bench';
import type { RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';

export { HOSTILE } from '../../bench/web.bench';

/** Stores reports 0..n-1 (report 0 is the hostile one). */
export async function seedCatalogue(store: RecordStore, n: number, orgs?: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const { outcome, records } = catalogueReport(i, orgs);
    await store.saveArticle(outcome, records);
  }
}


/** A fill for useCatalogueSite: `n` generated reports written into the store's file. */
export function seeded(n: number): (db: string) => Promise<void> {
  return async (db) => {
    const store = openSqliteStore(db);
    try {
      await seedCatalogue(store, n);
    } finally {
      await store.close();
    }
  };
}
