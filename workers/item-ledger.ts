// The accounting of DESIGN.md §1 across processes: every feed item ends as records, a
// no-incident verdict, a duplicate, a skip or a failure. Writes are idempotent, so a retried or
// recovered job never counts twice.
//
// Redis memory stays bounded: an item waiting for its verdict lives in one `pending` hash; a
// settled item moves to the hash of the day it settled, which expires `retentionDays` after that
// day (with a per-day count of each state, so counting costs one read per day, not per item).
// The store stays the durable record of what was seen: an item polled again after its entry
// expired is enqueued again and found there (a duplicate of its own stored verdict).
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
  /** Claimed and not settled yet. `status` compares it with the jobs that exist (in flight). */
  pending: number;
}

/** An item: one link of one feed. The same link polled again is the same item. */
export function itemIdOf(feedId: string, linkKey: string): string {
  return `${feedId} ${linkKey}`;
}

export type ClaimResult = 'enqueue' | 'requeue' | 'seen' | 'duplicate';

const DAY_MS = 24 * 60 * 60 * 1000;

// Shared by the scripts. ARGV[1] prefix, ARGV[2] today (days since the epoch), ARGV[3] retention
// days, ARGV[4] when today's hashes expire (ms); the script's own arguments follow.
const LIB = `
local prefix, today, days, expireAt = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local pendingKey = prefix .. ':bf:pending'
-- The item's state and the day it settled (nil while pending).
local function locate(item)
  if redis.call('HEXISTS', pendingKey, item) == 1 then return 'queued', nil end
  for d = today, today - days, -1 do
    local st = redis.call('HGET', prefix .. ':bf:items:' .. d, item)
    if st then return st, d end
  end
  return nil, nil
end
local function unset(item, st, d)
  if not st then return end
  if d then
    redis.call('HDEL', prefix .. ':bf:items:' .. d, item)
    redis.call('HINCRBY', prefix .. ':bf:counts:' .. d, st, -1)
  else
    redis.call('HDEL', pendingKey, item)
  end
end
local function put(item, st)
  if st == 'queued' then
    redis.call('HSET', pendingKey, item, st)
    return
  end
  local items, counts = prefix .. ':bf:items:' .. today, prefix .. ':bf:counts:' .. today
  redis.call('HSET', items, item, st)
  redis.call('HINCRBY', counts, st, 1)
  redis.call('PEXPIREAT', items, expireAt)
  redis.call('PEXPIREAT', counts, expireAt)
end
local function move(item, st, d, to)
  unset(item, st, d)
  put(item, to)
end
local function ownerOf(key)
  for d = today, today - days, -1 do
    local owner = redis.call('HGET', prefix .. ':bf:claims:' .. d, key)
    if owner then return owner end
  end
  return nil
end
local function claim(key, item)
  local claims = prefix .. ':bf:claims:' .. today
  redis.call('HSET', claims, key, item)
  redis.call('PEXPIREAT', claims, expireAt)
end
-- The day that just left the window goes now, not only when its expiry comes round.
local gone = today - days - 1
redis.call('DEL', prefix .. ':bf:items:' .. gone, prefix .. ':bf:counts:' .. gone, prefix .. ':bf:claims:' .. gone)
`;
const ARGS = 4;

// Items: item id, article key, item id, article key, ... Per item: 'seen' when it has finished
// before; 'duplicate' when another item owns the article; 'enqueue' when this item owns it (again,
// when a poll is retried before its job finished); 'requeue' when robots.txt skipped it last
// time: ask again (its old job must go first).
const CLAIM_SCRIPT = new LuaScript(`${LIB}
local results = {}
for i = ${ARGS + 1}, #ARGV, 2 do
  local item, key = ARGV[i], ARGV[i + 1]
  local st, d = locate(item)
  if st and st ~= 'queued' and st ~= 'skipped' then
    results[#results + 1] = 'seen'
  elseif st == 'skipped' then
    move(item, st, d, 'queued')
    claim(key, item)
    results[#results + 1] = 'requeue'
  else
    local owner = ownerOf(key)
    if owner and owner ~= item then
      move(item, st, d, 'duplicate')
      results[#results + 1] = 'duplicate'
    else
      if not st then put(item, 'queued') end
      claim(key, item)
      results[#results + 1] = 'enqueue'
    end
  end
end
return results`, 0);

