// The accounting of DESIGN.md §1 across processes: every feed item ends as records, a
// no-incident verdict, a duplicate or a failure. One Redis hash holds each item's state;
// writes are idempotent, so a retried or recovered job never counts twice.
import type { Redis } from 'ioredis';
import { LuaScript } from './redis';

export type ItemState = 'queued' | 'records' | 'no_incident' | 'duplicate' | 'skipped' | 'failed';

export interface LedgerCounts {
  seen: number;
  records: number;
  noIncident: number;
  duplicate: number;
  /** robots.txt disallowed the page; asked again when a later poll lists the item. */
  skipped: number;
  failed: number;
  /** Enqueued and not finished yet (waiting, running, retrying, or drained by an operator). */
  inFlight: number;
}

/** An item: one link of one feed. The same link polled again is the same item. */
export function itemIdOf(feedId: string, linkKey: string): string {
  return `${feedId} ${linkKey}`;
}

export type ClaimResult = 'enqueue' | 'requeue' | 'seen' | 'duplicate';

// KEYS: items hash, claims hash. ARGV: item id, article key, item id, article key, ...
// Per item: 'seen' when it has finished before; 'duplicate' when another item owns the
// article; 'enqueue' when this item owns it (again, when a poll is retried before its job
// finished); 'requeue' when robots.txt skipped it last time: ask again (its old job must go first).
const CLAIM_SCRIPT = new LuaScript(`
local results = {}
for i = 1, #ARGV, 2 do
  local item, key = ARGV[i], ARGV[i + 1]
  local st = redis.call('HGET', KEYS[1], item)
  local owner = redis.call('HGET', KEYS[2], key)
  if st and st ~= 'queued' and st ~= 'skipped' then
    results[#results + 1] = 'seen'
  elseif st == 'skipped' then
    redis.call('HSET', KEYS[1], item, 'queued')
    results[#results + 1] = 'requeue'
  elseif owner and owner ~= item then
    redis.call('HSET', KEYS[1], item, 'duplicate')
    results[#results + 1] = 'duplicate'
  else
    redis.call('HSET', KEYS[1], item, 'queued')
    redis.call('HSET', KEYS[2], key, item)
    results[#results + 1] = 'enqueue'
  end
end
return results`, 2);

// KEYS: claims hash. ARGV: article key, item id. 1 when the item owns the article (now or already).
const CLAIM_ARTICLE_SCRIPT = new LuaScript(`
local owner = redis.call('HGET', KEYS[1], ARGV[1])
if owner and owner ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`, 1);

export class ItemLedger {
  private readonly itemsKey: string;
  private readonly claimsKey: string;

  constructor(private readonly redis: Redis, prefix: string) {
    this.itemsKey = `${prefix}:bf:items`;
    this.claimsKey = `${prefix}:bf:claims`;
  }

  /** Registers a poll's items and claims each one's article for it, in order, in one round trip. */
  async claimItems(items: { itemId: string; key: string }[]): Promise<ClaimResult[]> {
    if (!items.length) return [];
    const args = items.flatMap((i) => [i.itemId, i.key]);
    return (await CLAIM_SCRIPT.run(this.redis, [this.itemsKey, this.claimsKey], args)) as ClaimResult[];
  }

  /** Claims the article a page's canonical URL names; false when another item has it. */
  async claimArticle(key: string, itemId: string): Promise<boolean> {
    return (await CLAIM_ARTICLE_SCRIPT.run(this.redis, [this.claimsKey], [key, itemId])) === 1;
  }

  async settle(itemId: string, state: Exclude<ItemState, 'queued'>): Promise<void> {
    await this.redis.hset(this.itemsKey, itemId, state);
  }

  async stateOf(itemId: string): Promise<ItemState | null> {
    return (await this.redis.hget(this.itemsKey, itemId)) as ItemState | null;
  }

  async counts(): Promise<LedgerCounts> {
    const c: LedgerCounts = { seen: 0, records: 0, noIncident: 0, duplicate: 0, skipped: 0, failed: 0, inFlight: 0 };
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.itemsKey, cursor, 'COUNT', 1000);
      cursor = next;
      for (let i = 1; i < flat.length; i += 2) {
        c.seen++;
        const s = flat[i] as ItemState;
        if (s === 'records') c.records++;
        else if (s === 'no_incident') c.noIncident++;
        else if (s === 'duplicate') c.duplicate++;
        else if (s === 'skipped') c.skipped++;
        else if (s === 'failed') c.failed++;
        else c.inFlight++;
      }
    } while (cursor !== '0');
    return c;
  }
}
