import { CommanderError } from 'commander';
import { isDebugEnabled } from '../config/settings';
import { BreachfeedError, ConfigError, describeError } from '../errors';
import { buildProgram } from './program';

/** The `breachfeed` command. Returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const action = <A extends unknown[]>(fn: (...args: A) => Promise<number>) => async (...args: A) => {
    code = await fn(...args);
  };
  const program = buildProgram(action);
  // A reader that stops early (`| head -1`) closes the pipe: a normal end for a CLI, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // commander printed its own message
    if (isClosedPipe(err)) return 0;
    process.stderr.write(`breachfeed: ${describeError(err)}\n`);
    if (!(err instanceof BreachfeedError) && isDebugEnabled()) console.error(err);
    return err instanceof ConfigError ? 2 : 1;
  }
}

/** The error of writing to a stdout whose reader has gone. */
function isClosedPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'EPIPE' && (err as { syscall?: string }).syscall === 'write';
}
