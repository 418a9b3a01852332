// What the command-line tools share: their result (an exit code and Swedish output), reading an
// option's value, and the configuration read from the environment with a Swedish refusal.
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
