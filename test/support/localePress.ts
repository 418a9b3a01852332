// An Action.Execute press in a personal chat from a Teams client in `locale` (or none): the card the
// bot answers with, checked against the Adaptive Cards schema, as its text. Shared by the e2e tests
// of the reader's language (test/e2e/*Locale.test.ts).
import { expect } from 'vitest';
import type { Staff } from '../../src/domain/schemas.js';
import { cardText, type TestBot } from './bot.js';
import { invoke, personal } from './teams.js';
import { validateCard } from './validateCard.js';

export async function pressInLocale(
  t: TestBot,
  from: Staff,
  verb: string,
  data: Record<string, unknown>,
  locale?: string,
): Promise<string> {
  const r = await t.post({ ...invoke(t.connector.url, from, verb, data, personal), ...(locale ? { locale } : {}) });
  expect(r.status).toBe(200);
  const card = (r.body as { value: Record<string, unknown> }).value;
  expect(validateCard(card)).toEqual([]);
  return cardText(card);
}
