import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors';

/**
 * Checks the raw query string before the schemas see it: every name and value must be valid
 * percent-encoded UTF-8 without NUL. (The query parser turns bad UTF-8 into something else
 * silently, and a NUL reaches SQL, where PostgreSQL refuses it and SQLite cuts the string.)
 */
export async function checkRawQuery(req: FastifyRequest): Promise<void> {
  const at = req.url.indexOf('?');
  if (at < 0) return;
  for (const pair of req.url.slice(at + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const name = strictDecode(rawName);
    if (name === '') throw new ApiError(400, 'a parameter has no name', '');
    if (name === null) throw new ApiError(400, `a parameter name is not valid UTF-8 (${rawName.slice(0, 40)})`, rawName.slice(0, 40));
    if (name.includes('\0')) throw new ApiError(400, 'a parameter name contains NUL', name.replace(/\0/g, '\\0').slice(0, 40));
    const value = eq < 0 ? '' : strictDecode(pair.slice(eq + 1));
    if (value === null) throw new ApiError(400, `${name} is not valid UTF-8`, name);
    if (value.includes('\0')) throw new ApiError(400, `${name} contains NUL`, name);
  }
}

function strictDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * After validation: every number in the query is a safe integer. (Ajv coerces "Infinity" to a
 * number and then skips the range checks, so the schemas alone let it through.)
 */
export async function checkQueryNumbers(req: FastifyRequest): Promise<void> {
  for (const [name, value] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new ApiError(400, `${name} must be an integer from 0 to 2^53 − 1`, name);
  }
}
