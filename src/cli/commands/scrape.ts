import fs from 'node:fs';
import { findConfigFile, loadSettings } from '../../config/settings';
import { ConfigError } from '../../errors';
import { scrapeDirectory } from '../../pipeline/scrape-directory';
import type { RegisterCommand } from '../action';
import { Runtime } from '../runtime';

export const registerScrape: RegisterCommand = (program, action) => {
  program.command('scrape')
    .description('scrape a folder of .html/.html.gz pages into {id: {articleBody, title, ...}}')
    .option('--html-dir <dir>', 'folder of pages')
    .option('--out <file>', 'output JSON (default: stdout)')
    .option('-c, --config <file>', 'config file for the pool and its budgets (default: ./breachfeed.yaml if present)')
    .action(action(scrapeCommand));
};

/**
 * `breachfeed scrape --html-dir DIR --out FILE`: batch scraping, `{id: {articleBody, ...}}`, on the
 * pool with its budgets: a page over budget gets an empty entry saying why, one line on stderr,
 * and the next page goes on.
 */
export async function scrapeCommand(opts: { htmlDir?: string; out?: string; config?: string }): Promise<number> {
  if (!opts.htmlDir) throw new ConfigError('scrape: --html-dir DIR is required');
  if (!fs.existsSync(opts.htmlDir) || !fs.statSync(opts.htmlDir).isDirectory()) {
    throw new ConfigError(`scrape: --html-dir ${opts.htmlDir} is not a directory`);
  }
  const rt = new Runtime(loadSettings(findConfigFile(opts.config)), 'breachfeed-scrape', 2);
  try {
    const cpu = rt.openCpuPool();
    const onFailure = (reason: string) => process.stderr.write(`${reason}\n`);
    const result = await scrapeDirectory(opts.htmlDir, {}, { cpu, concurrency: cpu.threads, onFailure });
    const json = `${JSON.stringify(result, null, 1)}\n`;
    if (opts.out) fs.writeFileSync(opts.out, json);
    else process.stdout.write(json);
    process.stderr.write(`scrape: ${Object.keys(result).length} pages from ${opts.htmlDir}${opts.out ? ` → ${opts.out}` : ''}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
