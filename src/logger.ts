// The one logger (pino): JSON objects, one per line, for every long-running process and for
// the API's requests; easy to ship.
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * A process logger at `level` (the log.level setting) on `fd` (1: stdout, 2: stderr). Lines
 * are written asynchronously, so lines logged while a write is under way go out together (not
 * one blocking syscall per job); call flushLogger before exiting.
 */
export function createLogger(name: string, level: string, fd: 1 | 2 = 1): Logger {
  return pino({ name, level }, pino.destination({ dest: fd, sync: false }));
}

/** Writes out buffered lines (at shutdown). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
