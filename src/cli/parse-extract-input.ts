import { ContentError } from '../errors';
import type { ExtractInput } from '../pipeline/extract-input';

/** Parses and checks one input line; throws ContentError naming the line. */
export function parseExtractInput(line: string, lineNo: number): ExtractInput {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new ContentError(`extract: line ${lineNo} is not valid JSON`);
  }
  const o = v as Record<string, unknown>;
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new ContentError(`extract: line ${lineNo} is not a JSON object`);
  if (typeof o.id !== 'string' && typeof o.id !== 'number') throw new ContentError(`extract: line ${lineNo} has no "id"`);
  if (typeof o.text !== 'string' && typeof o.html !== 'string') throw new ContentError(`extract: line ${lineNo} has neither "text" nor "html"`);
  for (const k of ['title', 'date', 'url'] as const) {
    if (o[k] != null && typeof o[k] !== 'string') throw new ContentError(`extract: line ${lineNo} has a non-string "${k}"`);
  }
  return { ...(o as unknown as ExtractInput), id: String(o.id) };
}
