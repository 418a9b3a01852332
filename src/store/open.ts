// Which store: PostgreSQL when DATABASE_URL is set (several instances), else the embedded store in
// DATA_FILE (one instance). The bot and the command-line tools open it the same way.
import type { Config } from '../config.js';
import { openLowdbStore } from './lowdb-store.js';
import type { Store } from './port.js';
import { openPostgresStore } from './postgres-store.js';

export function openStore(config: Pick<Config, 'dataFile' | 'databaseUrl'>): Promise<Store> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openLowdbStore(config.dataFile);
}
