/** Lock contention between writers (SQLite's one writer, PostgreSQL deadlock/serialization aborts), by the driver's error code. */
export function isContentionError(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && (/^SQLITE_(BUSY|LOCKED)/.test(code) || code === '40001' || code === '40P01');
}
