// `npm run package`: writes build/arendevakt.zip, the Teams app package (manifest, en-us strings,
// icons), with the municipality's ids, names and addresses from the environment (docs/deploy.md):
//   MicrosoftAppId (or BOT_ID)  the bot's Entra app id             required
//   APP_DEVELOPER_NAME          who publishes the app              required, e.g. "Exempelby kommun"
//   APP_WEBSITE_URL, APP_PRIVACY_URL, APP_TERMS_URL  https://…     required
//   TEAMS_APP_ID                the Teams app's own id             default: the committed one
//   APP_NAME_SHORT, APP_NAME_FULL                                  default: Ärendevakt
//   BOT_DOMAIN                  added to validDomains              optional
// A placeholder (the example bot id, example.se addresses) is refused: exit 1 with every missing
// setting named. `npm run package -- --local` builds the package with placeholders anyway, for the
// Agents Playground only. The icons are regenerated so the package always matches scripts/app-icons.ts.
import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { colorIcon, outlineIcon } from './app-icons.js';

export const PLACEHOLDER_BOT_ID = '00000000-0000-4000-8000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER_URL = /^https?:\/\/([^/]*\.)?example\.(se|com|org)(\/|$)/i;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Appaketet byggs inte:\n  ${problems.join('\n  ')}`);
    this.name = 'PackageError';
  }
}

const URLS = [
  ['APP_WEBSITE_URL', 'websiteUrl'],
  ['APP_PRIVACY_URL', 'privacyUrl'],
  ['APP_TERMS_URL', 'termsOfUseUrl'],
] as const;

export function buildPackage(
  env: Record<string, string | undefined>,
  opts: { local?: boolean } = {},
): { zip: Buffer; manifest: Record<string, unknown>; warnings: string[] } {
  const dir = fileURLToPath(new URL('../appPackage/', import.meta.url));
  const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8'));
  const version = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')).version;
  const get = (k: string) => env[k]?.trim() || undefined;
  const problems: string[] = [];
  const placeholders: string[] = [];

  const botId = get('MicrosoftAppId') ?? get('BOT_ID');
  if (botId && !GUID.test(botId)) problems.push(`MicrosoftAppId "${botId}" är inte ett GUID.`);
  else if (botId) manifest.bots[0].botId = botId;
  else
    placeholders.push(
      `MicrosoftAppId saknas: paketet har plats-id:t ${PLACEHOLDER_BOT_ID} och kan inte laddas upp i Teams.`,
    );

  const appId = get('TEAMS_APP_ID');
  if (appId && !GUID.test(appId)) problems.push(`TEAMS_APP_ID "${appId}" är inte ett GUID.`);
  else if (appId) manifest.id = appId;

  const developer = get('APP_DEVELOPER_NAME');
  if (developer) manifest.developer.name = developer;
  else placeholders.push('APP_DEVELOPER_NAME saknas: vem som ger ut appen (t.ex. kommunens namn).');
  for (const [key, field] of URLS) {
    const url = get(key);
    if (url && (!/^https:\/\/\S+$/.test(url) || PLACEHOLDER_URL.test(url)))
      problems.push(`${key} "${url}" ska vara en https-adress hos er (inte example.se).`);
    else if (url) manifest.developer[field] = url;
    else placeholders.push(`${key} saknas: sidan har exemplets adress ${manifest.developer[field]}.`);
  }
  const short = get('APP_NAME_SHORT');
  if (short && short.length > 30) problems.push('APP_NAME_SHORT får ha högst 30 tecken.');
  else if (short) manifest.name.short = short;
  const full = get('APP_NAME_FULL');
  if (full && full.length > 100) problems.push('APP_NAME_FULL får ha högst 100 tecken.');
  else if (full) manifest.name.full = full;
  manifest.version = version;
  const domain = get('BOT_DOMAIN');
  if (domain) manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), domain])];

  if (problems.length || (!opts.local && placeholders.length)) throw new PackageError([...problems, ...placeholders]);
  const warnings = placeholders.length
    ? [...placeholders, 'Ett lokalt paket (--local): bara för Agents Playground, inte för Teams.']
    : [];
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  zip.addFile('en-us.json', readFileSync(`${dir}en-us.json`));
  zip.addFile('color.png', colorIcon());
  zip.addFile('outline.png', outlineIcon());
  return { zip: zip.toBuffer(), manifest, warnings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('../build/', import.meta.url));
  let built: ReturnType<typeof buildPackage>;
  try {
    built = buildPackage(process.env, { local: process.argv.includes('--local') });
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    console.error(
      `${err.message}\nSätt variablerna (docs/deploy.md), eller bygg ett lokalt paket för Playground: npm run package -- --local`,
    );
    process.exit(1);
  }
  const { zip, manifest, warnings } = built;
  mkdirSync(out, { recursive: true });
  new AdmZip(zip).writeZip(`${out}arendevakt.zip`);
  for (const w of warnings) console.warn(w);
  console.log(
    `build/arendevakt.zip skriven (bot-id ${(manifest.bots as { botId: string }[])[0].botId}, ${zip.length} byte).`,
  );
}
