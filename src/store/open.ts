// Which store: PostgreSQL when DATABASE_URL is set (several instances), else the embedded store in
// DATA_FILE (one instance). The bot and the command-line tools open it the same way.
import type { Config } from '../config.js';
import { openLowdbStore } from './lowdbStore.js';
import type { Store } from './port.js';

export async function openStore(config: Pick<Config, 'dataFile' | 'databaseUrl'>): Promise<Store> {
  // Loaded only when used: the PostgreSQL driver costs a bot on the embedded store ~15 MB of RSS.
  if (config.databaseUrl) return (await import('./postgresStore.js')).openPostgresStore(config.databaseUrl);
  return openLowdbStore(config.dataFile);
}
