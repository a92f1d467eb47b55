/**
 * The kind of a store failure, by the driver's error code: lock contention between writers
 * (SQLite's one writer, PostgreSQL deadlock and serialization aborts) is worth another try in a
 * moment; anything else is an outage, retryable later.
 */
export function storeFailureKind(driverError: unknown): 'contention' | 'retryable' {
  const code = (driverError as { code?: unknown } | null)?.code;
  const contention = typeof code === 'string' && (/^SQLITE_(BUSY|LOCKED)/.test(code) || code === '40001' || code === '40P01');
  return contention ? 'contention' : 'retryable';
}
