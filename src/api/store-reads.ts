import { BreachfeedError, describeError, StoreError } from '../errors';
import type { RecordStore } from '../store/record-store';

/**
 * The store as the API reads it: any failure of a call (a closed SQLite file, a PostgreSQL that
 * does not answer) is a StoreError, so the app answers 503 for it, never 500.
 */
export function storeReads(store: RecordStore): RecordStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (err) {
          throw err instanceof BreachfeedError ? err : new StoreError(`store: ${describeError(err)}`, { cause: err });
        }
      };
    },
  });
}
