/** What every command shares: paths relative to where `pnpm vcc` was typed, and failing cleanly. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** pnpm runs the command in apps/api; INIT_CWD is where the user typed it. */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export function readUserFile(file: string): string {
  try {
    return readFileSync(userPath(file), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
}

export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}
