// SSRF guard. Only loopback is ever connected to: refusals are shown by aiming at
// 127.0.0.1 with loopback not allowed, and by stub resolvers whose answers (private or
// loopback) must be refused before any connect. Where a test needs a "public" address
// to pass the check, the policy allows 127.0.0.1 only and the trap is 127.0.0.2, so even
// a broken guard could not reach beyond this machine.
import { ContentError, isRetryable } from '../../src/errors';
import type { FetchOptions } from '../../src/ingest/fetch-options';
import { HttpClient } from '../../src/ingest/http-get';
import { createSsrfGuard, isPublicAddress, type ResolveHost } from '../../src/ingest/ssrf-guard';
import { startHostileServer, type HostileServer } from '../helpers/hostile-server';
import { formatMeasures, measureCase, type CaseMeasure } from '../helpers/measure-case';

const OPTS: FetchOptions = { allowPrivateAddresses: false, timeoutMs: 2_000, headersTimeoutMs: 1_000, perHostDelayMs: 0 };
const onlyFirstLoopback = (a: string) => a === '127.0.0.1';

let a: HostileServer; // 127.0.0.1
let b: HostileServer; // 127.0.0.2, same port: the address a rebinding answer would lead to
const clients: HttpClient[] = [];
const measures: CaseMeasure[] = [];

function client(resolve?: ResolveHost, policy?: (a: string) => boolean): HttpClient {
  const c = new HttpClient(OPTS, resolve || policy ? { guard: createSsrfGuard(resolve, policy) } : {});
  clients.push(c);
  return c;
}

beforeAll(async () => {
  a = await startHostileServer('127.0.0.1');
  b = await startHostileServer('127.0.0.2', a.port);
  a.route('/to-second-loopback', (_req, res) => {
    res.writeHead(302, { location: `http://127.0.0.2:${a.port}/ok` });
    res.end();
  });
  a.route('/to-named-host', (_req, res) => {
    res.writeHead(302, { location: `http://intranet.test:${a.port}/ok` });
    res.end();
  });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all([a.close(), b.close()]);
  console.log(`ssrf measures:\n${formatMeasures(measures)}`);
});

describe('isPublicAddress', () => {
  const refused = [
    '10.0.0.1', '172.16.5.4', '192.168.1.1', '127.0.0.1', '127.8.9.10', '169.254.169.254', '0.0.0.0',
    '100.64.0.1', '224.0.0.1', '255.255.255.255', '192.0.2.10', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:10.0.0.1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '64:ff9b::a00:1', '2002:a00:1::1',
    'not an address',
  ];
  const allowed = ['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8'];
  it.each(refused)('refuses %s', (addr) => expect(isPublicAddress(addr)).toBe(false));
  it.each(allowed)('allows %s', (addr) => expect(isPublicAddress(addr)).toBe(true));
});

describe('SSRF guard in the client (loopback not allowed)', () => {
  it('refuses 127.0.0.1 before connecting', async () => {
    const { error } = await measureCase('127.0.0.1 with loopback not allowed', () => client().get(a.url('/ok?direct')), measures);
    expect(error).toBeInstanceOf(ContentError);
    expect(isRetryable(error)).toBe(false);
    expect((error as Error).message).toBe(`fetch: ${a.url('/ok?direct')} refused: 127.0.0.1 is non-public address 127.0.0.1`);
    expect(a.hits.get('/ok?direct')).toBeUndefined();
  });

  it('refuses an IPv4-mapped IPv6 spelling of loopback', async () => {
    const error = await client().get(`http://[::ffff:127.0.0.1]:${a.port}/ok?mapped`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/refused: ::ffff:7f00:1 is non-public address/);
    expect(a.hits.get('/ok?mapped')).toBeUndefined();
  });

  it('refuses localhost through the real resolver', async () => {
    const error = await client().get(`http://localhost:${a.port}/ok?localhost`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/refused: localhost resolves to non-public address (127\.0\.0\.1|::1)$/);
    expect(a.hits.get('/ok?localhost')).toBeUndefined();
  });

  it('refuses a host whose DNS answers a private address, before any connect', async () => {
    const calls: string[] = [];
    const resolve: ResolveHost = async (host) => {
      calls.push(host);
      return [{ address: '10.0.0.5', family: 4 }];
    };
    const error = await client(resolve).get('http://intranet.test/admin').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toBe('fetch: http://intranet.test/admin refused: intranet.test resolves to non-public address 10.0.0.5');
    expect(calls).toEqual(['intranet.test']); // the pre-check only: no connect-time lookup happened
  });

  it('refuses a host when any one of its addresses is private', async () => {
    const resolve: ResolveHost = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: 'fd00::1', family: 6 },
    ];
    const error = await client(resolve, onlyFirstLoopback).get(`http://mixed.test:${a.port}/ok?mixed`).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/refused: mixed\.test resolves to non-public address fd00::1$/);
    expect(a.hits.get('/ok?mixed')).toBeUndefined();
  });

  it('re-checks a redirect to another (refused) address', async () => {
    const { error } = await measureCase('redirect to a refused address', () => client(undefined, onlyFirstLoopback).get(a.url('/to-second-loopback')), measures);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toBe(`fetch: http://127.0.0.2:${a.port}/ok refused: 127.0.0.2 is non-public address 127.0.0.2`);
    expect(a.hits.get('/to-second-loopback')).toBe(1); // the first hop was allowed and made
    expect(b.hits.get('/ok')).toBeUndefined();
  });

  it('re-checks a redirect to a host name that resolves to a private address', async () => {
    const resolve: ResolveHost = async (host) => [{ address: host === 'intranet.test' ? '192.168.0.10' : '127.0.0.1', family: 4 }];
    const error = await client(resolve, (x) => x === '127.0.0.1' || isPublicAddress(x)).get(a.url('/to-named-host')).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`fetch: http://intranet.test:${a.port}/ok refused: intranet.test resolves to non-public address 192.168.0.10`);
  });

  it('catches a DNS answer that changes between the check and the connect', async () => {
    let calls = 0;
    // First answer (the pre-check) is allowed; the second (the connect) is not: DNS rebinding.
    const resolve: ResolveHost = async () => [{ address: ++calls === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    const { error } = await measureCase('DNS rebinding between check and connect', () => client(resolve, onlyFirstLoopback).get(`http://rebind.test:${a.port}/ok?rebind`), measures);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toBe(`fetch: http://rebind.test:${a.port}/ok?rebind refused: DNS answer changed to non-public address 127.0.0.2`);
    expect(calls).toBe(2);
    expect(b.hits.get('/ok?rebind')).toBeUndefined();
    expect(a.hits.get('/ok?rebind')).toBeUndefined();
  });

  it('connects to the checked address when the answer is allowed', async () => {
    const resolve: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];
    const res = await client(resolve, onlyFirstLoopback).get(`http://allowed.test:${a.port}/ok?allowed`);
    expect(res.status).toBe(200);
    expect(a.log.find((l) => l.path === '/ok?allowed')?.headers.host).toBe(`allowed.test:${a.port}`);
  });

  it('allowPrivateAddresses: true turns the guard off (tests and the demo)', async () => {
    const c = new HttpClient({ ...OPTS, allowPrivateAddresses: true });
    clients.push(c);
    expect((await c.get(a.url('/ok?allowed-private'))).status).toBe(200);
  });
});
