// What the command-line tools share: their result (an exit code and Swedish output), reading an
// option's value, the configuration read from the environment with a Swedish refusal, and being run
// as `npm run <tool>`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config.js';

export interface CliResult {
  code: number;
  output: string;
}

/** The value after `name` in argv ("--to x" → "x"), or undefined. */
export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
}

/** The configuration, or the refusal (exit 2, the configuration error's Swedish message) to return. */
export function configOrRefusal(env: NodeJS.ProcessEnv): { config: Config } | { refusal: CliResult } {
  try {
    return { config: loadConfig(env) };
  } catch (err) {
    if (err instanceof ConfigError) return { refusal: { code: 2, output: err.message } };
    throw err;
  }
}

/**
 * When the file at `moduleUrl` is the process's entry point (`npm run <tool>`): run the tool, print
 * its output (to stderr when it failed) and exit with its code; an unexpected error prints
 * `failed(message)` and exits 1.
 */
export function runWhenMain(
  moduleUrl: string,
  tool: (argv: string[]) => Promise<CliResult>,
  failed: (message: string) => string,
): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  tool(process.argv.slice(2)).then(
    ({ code, output }) => {
      (code === 0 ? console.log : console.error)(output);
      process.exit(code);
    },
    (err: Error) => {
      console.error(failed(err.message));
      process.exit(1);
    },
  );
}