// Article key, item id. 1 when the item owns the article (now or already).
const CLAIM_ARTICLE_SCRIPT = new LuaScript(`${LIB}
local key, item = ARGV[${ARGS + 1}], ARGV[${ARGS + 2}]
local owner = ownerOf(key)
if owner and owner ~= item then return 0 end
claim(key, item)
return 1`, 0);

// Item id, new state ('' forgets the item), '1' to change only a pending item. 1 when it changed.
const SET_STATE_SCRIPT = new LuaScript(`${LIB}
local item, to, onlyPending = ARGV[${ARGS + 1}], ARGV[${ARGS + 2}], ARGV[${ARGS + 3}] == '1'
local st, d = locate(item)
if onlyPending and st ~= 'queued' then return 0 end
if to == '' then unset(item, st, d) else move(item, st, d, to) end
return 1`, 0);

// Item id → its state, or nil.
const STATE_SCRIPT = new LuaScript(`${LIB}
local st = locate(ARGV[${ARGS + 1}])
return st`, 0);

export interface ItemLedgerOptions {
  /** Days a settled item's entry is kept (its state, and its claim on the article). */
  retentionDays: number;
  /** For the bench and tests. @default Date.now */
  now?: () => number;
}

export class ItemLedger {
  private readonly now: () => number;

  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly opts: ItemLedgerOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Registers a poll's items and claims each one's article for it, in order, in one round trip. */
  async claimItems(items: { itemId: string; key: string }[]): Promise<ClaimResult[]> {
    if (!items.length) return [];
    return (await this.run(CLAIM_SCRIPT, items.flatMap((i) => [i.itemId, i.key]))) as ClaimResult[];
  }

  /** Claims the article a page's canonical URL names; false when another item has it. */
  async claimArticle(key: string, itemId: string): Promise<boolean> {
    return (await this.run(CLAIM_ARTICLE_SCRIPT, [key, itemId])) === 1;
  }

  /** The item's verdict (or `queued` again, for a replayed job). */
  async settle(itemId: string, state: ItemState): Promise<void> {
    await this.run(SET_STATE_SCRIPT, [itemId, state, '0']);
  }

  /** Settles an item only while it waits for its verdict: true when it did (a job that ended without its processor). */
  async settleIfPending(itemId: string, state: Exclude<ItemState, 'queued'>): Promise<boolean> {
    return (await this.run(SET_STATE_SCRIPT, [itemId, state, '1'])) === 1;
  }

  /** Forgets an item, so the next poll that lists it enqueues it again (`jobs discard --forget`). */
  async forget(itemId: string): Promise<void> {
    await this.run(SET_STATE_SCRIPT, [itemId, '', '0']);
  }

  async stateOf(itemId: string): Promise<ItemState | null> {
    return (await this.run(STATE_SCRIPT, [itemId])) as ItemState | null;
  }

  /** One read per retained day, and the pending count. */
  async counts(): Promise<LedgerCounts> {
    const c: LedgerCounts = { seen: 0, records: 0, noIncident: 0, duplicate: 0, skipped: 0, failed: 0, pending: 0 };
    const today = this.today();
    const pipe = this.redis.pipeline().hlen(`${this.prefix}:bf:pending`);
    for (let d = today; d >= today - this.opts.retentionDays; d--) pipe.hgetall(`${this.prefix}:bf:counts:${d}`);
    const [[, pending], ...days] = (await pipe.exec()) ?? [];
    c.pending = Number(pending ?? 0);
    for (const [, byState] of days) {
      for (const [state, n] of Object.entries((byState ?? {}) as Record<string, string>)) {
        if (state === 'records') c.records += Number(n);
        else if (state === 'no_incident') c.noIncident += Number(n);
        else if (state === 'duplicate') c.duplicate += Number(n);
        else if (state === 'skipped') c.skipped += Number(n);
        else if (state === 'failed') c.failed += Number(n);
      }
    }
    c.seen = c.pending + c.records + c.noIncident + c.duplicate + c.skipped + c.failed;
    return c;
  }

  private today(): number {
    return Math.floor(this.now() / DAY_MS);
  }

  private run(script: LuaScript, args: string[]): Promise<unknown> {
    const today = this.today();
    const expireAt = (today + 1 + this.opts.retentionDays) * DAY_MS;
    return script.run(this.redis, [], [this.prefix, today, this.opts.retentionDays, expireAt, ...args]);
  }
}
