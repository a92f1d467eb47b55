import type { RecordStore } from '../../store/record-store';

/** Options passed to every route plugin: the store, and the error statuses every route can answer. */
export interface RouteOptions {
  store: RecordStore;
  /** 401 when a token is configured. */
  authErrors: number[];
}
