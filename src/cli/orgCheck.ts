// `npm run org:check -- <file>` (on a server without dev tools: `node dist/cli/orgCheck.js <file>`):
// checks an organisation file the way the bot will read it, every error at once, in Swedish, naming
// the field. Exit 0 when correct, 1 otherwise; run it before committing or copying a new version.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOrganisationFile } from '../organisationFile.js';

export function checkOrganisationFile(file: string): { ok: boolean; text: string } {
  const result = readOrganisationFile(file);
  if (!result.ok)
    return {
      ok: false,
      text: `${file}: ${result.errors.length} fel\n  ${result.errors.join('\n  ')}`,
    };
  const { org } = result;
  return {
    ok: true,
    text: `${file}: rätt (${org.groups.length} grupper, ${org.staff.length} personer, tenantId ${org.tenantId})`,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('Ange filen: npm run org:check -- data/organisation.json');
    process.exit(2);
  }
  const { ok, text } = checkOrganisationFile(resolve(file));
  (ok ? console.log : console.error)(text);
  process.exit(ok ? 0 : 1);
}
