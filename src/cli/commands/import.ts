import Ajv, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import readline from 'node:readline';
import schema from '../../../schema/record.schema.json';
import { findConfigFile, loadSettings } from '../../config/settings';
import { ConfigError } from '../../errors';
import { articleKey } from '../../ingest/canonicalize-url';
import type { ImportItem } from '../../store/record-store';
import type { BreachRecord } from '../../types';
import type { RegisterCommand } from '../action';
import { countLines } from '../count-lines';
import { createProgress } from '../progress';
import { Runtime } from '../runtime';

const BATCH = 1000;

export const registerImport: RegisterCommand = (program, action) => {
  program.command('import')
    .description('import records NDJSON (as `export --format ndjson` writes it) into the store, idempotently')
    .argument('<file>', 'records NDJSON, or - for stdin')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db; DATABASE_URL selects PostgreSQL)')
    .action(action((file: string, opts: { config?: string; db?: string }) => importCommand(file, opts)));
};

/**
 * `breachfeed import FILE`: records in, in one transaction (a failed import changes nothing),
 * incidents rebuilt once at the end. Each line is checked against the record schema; a line that
 * fails is reported (its number and the problem), the rest are imported, and the exit code is 1.
 * Importing twice changes nothing.
 */
export async function importCommand(file: string, opts: { config?: string; db?: string }): Promise<number> {
  if (file !== '-' && !fs.existsSync(file)) throw new ConfigError(`import: ${file} does not exist`);
  const settings = loadSettings(findConfigFile(opts.config));
  const ajv = new Ajv({ allErrors: false, strict: false });
  addFormats(ajv);
  const isRecord = ajv.compile<BreachRecord>(schema);
  const rt = new Runtime(settings, 'breachfeed-import', 2);
  const progress = createProgress('import', null);
  if (file !== '-') progress.setTotal(await countLines(file));
  let refused = 0;
  const source = file === '-' ? 'stdin' : file;

  async function* batches(): AsyncGenerator<ImportItem[]> {
    const input = file === '-' ? process.stdin : fs.createReadStream(file, 'utf8');
    let batch: ImportItem[] = [];
    let lineNo = 0;
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      progress.tick();
      if (!line.trim()) continue;
      const { record, problem } = readRecordLine(line, isRecord);
      if (!record) {
        refused++;
        progress.log(`breachfeed: import: ${source} line ${lineNo}: ${problem}`);
        continue;
      }
      batch.push({ articleKey: articleKey(record.article.canonicalUrl), record });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  let imported: number;
  try {
    const store = await rt.openStore(opts.db);
    imported = await store.importRecords(batches());
  } finally {
    progress.stop();
    await rt.close();
  }
  process.stdout.write(`imported ${imported} records${refused ? `, refused ${refused} lines (above)` : ''}\n`);
  return refused ? 1 : 0;
}

/** The line's record, or what is wrong with it. */
function readRecordLine(line: string, isRecord: ValidateFunction<BreachRecord>): { record: BreachRecord; problem?: undefined } | { record?: undefined; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { problem: `not JSON (${(err as Error).message})` };
  }
  if (isRecord(value)) return { record: value };
  const e = isRecord.errors?.[0];
  return { problem: `not a breachfeed record: ${e ? `${e.instancePath || '/'} ${e.message}` : 'invalid'}` };
}
