// Order work so a pool of workers spreads over hosts: with per-host politeness, a pool
// that takes one feed's 50 articles in a row waits on one host while the others idle.

/** Round-robin by host (first appearance order kept within and across hosts); unparsable URLs go last. */
export function interleaveByHost<T extends { url: string }>(items: T[]): T[] {
  const byHost = new Map<string, T[]>();
  const unparsable: T[] = [];
  for (const item of items) {
    let host: string;
    try {
      host = new URL(item.url).hostname;
    } catch {
      unparsable.push(item);
      continue;
    }
    let queue = byHost.get(host);
    if (!queue) byHost.set(host, (queue = []));
    queue.push(item);
  }
  const queues = [...byHost.values()];
  const out: T[] = [];
  for (let round = 0; out.length + unparsable.length < items.length; round++) {
    for (const q of queues) if (round < q.length) out.push(q[round]);
  }
  return out.concat(unparsable);
}
