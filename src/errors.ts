// Error classes the runners act on. Classify by class, never by message text.

export class BreachfeedError extends Error {
  constructor(message: string, readonly retryable: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** 429 and 5xx are retried with backoff; other statuses fail the item at once. */
export class HttpStatusError extends BreachfeedError {
  constructor(readonly url: string, readonly status: number) {
    super(`fetch: ${url} answered HTTP ${status}`, status === 429 || status >= 500);
  }
}

/** Network trouble (timeouts, resets, DNS): worth another try later. */
export class NetworkError extends BreachfeedError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, true, options);
  }
}

/** The response is unusable as it is (too large, not a feed, refused address): not retried. */
export class ContentError extends BreachfeedError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, false, options);
  }
}

/** Bad configuration or arguments: the run cannot start. */
export class ConfigError extends BreachfeedError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, false, options);
  }
}

/** The store cannot be opened or written. */
export class StoreError extends BreachfeedError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, false, options);
  }
}

/** Whether a failed step is worth another attempt. */
export function isRetryable(err: unknown): boolean {
  return err instanceof BreachfeedError ? err.retryable : false;
}

/** One line for a user: our messages as they are, anything else with its class name. */
export function describeError(err: unknown): string {
  if (err instanceof BreachfeedError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`.split('\n')[0];
  return String(err);
}
