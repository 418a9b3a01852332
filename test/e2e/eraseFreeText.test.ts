// `radera fritext <ref> <nr> <skäl>` through the real protocol: a caseworker and a team lead are
// refused with nothing changed; the unit manager erases a motivation that held a (synthetic) name;
// the case, the audit log and the data files no longer hold it; the history shows who erased it,
// when and why (the category), never the text, and still says the chain is verified.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, startTestBot, teams, type TestBot } from '../support/bot.js';
import { databaseForDataFile, tablesHold } from '../support/postgres.js';

const ID = 'IFO-2026-400777';
const NAME = 'Syntetnamn Testbarnsson';
const MOTIVATION = `Ingen akut fara; ${NAME} är hos mormor.`;

let t: TestBot;
let seq: number;
beforeAll(async () => {
  t = await startTestBot({ now: () => new Date('2026-11-24T10:00:00+01:00') });
  const r = await t.registerReport({ externalId: ID, receivedAt: '2026-11-24T08:30:00+01:00' });
  if (!r.ok) throw new Error(r.refusal.message);
  const s = await t.invoke(
    t.who('anna'),
    'decision.skydd.submit',
    { caseId: ID, version: r.case.version, immediateProtection: 'false', motivation: MOTIVATION },
    teams.personal,
  );
  expect(cardText(s.body.value)).toMatch(/Skyddsbedömningen är registrerad/);
  seq = (await t.deps.store.auditFor(ID)).find((e) => e.type === 'SkyddsbedomningRecorded')!.seq;
});
afterAll(async () => {
  await t?.stop();
});

// Where the store keeps it: the data files of the embedded store, or on PostgreSQL
// (TEST_STORE=postgres) the tables of the test's database.
const storedHolds = async (text: string): Promise<boolean> => {
  if (process.env.TEST_STORE === 'postgres') return tablesHold(await databaseForDataFile(t.dataFile), text);
  const dir = dirname(t.dataFile);
  return readdirSync(dir).some((f) => readFileSync(join(dir, f)).includes(Buffer.from(text)));
};

describe('radera fritext', () => {
  it('shows the number to use in the history', async () => {
    const h = await t.sendMessage(t.who('lars'), `historik ${ID}`, teams.personal);
    expect(cardText(h.replies[0].card)).toContain(`Anna Berg · nr ${seq}`);
  });

  it('is refused for a caseworker and a team lead, and nothing changes', async () => {
    for (const who of ['anna', 'karin']) {
      const r = await t.sendMessage(t.who(who), `radera fritext ${ID} ${seq} personuppgift`, teams.personal);
      expect(cardText(r.replies[0].card)).toMatch(/Bara enhetschefen kan radera fritext[\s\S]*Det kan: enhetschef/);
    }
    expect((await t.deps.store.getCase(ID))?.skyddsbedomning).toMatchObject({ motivation: MOTIVATION });
    expect(await storedHolds(NAME)).toBe(true);
  });

  it('asks for the form and refuses a reason in words of one’s own', async () => {
    const lars = t.who('lars');
    const bare = await t.sendMessage(lars, `radera fritext ${ID}`, teams.personal);
    expect(cardText(bare.replies[0].card)).toMatch(/radera fritext «ref» «nr» «skäl»[\s\S]*Skriv aldrig namn/);
    const own = await t.sendMessage(lars, `radera fritext ${ID} ${seq} personuppgift stod namnet`, teams.personal);
    expect(cardText(own.replies[0].card)).toMatch(/Bara skälets kategori[\s\S]*Inget har ändrats/);
    const none = await t.sendMessage(lars, `radera fritext ${ID} 99 personuppgift`, teams.personal);
    expect(cardText(none.replies[0].card)).toMatch(new RegExp(`Ärende ${ID} har ingen händelse nr 99`));
    expect(await storedHolds(NAME)).toBe(true);
  });

  it('erases it for the unit manager: case, audit and files; the history tells who, when and why', async () => {
    const r = await t.sendMessage(t.who('lars'), `radera fritext ${ID} ${seq} personuppgift`, teams.personal);
    const answer = cardText(r.replies[0].card);
    expect(answer).toMatch(/Fritexten är raderad/);
    expect(answer).toContain(`händelse nr ${seq} är ersatt med [raderad]`);
    expect(answer).toMatch(/Skäl: personuppgift som inte hör hemma i texten/);
    expect((await t.deps.store.getCase(ID))?.skyddsbedomning).toMatchObject({ motivation: '[raderad]' });
    const audit = await t.deps.store.auditFor(ID);
    expect(JSON.stringify(audit)).not.toContain(NAME);
    expect(audit.at(-1)).toMatchObject({ type: 'FreeTextErased', actor: t.who('lars').aadObjectId });
    expect(await storedHolds(NAME)).toBe(false);

    const h = await t.sendMessage(t.who('karin'), `historik ${ID}`, teams.personal);
    const text = cardText(h.replies[0].card);
    expect(text).not.toContain(NAME);
    expect(text).toMatch(
      /Fritext raderad av enhetschef Lars Holm tis 24 nov kl\. 10:00: personuppgift som inte hör hemma i texten/,
    );
    expect(text).toContain(`Fritexten i händelse nr ${seq} raderad: personuppgift som inte hör hemma i texten.`);
    expect(text).toMatch(
      /Historiken är kontrollerad: inget har ändrats i efterhand \(3 händelser\)\. Innehåll i 1 post i loggen är gallrat eller raderat enligt regel/,
    );
  });
});
