import type { Command } from 'commander';

/** Wraps a command's function into the commander action (main.ts: run it and keep its exit code). */
export type Action = <A extends unknown[]>(fn: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

/** What each command file exports: it adds its command, flags and handler to the program. */
export type RegisterCommand = (program: Command, action: Action) => void;
