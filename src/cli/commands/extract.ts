import fs from 'node:fs';
import readline from 'node:readline';
import { ConfigError, describeError } from '../../errors';
import { extractFromInput } from '../../pipeline/extract-input';
import type { RegisterCommand } from '../action';
import { parseExtractInput } from '../parse-extract-input';
import { createProgress } from '../progress';

export const registerExtract: RegisterCommand = (program, action) => {
  program.command('extract')
    .description('extract incidents from a JSONL file of articles ({id, title?, date?, url?, text|html})')
    .option('--in <file>', 'input JSONL (default: stdin)')
    .option('--out <file>', 'output JSONL (default: stdout)')
    .action(action(extractCommand));
};

/** `breachfeed extract`: JSONL of articles in, JSONL of `{id, incidents}` out. */
export async function extractCommand(opts: { in?: string; out?: string }): Promise<number> {
  if (opts.in && !fs.existsSync(opts.in)) throw new ConfigError(`extract: --in ${opts.in} does not exist`);
  const input = opts.in ? fs.createReadStream(opts.in, 'utf8') : process.stdin;
  const output: NodeJS.WritableStream = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
  const total = opts.in ? countLines(opts.in) : 0;
  // Plain lines, not JSON logs: each names a line of the input for the person fixing it.
  const progress = createProgress('extract', null);
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
    if (failed) progress.log(`extract: ${failed} of ${lineNo} lines could not be read`);
  } finally {
    progress.stop();
    if (output !== process.stdout) await new Promise<void>((resolve) => output.end(() => resolve()));
  }
  return failed && failed === lineNo ? 1 : 0;
}

function countLines(file: string): number {
  let n = 0;
  const buf = fs.readFileSync(file);
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  return buf.length && buf[buf.length - 1] !== 10 ? n + 1 : n;
}
