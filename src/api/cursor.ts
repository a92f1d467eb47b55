/**
 * Opaque page cursors: base64url JSON `{"v": …}` (with `"l"` naming the list where two lists
 * share a shape), so clients cannot depend on what is inside. A cursor is accepted only in the
 * exact form this API issues (re-encoding its value gives it back), for the list that issued it,
 * and with a value of the right shape, so a tampered one is refused instead of read.
 */

/** What a cursor of each list holds: a change sequence number, or a place in the newest-first order. */
const SHAPES = {
  /** /records, in change order. */
  seq: (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  /** /incidents, in change order. */
  incidentSeq: (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  /** /incidents?order=newest: disclosure date (or '') and id. */
  position: (v: unknown): v is string => typeof v === 'string' && /^(\d{4}(-\d{2}(-\d{2})?)?)?\|[0-9a-f]{32}$/.test(v),
};

export type CursorKind = keyof typeof SHAPES;
type Decoded<K extends CursorKind> = K extends 'position' ? { disclosedAt: string; id: string } : number;

export function encodeCursor(value: string | number, kind: CursorKind = 'seq'): string {
  return Buffer.from(JSON.stringify(kind === 'incidentSeq' ? { l: 'incidents', v: value } : { v: value })).toString('base64url');
}

/** The cursor's value, or null when it is not one this API issued for that list. */
export function decodeCursor<K extends CursorKind>(cursor: string, kind: K): Decoded<K> | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown };
    const v = parsed?.v;
    if (!SHAPES[kind](v) || encodeCursor(v, kind) !== cursor) return null;
    if (typeof v === 'number') return v as Decoded<K>;
    const [disclosedAt, id] = v.split('|');
    return { disclosedAt, id } as Decoded<K>;
  } catch {
    return null;
  }
}
