import cliProgress from 'cli-progress';
import type { Logger } from '../logger';

export interface Progress {
  setTotal(total: number): void;
  tick(): void;
  /** A message line that must not garble the bar. */
  log(line: string): void;
  stop(): void;
}

const LINE_INTERVAL_MS = 5_000;

/**
 * A bar on a terminal (stderr). Elsewhere a progress line every few seconds and the messages:
 * JSON log lines through `logger`, or plain text lines without one (the demo, which is read by people).
 */
export function createProgress(label: string, logger: Logger | null, stream: NodeJS.WriteStream = process.stderr): Progress {
  let total = 0;
  let done = 0;
  if (stream.isTTY) {
    // MultiBar, even for one bar, because it can print lines above the bar.
    const bars = new cliProgress.MultiBar(
      { format: `${label} [{bar}] {value}/{total} {percentage}% | eta {eta_formatted}`, stream, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let bar: cliProgress.SingleBar | undefined;
    return {
      setTotal(t) {
        total = t;
        if (bar) bar.setTotal(t);
        else bar = bars.create(t, done);
      },
      tick() {
        done++;
        bar?.update(done);
      },
      log(line) {
        bars.log(`${line}\n`);
      },
      stop() {
        bars.stop();
      },
    };
  }
  let last = Date.now();
  return {
    setTotal(t) {
      total = t;
    },
    tick() {
      done++;
      if (Date.now() - last >= LINE_INTERVAL_MS) {
        last = Date.now();
        if (logger) logger.info({ done, total }, label);
        else stream.write(`${label}: ${done}/${total || '?'}${total ? ` (${Math.round((100 * done) / total)}%)` : ''}\n`);
      }
    },
    log(line) {
      if (logger) logger.info(line);
      else stream.write(`${line}\n`);
    },
    stop() {},
  };
}
