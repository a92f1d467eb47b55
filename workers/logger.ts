// JSON logs (pino) for long-running processes: one object per line on stdout, easy to ship.
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The process logger; BREACHFEED_LOG_LEVEL sets the level (default info). Lines are
 * written asynchronously, so lines logged while a write is under way go out together
 * (not one blocking syscall per job); call flushLogger before exiting.
 */
export function createLogger(name: string, destination?: pino.DestinationStream): Logger {
  const level = process.env.BREACHFEED_LOG_LEVEL || 'info';
  return pino({ name, level }, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** Writes out buffered lines (at shutdown). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
