// `npm run package`: writes build/arendevakt.zip, the Teams app package (manifest, en-us strings,
// icons). The bot id comes from MicrosoftAppId (the Azure Bot's app registration); without it the
// placeholder 00000000-0000-4000-8000-000000000000 stays in, which is enough for the Agents
// Playground but must be replaced before uploading to Teams. BOT_DOMAIN (optional) is added to
// validDomains. The icons are regenerated first so the package always matches scripts/app-icons.ts.
import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { colorIcon, outlineIcon } from './app-icons.js';

export const PLACEHOLDER_BOT_ID = '00000000-0000-4000-8000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function buildPackage(env: Record<string, string | undefined>): {
  zip: Buffer;
  manifest: Record<string, unknown>;
  warnings: string[];
} {
  const dir = fileURLToPath(new URL('../appPackage/', import.meta.url));
  const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8'));
  const warnings: string[] = [];
  const botId = env.MicrosoftAppId?.trim();
  if (botId && !GUID.test(botId)) throw new Error(`MicrosoftAppId "${botId}" är inte ett GUID.`);
  if (botId) manifest.bots[0].botId = botId;
  else
    warnings.push(
      `MicrosoftAppId saknas: paketet har plats-id:t ${PLACEHOLDER_BOT_ID} och kan inte laddas upp i Teams.`,
    );
  const domain = env.BOT_DOMAIN?.trim();
  if (domain) manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), domain])];
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  zip.addFile('en-us.json', readFileSync(`${dir}en-us.json`));
  zip.addFile('color.png', colorIcon());
  zip.addFile('outline.png', outlineIcon());
  return { zip: zip.toBuffer(), manifest, warnings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('../build/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const { zip, manifest, warnings } = buildPackage(process.env);
  new AdmZip(zip).writeZip(`${out}arendevakt.zip`);
  for (const w of warnings) console.warn(w);
  console.log(
    `build/arendevakt.zip skriven (bot-id ${(manifest.bots as { botId: string }[])[0].botId}, ${zip.length} byte).`,
  );
}
