import fs from 'node:fs';
import readline from 'node:readline';
import { ConfigError, describeError } from '../../errors';
import { extractFromInput, parseExtractInput } from '../../pipeline/extract-input';
import { createProgress } from '../progress';

/** `breachfeed extract`: JSONL of articles in, JSONL of `{id, incidents}` out. */
export async function extractCommand(opts: { in?: string; out?: string }): Promise<number> {
  if (opts.in && !fs.existsSync(opts.in)) throw new ConfigError(`extract: --in ${opts.in} does not exist`);
  const input = opts.in ? fs.createReadStream(opts.in, 'utf8') : process.stdin;
  const output: NodeJS.WritableStream = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
  const total = opts.in ? countLines(opts.in) : 0;
  const progress = createProgress('extract');
  if (total) progress.setTotal(total);
  let lineNo = 0;
  let failed = 0;
  try {
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      if (!line.trim()) continue;
      try {
        const item = parseExtractInput(line, lineNo);
        const incidents = extractFromInput(item);
        if (!output.write(`${JSON.stringify({ id: item.id, incidents })}\n`)) {
          await new Promise<void>((resolve) => output.once('drain', () => resolve()));
        }
      } catch (err) {
        // One bad line is reported and skipped; the rest of the file still counts.
        failed++;
        progress.log(describeError(err));
      }
      progress.tick();
    }
  } finally {
    progress.stop();
    if (output !== process.stdout) await new Promise<void>((resolve) => output.end(() => resolve()));
  }
  if (failed) process.stderr.write(`extract: ${failed} of ${lineNo} lines could not be read\n`);
  return failed && failed === lineNo ? 1 : 0;
}

function countLines(file: string): number {
  let n = 0;
  const buf = fs.readFileSync(file);
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  return buf.length && buf[buf.length - 1] !== 10 ? n + 1 : n;
}
