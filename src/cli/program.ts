// The `breachfeed` command line: every command, its options and its action. main.ts runs it;
// tests parse command lines with it (the compose check) without running anything.
import { Command } from 'commander';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { explainCommand } from './commands/explain';
import { extractCommand } from './commands/extract';
import { recordsCommand } from './commands/records';
import { runCommand } from './commands/run';
import { scrapeCommand } from './commands/scrape';
import { serveCommand } from './commands/serve';
import { registerDistributedCommands } from './distributed-commands';

const VERSION = '0.1.0';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Wraps a command's function into the commander action (main.ts: run it and keep its exit code). */
export type Action = <A extends unknown[]>(fn: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

export function buildProgram(action: Action): Command {
  const program = new Command('breachfeed')
    .description('Data-breach intelligence from the news: feeds → articles → breach records.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run breachfeed help for usage)');

  program.command('run')
    .description('poll every configured feed once and store the breach records (inline runner, SQLite)')
    .option('-c, --config <file>', 'config file (default: ./breachfeed.yaml if present, else built-in feeds)')
    .option('--feed <url>', 'poll this feed instead of the configured ones (repeatable)', collect)
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db)')
    .option('--concurrency <n>', 'articles processed at once')
    .option('--retry-failing-feeds', 'also poll feeds that are backing off after failures')
    .action(action(runCommand));

  program.command('demo')
    .description('run the pipeline against a bundled newsroom served on 127.0.0.1 and print the records')
    .option('--db <file>', 'SQLite file (default: DATABASE_URL, else BREACHFEED_DB, else data/demo.db)')
    .option('--port <n>', 'port of the newsroom on 127.0.0.1 (default: 47810, or a free one when that is taken)')
    .action(action(demoCommand));

  program.command('extract')
    .description('extract incidents from a JSONL file of articles ({id, title?, date?, url?, text|html})')
    .option('--in <file>', 'input JSONL (default: stdin)')
    .option('--out <file>', 'output JSONL (default: stdout)')
    .action(action(extractCommand));

  program.command('explain')
    .description('show how the breach rules read one article: sentences, fields, counts, dates, victims, incidents')
    .option('--in <file>', 'input JSONL, as for extract')
    .option('--id <id>', 'the id of the line to explain')
    .option('--text <text>', 'explain this text instead')
    .option('--title <title>', 'headline for --text')
    .option('--date <date>', 'publication date for --text (YYYY-MM-DD)')
    .action(action(explainCommand));

  program.command('records')
    .description('list stored records')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db)')
    .option('--json', 'one JSON record per line')
    .option('--csv', 'CSV with a header row')
    .option('--org <name>', 'only this organization (substring of name or key)')
    .option('--since <date>', 'only records disclosed on or after this date')
    .option('--limit <n>', 'at most this many records')
    .action(action(recordsCommand));

  program.command('scrape')
    .description('scrape a folder of .html/.html.gz pages into {id: {articleBody, title, ...}}')
    .option('--html-dir <dir>', 'folder of pages')
    .option('--out <file>', 'output JSON (default: stdout)')
    .action(action(scrapeCommand));

  program.command('export')
    .description('export records (or --incidents merged across sources) as NDJSON or CSV, streamed')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db; DATABASE_URL selects PostgreSQL)')
    .option('--format <format>', 'ndjson or csv', 'ndjson')
    .option('--incidents', 'merged incidents instead of records')
    .option('--org <name>', 'organization name or key contains')
    .option('--data-type <type>', 'only with this data type')
    .option('--since <date>', 'disclosed on or after')
    .option('--until <date>', 'disclosed on or before')
    .option('--min-count <n>', 'affected count at least')
    .option('--out <file>', 'write here instead of stdout')
    .action(action(exportCommand));

  program.command('serve')
    .description('serve the HTTP API: records, incidents, export, metrics, OpenAPI (127.0.0.1 by default)')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db; DATABASE_URL selects PostgreSQL)')
    .option('--host <host>', 'address to bind (default: 127.0.0.1; others need a token)')
    .option('--port <n>', 'port (default: 8080)')
    .option('--token <token>', 'bearer token required on every route but /healthz (env BREACHFEED_API_TOKEN)')
    .action(action(serveCommand));

  registerDistributedCommands(program, action);
  return program;
}
