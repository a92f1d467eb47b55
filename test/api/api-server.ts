// The API over real HTTP on 127.0.0.1 with a real store (SQLite file or a PostgreSQL schema of
// its own), seeded records, the error-level log lines it wrote, and the contract it publishes.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { type ServeOptions, startServer } from '../../src/api/server';
import { openPostgresStore } from '../../src/store/postgres-store';
import type { ArticleOutcome, RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { BreachRecord, DataType } from '../../src/types';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/postgres';
import { sampleIncident, sampleRecords } from '../helpers/sample-record';
import { makeTempDir } from '../helpers/temp-dir';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

const ORGS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Hooli'];
const TYPES: DataType[] = ['email', 'phone', 'password', 'medical', 'payment_card'];

/** Stores the i-th sample report: five organizations, five years, growing counts. */
export async function saveReport(store: RecordStore, i: number): Promise<BreachRecord[]> {
  const url = `https://news${i % 3}.example/story-${i}`;
  const name = ORGS[i % ORGS.length];
  const records = sampleRecords(url, [sampleIncident({
    organization: { name, key: name.toLowerCase().replace(/\W+/g, '-'), evidence: `${name} was breached.` },
    breachDate: { value: `20${10 + (i % 5)}`, precision: 'year', text: `in 20${10 + (i % 5)}` },
    disclosedAt: `20${10 + (i % 5)}-06-01`,
    dataTypes: [{ type: TYPES[i % TYPES.length], text: 'x' }],
    affectedCount: { value: 1000 * (i + 1), unit: 'people', qualifier: null, text: `${1000 * (i + 1)} people` },
  })]);
  const outcome: ArticleOutcome = { key: `k${i}`, urlKey: `k${i}`, url, canonicalUrl: url, feed: 'f', status: 'breach', reason: null };
  await store.saveArticle(outcome, records);
  return records;
}

export async function openStore(kind: StoreKind): Promise<{ store: RecordStore; cleanup: () => Promise<void> }> {
  if (kind === 'postgres') {
    const schema = uniqueSchema('bf_api');
    const store = await openPostgresStore({ connectionString: TEST_DATABASE_URL, schema });
    return { store, cleanup: async () => { await store.close(); await dropSchema(schema); } };
  }
  const tmp = makeTempDir();
  const store = openSqliteStore(path.join(tmp.dir, 'api.db'));
  return { store, cleanup: async () => { await store.close(); tmp.cleanup(); } };
}

export interface ApiUnderTest {
  base: string;
  store: RecordStore;
  app: FastifyInstance;
  /** Log lines at error level or above, as written. */
  errorLogs: string[];
  close: () => Promise<void>;
}

/** A seeded store of `kind` served on 127.0.0.1, port 0, logging into memory. */
export async function startApi(kind: StoreKind, seeded = 25, opts: Partial<ServeOptions> = {}): Promise<ApiUnderTest> {
  const { store, cleanup } = await openStore(kind);
  for (let i = 0; i < seeded; i++) await saveReport(store, i);
  const errorLogs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line && (JSON.parse(line) as { level: number }).level >= 50) errorLogs.push(line);
      done();
    },
  });
  const { app, url } = await startServer({ store, port: 0, logger: pino({ level: 'warn' }, sink), ...opts });
  return { base: url, store, app, errorLogs, close: async () => { await app.close(); await cleanup(); } };
}

export interface Reply {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function request(base: string, p: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(`${base}${p}`, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: metrics, CSV, NDJSON, HTML
  }
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, text, body };
}

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
}

/**
 * The contract /openapi.json declares, as a checker of real responses: the status must be
 * declared for the route, the media type among its contents, and a JSON body valid against its
 * schema. Returns the violations (none: the response keeps the contract).
 */
export function contractOf(doc: OpenApi): (method: string, urlPath: string, r: Reply) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  const compiled = new Map<object, ReturnType<typeof ajv.compile>>();
  const routes = Object.keys(doc.paths).map((p) => ({ p, re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]*').replace(/\./g, '\\.')}$`) }));
  return (method, urlPath, r) => {
    const route = routes.find((x) => x.re.test(urlPath.split('?')[0]));
    if (!route) return r.status === 404 ? [] : [`${urlPath}: no such path in the description, answered ${r.status}`];
    const op = doc.paths[route.p][method.toLowerCase()];
    const declared = op?.responses[String(r.status)];
    if (!declared) return [`${method} ${urlPath}: status ${r.status} not declared (${Object.keys(op?.responses ?? {}).join(', ')})`];
    if (!declared.content) return r.text === '' ? [] : [`${method} ${urlPath}: ${r.status} declares no body but has one`];
    const media = (r.type ?? '').split(';')[0].trim();
    const content = declared.content[media];
    if (!content) return [`${method} ${urlPath}: ${r.status} answered ${media}, declared ${Object.keys(declared.content).join(', ')}`];
    if (media !== 'application/json') return [];
    let validate = compiled.get(content.schema);
    if (!validate) compiled.set(content.schema, (validate = ajv.compile(content.schema)));
    return validate(r.body) ? [] : [`${method} ${urlPath}: ${r.status} body violates its schema: ${ajv.errorsText(validate.errors)}`];
  };
}
