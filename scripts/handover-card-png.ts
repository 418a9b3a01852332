// Render the handover checklist card with 9 cases to docs/handover-card.png, the way a Teams client
// draws an Adaptive Card: the Adaptive Cards JS renderer in headless Chromium (Debian's /usr/bin/chromium
// through playwright-core). Run: npx tsx scripts/handover-card-png.ts [out.png]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { handoverCard } from '../src/cards/handoverCard.js';
import { TEAMS_HOST_CONFIG } from '../src/cards/hostConfig.js';
import { handoverFixture } from '../test/cards/handoverFixture.js';

const require = createRequire(import.meta.url);
const out = process.argv[2] ?? new URL('../docs/handover-card.png', import.meta.url).pathname;
const card = handoverCard(handoverFixture(9).input);
const rendererJs = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');

// Teams' light theme, the same host config as the previews (src/cards/hostConfig.ts).
const hostConfig = TEAMS_HOST_CONFIG;

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #EBEBEB; font-family: 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif; }
  #frame { width: 600px; margin: 16px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); overflow: hidden; }
  .ac-pushButton { border: 1px solid #D1D1D1; background: #fff; border-radius: 4px; padding: 5px 10px; font-size: 13px; color: #242424; font-family: inherit; }
  .ac-pushButton.style-positive { background: #5B5FC7; color: #fff; }
</style><script>${rendererJs}</script></head><body><div id="frame"></div></body></html>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 1.5 });
  await page.setContent(html);
  await page.evaluate(
    ({ card, hostConfig }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const AC = (window as any).AdaptiveCards;
      // Teams renders the markdown subset cards use; here only **bold** occurs.
      AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml?: string; didProcess: boolean }) => {
        const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        result.outputHtml = esc.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
        result.didProcess = true;
      };
      const ac = new AC.AdaptiveCard();
      ac.hostConfig = new AC.HostConfig(hostConfig);
      ac.parse(card);
      document.getElementById('frame')!.appendChild(ac.render());
    },
    { card, hostConfig },
  );
  await page.locator('#frame').screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
