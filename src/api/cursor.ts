/** Opaque page cursors: base64url JSON, so clients cannot depend on what is inside. */
export function encodeCursor(value: string | number): string {
  return Buffer.from(JSON.stringify({ v: value })).toString('base64url');
}

/** The cursor's value, or null when it is not one of ours. */
export function decodeCursor<T extends string | number>(cursor: string, kind: 'string' | 'number'): T | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown };
    return typeof parsed.v === kind ? (parsed.v as T) : null;
  } catch {
    return null;
  }
}
