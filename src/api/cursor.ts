/**
 * Opaque page cursors: base64url JSON `{"v": …}`, so clients cannot depend on what is inside.
 * A cursor is accepted only in the exact form this API issues (re-encoding its value gives it
 * back) and with a value of the right shape, so a tampered one is refused instead of read.
 */
export function encodeCursor(value: string | number): string {
  return Buffer.from(JSON.stringify({ v: value })).toString('base64url');
}

/** What a cursor of each list holds: a change sequence number, or an incident id. */
const SHAPES = {
  seq: (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  id: (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v),
};

/** The cursor's value, or null when it is not one this API issued for that list. */
export function decodeCursor<K extends keyof typeof SHAPES>(cursor: string, kind: K): (K extends 'seq' ? number : string) | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown };
    const v = parsed?.v;
    if (!SHAPES[kind](v) || encodeCursor(v) !== cursor) return null;
    return v as K extends 'seq' ? number : string;
  } catch {
    return null;
  }
}
