import fs from 'node:fs';
import readline from 'node:readline';
import { findConfigFile, loadSettings } from '../../config/settings';
import { ConfigError, describeError } from '../../errors';
import { extractInputOn } from '../../pipeline/extract-input';
import type { RegisterCommand } from '../action';
import { parseExtractInput } from '../parse-extract-input';
import { countLines } from '../count-lines';
import { createProgress } from '../progress';
import { Runtime } from '../runtime';

export const registerExtract: RegisterCommand = (program, action) => {
  program.command('extract')
    .description('extract incidents from a JSONL file of articles ({id, title?, date?, url?, text|html})')
    .option('--in <file>', 'input JSONL (default: stdin)')
    .option('--out <file>', 'output JSONL (default: stdout)')
    .option('-c, --config <file>', 'config file for the pool and its budgets (default: ./breachfeed.yaml if present)')
    .action(action(extractCommand));
};

/**
 * `breachfeed extract`: JSONL of articles in, JSONL of `{id, incidents}` out, in input order.
 * Scrape and extract run on the pool with its budgets, one line per thread at a time: a line
 * over budget fails alone with one line on stderr, and the next goes on.
 */
export async function extractCommand(opts: { in?: string; out?: string; config?: string }): Promise<number> {
  if (opts.in && !fs.existsSync(opts.in)) throw new ConfigError(`extract: --in ${opts.in} does not exist`);
  const settings = loadSettings(findConfigFile(opts.config));
  const input = opts.in ? fs.createReadStream(opts.in, 'utf8') : process.stdin;
  const output: NodeJS.WritableStream = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
  const total = opts.in ? await countLines(opts.in) : 0;
  // Plain lines, not JSON logs: each names a line of the input for the person fixing it.
  const progress = createProgress('extract', null);
  if (total) progress.setTotal(total);
  const rt = new Runtime(settings, 'breachfeed-extract', 2);
  const cpu = rt.openCpuPool();
  let lineNo = 0;
  let failed = 0;
  const handle = async (line: string, n: number): Promise<string | null> => {
    try {
      const item = parseExtractInput(line, n);
      return `${JSON.stringify({ id: item.id, incidents: await extractInputOn(cpu, item) })}\n`;
    } catch (err) {
      // One bad line is reported and skipped; the rest of the file still counts.
      failed++;
      progress.log(describeError(err));
      return null;
    } finally {
      progress.tick();
    }
  };
  // As many lines in flight as the pool has threads; written in input order.
  const inFlight: Promise<string | null>[] = [];
  const writeNext = async () => {
    const out = await inFlight.shift()!;
    if (out && !output.write(out)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  };
  try {
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      if (!line.trim()) continue;
      inFlight.push(handle(line, lineNo));
      if (inFlight.length >= cpu.threads) await writeNext();
    }
    while (inFlight.length) await writeNext();
    if (failed) progress.log(`extract: ${failed} of ${lineNo} lines could not be read`);
  } finally {
    progress.stop();
    await rt.close();
    if (output !== process.stdout) await new Promise<void>((resolve) => output.end(() => resolve()));
  }
  return failed && failed === lineNo ? 1 : 0;
}
