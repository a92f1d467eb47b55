// JSON logs (pino) for long-running processes: one object per line on stdout, easy to ship.
import pino, { type Logger } from 'pino';

export type { Logger };

/** The process logger; BREACHFEED_LOG_LEVEL sets the level (default info). */
export function createLogger(name: string, destination?: pino.DestinationStream): Logger {
  const level = process.env.BREACHFEED_LOG_LEVEL || 'info';
  return destination ? pino({ name, level }, destination) : pino({ name, level });
}
