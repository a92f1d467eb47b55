// The `breachfeed` command line. Each command's flags and handler live in its own file under
// commands/; main.ts runs the program, and tests parse command lines with it (the compose check)
// without running anything.
import { Command } from 'commander';
import type { Action, RegisterCommand } from './action';
import { registerDemo } from './commands/demo';
import { registerExplain } from './commands/explain';
import { registerExport } from './commands/export';
import { registerExtract } from './commands/extract';
import { registerImport } from './commands/import';
import { registerJobs } from './commands/jobs';
import { registerQueues } from './commands/queues';
import { registerRecords } from './commands/records';
import { registerRun } from './commands/run';
import { registerSchedule } from './commands/schedule';
import { registerScrape } from './commands/scrape';
import { registerServe } from './commands/serve';
import { registerStatus } from './commands/status';
import { registerWorker } from './commands/worker';

const VERSION = '0.1.0';

const COMMANDS: RegisterCommand[] = [
  registerRun, registerDemo, registerExtract, registerExplain, registerRecords, registerScrape, registerExport, registerImport, registerServe,
  registerWorker, registerSchedule, registerJobs, registerQueues, registerStatus,
];

export function buildProgram(action: Action): Command {
  const program = new Command('breachfeed')
    .description('Data-breach intelligence from the news: feeds → articles → breach records.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run breachfeed help for usage)');
  for (const register of COMMANDS) register(program, action);
  return program;
}
