// JSON Schemas of the query strings and path parameters: fastify validates every request against
// them (400 naming the parameter), and @fastify/swagger publishes them in /openapi.json.
import { DATA_TYPES } from '../types';

/** The largest affected count a filter may name: beyond it a number is no longer an exact integer. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar day (2024-02-29 yes, 2025-02-29 no). */
export function isPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month: this month's last day
}

/** Ajv formats the schemas use (registered on the app's validator). */
export const QUERY_FORMATS = { 'partial-date': isPartialDate };

const date = { type: 'string', format: 'partial-date', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
// Strings reach SQL as parameters; PostgreSQL refuses NUL in text, SQLite would cut the string at it.
const text = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000]*$' } as const;

export const filterQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    organization: { ...text, description: 'substring of the organization name or key, case-insensitive' },
    dataType: { type: 'string', enum: DATA_TYPES },
    since: { ...date, description: 'disclosed on or after this calendar date (YYYY[-MM[-DD]])' },
    until: { ...date, description: 'disclosed on or before, at the precision given (YYYY[-MM[-DD]])' },
    minCount: { type: 'integer', minimum: 0, maximum: MAX_COUNT, description: 'affected count at least (0 to 2^53 − 1)' },
  },
} as const;

export const pageQuery = {
  ...filterQuery,
  properties: {
    ...filterQuery.properties,
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    cursor: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page, as issued' },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{32}$' } },
} as const;

export interface FilterQuery {
  organization?: string;
  dataType?: (typeof DATA_TYPES)[number];
  since?: string;
  until?: string;
  minCount?: number;
}

export interface PageQuery extends FilterQuery {
  limit: number;
  cursor?: string;
}
