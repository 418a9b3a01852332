// `npm run store:repair` (on a server without dev tools: `node dist/cli/storeRepair.js`): with the bot
// stopped, cuts a damaged last journal line of DATA_FILE (never acknowledged) and keeps the bytes
// beside it; anything else damaged is refused. Exit 0 repaired or nothing to do, 1 refused, 3 locked.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repairJournal } from '../store/repair.js';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataFile = resolve(process.env.DATA_FILE?.trim() || 'data/db.json');
  const r = await repairJournal(dataFile);
  (r.code === 0 ? console.log : console.error)(r.output);
  process.exit(r.code);
}
