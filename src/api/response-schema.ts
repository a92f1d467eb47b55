// JSON Schemas of every response: fastify serializes JSON bodies with them (only declared
// fields leave the process), @fastify/swagger publishes them in /openapi.json, and the tests
// validate real responses against what /openapi.json declares.
import recordFile from '../../schema/record.schema.json';

type Schema = Record<string, unknown>;

/** A copy of `schema` with every `#/$defs/…` reference replaced by its definition, without $schema, $id and $defs. */
function inlineDefs(schema: Schema): Schema {
  const defs = (schema.$defs ?? {}) as Record<string, Schema>;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as Schema).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return walk(defs[ref.slice('#/$defs/'.length)]);
    return Object.fromEntries(Object.entries(node).filter(([k]) => !['$schema', '$id', '$defs'].includes(k)).map(([k, v]) => [k, walk(v)]));
  };
  return walk(schema) as Schema;
}

/** The published record schema (schema/record.schema.json), self-contained. */
export const recordSchema = inlineDefs(recordFile as Schema);
const recordProps = recordSchema.properties as Record<string, Schema>;
const nullOr = (schema: Schema): Schema => ({ oneOf: [{ type: 'null' }, schema] });
const objectOf = (properties: Record<string, unknown>, extra: Schema = {}): Schema => ({
  type: 'object', additionalProperties: false, required: Object.keys(properties), properties, ...extra,
});
const dataType = (recordProps.notLeaked.items as Schema);
const countSchema = (recordProps.affectedCount.oneOf as Schema[])[1] as { properties: Schema };
// An incident's count names its sources, not a sentence (each source's record has its own).
const { sentence: _countSentence, ...incidentCountProps } = countSchema.properties;
const nullableString = { type: ['string', 'null'] };

/** A merged incident (breachfeed.incident/1), as src/store/merge-incidents.ts builds it. */
export const incidentSchema = objectOf({
  schema: { const: 'breachfeed.incident/1' },
  id: { type: 'string', pattern: '^[0-9a-f]{32}$' },
  organization: nullOr(objectOf({ name: { type: 'string' }, key: { type: 'string' } })),
  breachDate: recordProps.breachDate,
  disclosedAt: recordProps.disclosedAt,
  dataTypes: { type: 'array', items: objectOf({ type: dataType, text: { type: 'string' }, sources: { type: 'integer', minimum: 1 } }) },
  notLeaked: recordProps.notLeaked,
  affectedCount: nullOr(objectOf({ ...incidentCountProps, sources: { type: 'integer', minimum: 1 } })),
  confidence: recordProps.confidence,
  sources: {
    type: 'array',
    minItems: 1,
    items: objectOf({
      recordId: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      url: { type: 'string' },
      title: nullableString,
      publishedAt: nullableString,
      feed: nullableString,
      evidence: objectOf({ organization: nullableString, breachDate: nullableString, affectedCount: nullableString }),
    }),
  },
}, { description: 'One breach merged across the articles that report it' });

const id32 = { type: 'string', pattern: '^[0-9a-f]{32}$' };

/** A deleted record in the change feed of /records. */
export const recordTombstoneSchema = objectOf({ id: id32, deleted: { const: true } }, { description: 'A record that was deleted' });

/** An incident id that is no longer an incident: merged into another, or deleted. */
export const incidentTombstoneSchema: Schema = {
  oneOf: [
    objectOf({ id: id32, mergedInto: id32 }, { description: 'This incident merged into `mergedInto`' }),
    objectOf({ id: id32, deleted: { const: true } }, { description: 'This incident no longer exists: its sources were deleted' }),
  ],
};

/** Every error: what went wrong, and the parameter at fault when there is one. */
export const errorSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: { error: { type: 'string' }, parameter: { type: 'string' } },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter is invalid; `parameter` names it',
  401: 'No valid token (see the security schemes)',
  403: 'The token does not grant this route',
  404: 'No such record or incident',
  503: 'The store does not answer; try again later',
};

/** The responses of a route: its successes, plus the errors it can answer. */
export function responses(ok: Record<number, Schema>, errors: number[]): Record<number, Schema> {
  return {
    ...ok,
    ...Object.fromEntries(errors.map((status) => [status, { ...errorSchema, description: ERROR_DESCRIPTIONS[status] }])),
  };
}

/** A page of a list: items in order, the cursor to continue from, and whether more follow now. */
export function pageSchema(item: Schema, cursorNullable: boolean, description: string): Schema {
  return {
    ...objectOf({
      items: { type: 'array', items: item },
      nextCursor: cursorNullable ? nullableString : { type: 'string' },
      hasMore: { type: 'boolean' },
    }),
    description,
  };
}

/** A non-JSON body (CSV, NDJSON, Prometheus text), described by its media type. */
export function textBody(mediaType: string, description: string): Schema {
  return { description, content: { [mediaType]: { schema: { type: 'string' } } } };
}
