// JSON Schemas of the query strings; fastify validates requests against them (400 naming the
// parameter) and @fastify/swagger publishes them in /openapi.json.
import { DATA_TYPES } from '../types';

const date = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' } as const;

export const filterQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    organization: { type: 'string', minLength: 1, description: 'substring of the organization name or key, case-insensitive' },
    dataType: { type: 'string', enum: DATA_TYPES },
    since: { ...date, description: 'disclosed on or after (YYYY[-MM[-DD]])' },
    until: { ...date, description: 'disclosed on or before, at the precision given' },
    minCount: { type: 'integer', minimum: 0, description: 'affected count at least' },
  },
} as const;

export const pageQuery = {
  ...filterQuery,
  properties: {
    ...filterQuery.properties,
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    cursor: { type: 'string', minLength: 1, description: 'nextCursor of the previous page' },
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
