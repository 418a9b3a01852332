// The closest thing to Teams a test can reach here: the real bot (`npx tsx src/main.ts`) behind the
// Microsoft 365 Agents Playground (as `npm run playground` starts them, with its demo cases), driven
// in Debian's chromium. Anna Berg (caseworker) has one case assigned by her team lead. She writes
// `hjälp`, sees the help card, presses "Mina ärenden" and the card turns into her list; she clicks
// the case and the card turns into the case card.
// Skipped only when /usr/bin/chromium is missing (CI installs it, see .ci/run).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES, startPlayground, type RunningPlayground } from '../../scripts/playground.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`playground.browser.test: ${CHROMIUM} saknas, webbläsartestet hoppas över (apt-get install chromium).`);

const CASE_ID = DEMO_CASES.assigned;

describe('the bot in the Agents Playground, in a browser', () => {
  let dir: string;
  let running: RunningPlayground | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const output: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    dir = mkdtempSync(join(tmpdir(), 'arendevakt-browser-'));
    // `npm run playground`'s demo cases: one assigned to Anna by Karin, two unassigned.
    running = await startPlayground({
      userName: 'Anna Berg',
      demo: true,
      playgroundPort: 0,
      onOutput: (l) => output.push(l),
    });
    context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await running?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasChromium)(
    'answers hjälp with a card, and the card changes when its buttons are pressed',
    async () => {
      try {
        await page.goto(running!.url);
        const box = page.locator('[role="textbox"][data-lexical-editor="true"]');
        await box.waitFor({ timeout: 30_000 });
        await box.click();
        await page.keyboard.type('hjälp');
        await page.keyboard.press('Enter');

        // The help card renders as an Adaptive Card, with Anna's role and her button.
        const help = page.locator('.ac-adaptiveCard', { hasText: 'Vad boten kan göra för dig.' });
        await help.waitFor({ timeout: 30_000 });
        await expect(help.innerText()).resolves.toMatch(/Du är Anna Berg, handläggare/);
        const button = help.getByRole('button', { name: 'Mina ärenden' });
        await expect(button.count()).resolves.toBe(1);

        // Pressing it sends an Action.Execute invoke; the bot's answer replaces the card with her list.
        await button.click();
        const list = page.locator('.ac-adaptiveCard', { hasText: '1 öppet ärende' });
        await list.waitFor({ timeout: 30_000 });
        await expect(list.innerText()).resolves.toContain(CASE_ID);
        await expect(
          page.locator('.ac-adaptiveCard', { hasText: 'Vad boten kan göra för dig.' }).count(),
        ).resolves.toBe(0);

        // Clicking the case in the list replaces the card again, with the case card.
        await list.getByText(CASE_ID).first().click();
        const caseCard = page.locator('.ac-adaptiveCard', { hasText: 'Anmälare' }).filter({ hasText: 'Anna Berg' });
        await caseCard.waitFor({ timeout: 30_000 });
        const text = await caseCard.innerText();
        expect(text).toContain(CASE_ID);
        expect(text).toMatch(/Skola/);
        expect(text).toMatch(/Förhandsbedömning/);
        expect(text).not.toMatch(/B-2026-\d{4}/);
        await expect(page.locator('.ac-adaptiveCard', { hasText: '1 öppet ärende' }).count()).resolves.toBe(0);
      } catch (err) {
        await page.screenshot({ path: join(tmpdir(), 'arendevakt-playground-failure.png') }).catch(() => undefined);
        throw new Error(`${(err as Error).message}\n--- output ---\n${output.slice(-40).join('\n')}`);
      }
    },
    120_000,
  );
});
