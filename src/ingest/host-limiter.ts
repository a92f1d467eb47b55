// Politeness: at most N requests in flight per host and a minimum gap between the
// starts of two requests to it, plus a host-wide pause when the host says Retry-After.
// In-process only; distributed workers each keep their own.

interface HostState {
  active: number;
  /** Earliest time (ms) the next request to this host may start. */
  nextStartAt: number;
  /** Earliest time set by a Retry-After, for the fail-fast check. */
  blockedUntil: number;
  /** This host's own gap (robots.txt Crawl-delay), when longer than the default. */
  delayMs: number | null;
  waiters: Waiter[];
  timer: NodeJS.Timeout | null;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Idle hosts whose gap has long passed are forgotten, so weeks of polling do not grow the map. */
const PRUNE_AT_SIZE = 1_000;

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Wait for a slot on `host`; call the returned function when the request is done. */
  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const state = this.stateOf(host);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = state.waiters.indexOf(waiter);
          if (i >= 0) state.waiters.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      state.waiters.push(waiter);
      this.pump(host, state);
    });
  }

  /** Hold every request to `host` until `untilMs` (epoch ms), as a Retry-After asks. */
  pauseHost(host: string, untilMs: number): void {
    const state = this.stateOf(host);
    state.nextStartAt = Math.max(state.nextStartAt, untilMs);
    state.blockedUntil = Math.max(state.blockedUntil, untilMs);
  }

  /** A longer gap for one host (its robots.txt Crawl-delay); never shortens the default. */
  setHostDelay(host: string, delayMs: number): void {
    this.stateOf(host).delayMs = delayMs;
  }

  /** Milliseconds until `host` may be asked again after a Retry-After (0 if not paused). */
  pausedForMs(host: string): number {
    const state = this.hosts.get(host);
    return state ? Math.max(0, state.blockedUntil - Date.now()) : 0;
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      if (this.hosts.size >= PRUNE_AT_SIZE) this.prune();
      state = { active: 0, nextStartAt: 0, blockedUntil: 0, delayMs: null, waiters: [], timer: null };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(host: string, state: HostState): void {
    while (state.waiters.length > 0 && state.active < this.concurrency) {
      const wait = state.nextStartAt - Date.now();
      if (wait > 0) {
        if (!state.timer) {
          state.timer = setTimeout(() => {
            state.timer = null;
            this.pump(host, state);
          }, wait);
        }
        return;
      }
      const waiter = state.waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      state.active++;
      state.nextStartAt = Date.now() + Math.max(this.delayMs, state.delayMs ?? 0);
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        state.active--;
        this.pump(host, state);
      });
    }
  }

  private prune(): void {
    const now = Date.now();
    for (const [host, s] of this.hosts) {
      if (s.active === 0 && s.waiters.length === 0 && !s.timer && s.nextStartAt < now) this.hosts.delete(host);
    }
  }
}

/**
 * Politeness shared beyond one process (distributed workers, through Redis). The HTTP client
 * asks it for every hop, after its own limiter (`HttpClient.useHostGate`).
 */
export interface HostGate {
  /**
   * Waits for a slot on `host`; the returned function gives it back. Throws a throttled error
   * (HostBackoffError for `url`) when the host is paused for longer than `maxWaitMs`.
   */
  acquire(host: string, maxWaitMs: number, url: string): Promise<() => void>;
  /** Holds every request to `host` for `ms`, in every process (a 429 or 503 asked us to slow down). */
  pause(host: string, ms: number): Promise<void>;
}
