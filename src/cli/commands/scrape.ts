import fs from 'node:fs';
import { ConfigError } from '../../errors';
import { scrapeDirectory } from '../../pipeline/scrape-directory';
import type { RegisterCommand } from '../action';

export const registerScrape: RegisterCommand = (program, action) => {
  program.command('scrape')
    .description('scrape a folder of .html/.html.gz pages into {id: {articleBody, title, ...}}')
    .option('--html-dir <dir>', 'folder of pages')
    .option('--out <file>', 'output JSON (default: stdout)')
    .action(action(scrapeCommand));
};

/** `breachfeed scrape --html-dir DIR --out FILE`: batch scraping, `{id: {articleBody, ...}}`. */
export async function scrapeCommand(opts: { htmlDir?: string; out?: string }): Promise<number> {
  if (!opts.htmlDir) throw new ConfigError('scrape: --html-dir DIR is required');
  if (!fs.existsSync(opts.htmlDir) || !fs.statSync(opts.htmlDir).isDirectory()) {
    throw new ConfigError(`scrape: --html-dir ${opts.htmlDir} is not a directory`);
  }
  const result = await scrapeDirectory(opts.htmlDir);
  const json = `${JSON.stringify(result, null, 1)}\n`;
  if (opts.out) fs.writeFileSync(opts.out, json);
  else process.stdout.write(json);
  process.stderr.write(`scrape: ${Object.keys(result).length} pages from ${opts.htmlDir}${opts.out ? ` → ${opts.out}` : ''}\n`);
  return 0;
}
