// SSRF guard: a feed or a redirect must not make us talk to our own network. Every
// hop's host is resolved and checked before the request, and the connect itself goes
// through a lookup that checks again, so a DNS answer that changes between the two
// (DNS rebinding) is caught, not connected to.
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { ContentError, NetworkError } from '../errors';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (dns.lookup by default; tests inject a stub). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** Decides whether one address may be connected to. */
export type AddressPolicy = (address: string) => boolean;

export const resolveWithDns: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Public unicast only. ipaddr.js names every special range (private, loopback, linkLocal,
 * multicast, unspecified, carrierGradeNat, uniqueLocal, reserved, 6to4, teredo, …); an
 * IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export interface SsrfGuard {
  /** Throws ContentError if the URL's host is, or resolves to, a refused address. */
  checkUrl(url: URL): Promise<void>;
  /** A `lookup` for net.connect / undici's `connect` option that refuses the same addresses. */
  lookup: typeof dns.lookup;
}

/** Refusal message: names the URL, the host and the address. */
function refusal(url: string, host: string, address: string): ContentError {
  const what = host === address ? 'is' : `resolves to`;
  return new ContentError(`fetch: ${url} refused: ${host} ${what} non-public address ${address}`);
}

export function createSsrfGuard(resolve: ResolveHost = resolveWithDns, isAllowed: AddressPolicy = isPublicAddress): SsrfGuard {
  async function checkUrl(url: URL): Promise<void> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host)) {
      if (!isAllowed(host)) throw refusal(url.href, host, host);
      return;
    }
    let addresses: ResolvedAddress[];
    try {
      addresses = await resolve(host);
    } catch (err) {
      throw new NetworkError(`fetch: ${url.href} host ${host} could not be resolved (${(err as NodeJS.ErrnoException).code ?? 'DNS error'})`, { cause: err });
    }
    if (addresses.length === 0) throw new NetworkError(`fetch: ${url.href} host ${host} has no addresses`);
    // One bad address refuses the host: a rebinding attacker answers with a mix.
    const bad = addresses.find((a) => !isAllowed(a.address));
    if (bad) throw refusal(url.href, host, bad.address);
  }

  // Same contract as dns.lookup: callback(err, address, family), or callback(err, all) with `all`.
  const lookup = ((hostname: string, optionsOrCallback: dns.LookupOptions | number | ((...args: unknown[]) => void), maybeCallback?: (...args: unknown[]) => void) => {
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback!;
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const all = typeof options === 'object' && options !== null && options.all === true;
    const family = familyNumber(typeof options === 'object' && options !== null ? options.family : options);
    resolve(hostname).then(
      (found) => {
        // Judge every answer, as checkUrl does, before narrowing to the family asked for.
        const bad = found.find((a) => !isAllowed(a.address));
        const addresses = found.filter((a) => family === 0 || a.family === family);
        if (bad) {
          const err = Object.assign(new Error(`${hostname} resolves to non-public address ${bad.address}`), { code: 'EBREACHFEEDSSRF', address: bad.address });
          return callback(err);
        }
        if (addresses.length === 0) {
          return callback(Object.assign(new Error(`${hostname} has no addresses`), { code: 'ENOTFOUND' }));
        }
        if (all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (err: unknown) => callback(err),
    );
  }) as unknown as typeof dns.lookup;

  return { checkUrl, lookup };
}

function familyNumber(family: number | string | undefined): number {
  if (family === 'IPv4' || family === 4) return 4;
  if (family === 'IPv6' || family === 6) return 6;
  return 0;
}
