// Property-based fuzzing of the running API on both stores: random query strings built from the
// parameters the routes declare, with valid values and hostile ones (huge and fractional numbers,
// NUL, bad UTF-8, long strings, tampered cursors, impossible dates, repeated and unknown
// parameters). No response may be a 5xx or break the schema its route declares, and nothing may
// be logged at error level. Bounded: a fixed number of requests per store.
import fc from 'fast-check';
import { encodeCursor } from '../../src/api/cursor';
import { DATA_TYPES } from '../../src/types';
import { type ApiUnderTest, contractOf, request, startApi, STORE_KINDS } from './api-server';

const RUNS = 1500; // requests per store

const enc = (s: string) => encodeURIComponent(s);
const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });
const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Raw (already percent-encoded) values, valid or hostile. */
const hostile = fc.oneof(
  fc.constantFrom('%00', 'a%00b', '%FF%FE', '%C3%28', '%E2%82', '%', '%zz', '', '+', '%2B', '1e100', '99999999999999999999', '-1', '1.5',
    '0x10', 'NaN', 'Infinity', '9007199254740992', '9007199254740991', 'true', 'null', '[]', '%5B%5D', "'%20OR%201=1--", '%F0%9F%92%A5'),
  fc.string({ maxLength: 40 }).map(enc),
  fc.string({ unit: 'binary', maxLength: 20 }).map(enc),
  fc.integer({ min: 201, max: 3000 }).map((n) => 'x'.repeat(n)),
  fc.double().map(String),
  fc.bigInt().map(String),
);
const date = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const cursor = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((n) => encodeCursor(n)),
  hex32.map((id) => encodeCursor(id)),
  fc.jsonValue().map((v) => b64(JSON.stringify({ v }))),
  fc.string({ maxLength: 30 }).map((s) => b64(s)),
  fc.double().map((v) => b64(`{"v":${Number.isFinite(v) ? v : 0}}`)),
);
const valueOf: Record<string, fc.Arbitrary<string>> = {
  organization: fc.oneof(fc.constantFrom('acme', 'globex', 'hooli', 'Umbrella Health', '%25', '_'), fc.string({ maxLength: 12 }).map(enc)),
  dataType: fc.oneof(fc.constantFrom(...DATA_TYPES), fc.string({ maxLength: 10 }).map(enc)),
  since: date,
  until: date,
  minCount: fc.oneof(fc.integer({ min: 0, max: 40_000 }).map(String), fc.bigInt({ min: 0n, max: 2n ** 60n }).map(String)),
  limit: fc.integer({ min: -2, max: 1002 }).map(String),
  cursor,
};
const PAGED = ['organization', 'dataType', 'since', 'until', 'minCount', 'limit', 'cursor'];
const FILTERS = PAGED.slice(0, 5);
const ROUTES: [string, string[]][] = [['/records', PAGED], ['/incidents', PAGED], ['/export.csv', FILTERS], ['/export.ndjson', FILTERS]];

const pair = (names: string[]) => fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...names).chain((n) => valueOf[n].map((v) => `${n}=${v}`)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...names), hostile).map(([n, v]) => `${n}=${v}`) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom('organisation', 'x', '', '%00', '%FF'), fc.string({ maxLength: 8 }).map(enc)), hostile).map(([n, v]) => `${n}=${v}`) },
);
const requestPath = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ROUTES).chain(([route, names]) => fc.array(pair(names), { maxLength: 4 }).map((ps) => (ps.length ? `${route}?${ps.join('&')}` : route))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('/records/', '/incidents/'), fc.oneof(hex32, hostile)).map(([r, id]) => `${r}${id}`) },
);

describe.each(STORE_KINDS)('fuzzed API on %s', (kind) => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi(kind, 30);
  });
  afterAll(() => api.close());

  it(`${RUNS} random requests: no 5xx, every response as declared, no error logged`, async () => {
    const check = contractOf((await request(api.base, '/openapi.json')).body);
    await fc.assert(fc.asyncProperty(requestPath, async (p) => {
      const r = await request(api.base, p);
      if (r.status >= 500) throw new Error(`${p} answered ${r.status}: ${r.text.slice(0, 200)}`);
      const violations = check('GET', p, r);
      if (violations.length) throw new Error(violations.join('\n'));
      if (r.status === 400 && typeof r.body.parameter !== 'string') throw new Error(`${p}: 400 without the parameter: ${r.text}`);
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), interruptAfterTimeLimit: 12_000 });
    expect(api.errorLogs).toEqual([]);
  }, 30_000);
});
