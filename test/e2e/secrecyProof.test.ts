// The proof that secrecy holds: every written form of a personnummer or samordningsnummer (each form
// with its own generated number) pushed through every entrance of the running bot: the intake API,
// the import, the "ny anmälan" form, every decision-form field, the handover status, every chat
// command and the card references. Then the data files, the process's own log output, every
// activity the Bot Connector stand-in received and every HTTP answer are searched for the digits
// with any separators. One hit fails the test; the table of tries and hits is printed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.js';
import { EXAMPLE_ORG, person } from '../support/bot.js';
import * as teams from '../support/teams.js';
import {
  API_KEY,
  digitsPattern,
  filesText,
  FORMS,
  numberOf,
  ROOT,
  searchable,
  startBotProcess,
  type BotProcess,
} from './secrecyProof.support.js';

const karin = person(EXAMPLE_ORG, 'karin');
const bo = person(EXAMPLE_ORG, 'bo');
const CHANNEL = '19:proof@thread.tacv2';
const where = teams.channel(CHANNEL);

let bot: BotProcess;
/** Every HTTP answer the bot gave, in order. */
const answers: string[] = [];
/** entrance → form index → hits */
let tries = 0;

/** Every request body sent, to prove that the search finds every form where it certainly is. */
const sent: string[] = [];

async function http(path: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  sent.push(decodeURIComponent(path));
  if (typeof init.body === 'string') sent.push(init.body);
  const res = await fetch(`${bot.url}${path}`, init);
  const text = await res.text();
  answers.push(text);
  return { status: res.status, text };
}
/** The intake API; a 429 (its rate limit) is waited out and tried again, so every try is a real one. */
async function api(path: string, body?: unknown): Promise<{ status: number; text: string }> {
  for (;;) {
    const r = await http(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status !== 429) return r;
    await new Promise((res) => setTimeout(res, 1_000));
  }
}
const activity = (a: object) =>
  http('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
const say = (text: string, mentions: (typeof bo)[] = []) =>
  activity(teams.message(bot.connector.url, karin, text, where, { mentions }));
const press = (verb: string, data: Record<string, unknown>) =>
  activity(teams.invoke(bot.connector.url, karin, verb, data, where));

/** Wait until nothing more arrives at the connector or in the log for a moment (the outbox drains). */
async function quiet(): Promise<void> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const now = `${bot.connector.calls.length}:${bot.logs().length}`;
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 120));
  }
}

const receivedAt = () => new Date(Date.now() - 3_600_000).toISOString();
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
/** An hour ago on the Stockholm clock, as the form's date and time: never in the future, whatever the hour the suite runs. */
const anHourAgo = () => {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(Date.now() - 3_600_000));
  const [date, time] = parts.split(' ');
  return { date, time };
};
let seq = 0;
const report = (over: Record<string, unknown> = {}) => ({
  externalId: `PRF-${String(++seq).padStart(4, '0')}`,
  receivedAt: receivedAt(),
  groupId: 'barn-mottagning',
  childRef: `B-PRF-${seq}`,
  reporter: { type: 'school', professional: true },
  concerns: ['neglect'],
  summary: 'Skolan oroar sig.',
  ...over,
});
/** The "ny anmälan" form as it is submitted. */
const form = (over: Record<string, unknown>) => ({
  externalId: `FRM-${++seq}`,
  receivedDate: anHourAgo().date,
  receivedTime: anHourAgo().time,
  groupId: 'barn-mottagning',
  childRef: `B-FRM-${seq}`,
  reporterType: 'school',
  professional: 'ja',
  concerns: 'neglect',
  summary: 'Oro.',
  ...over,
});

/** The version on the case card an invoke answered with. */
const versionIn = (answer: string) => Number(/"version":(\d+)[,}]/.exec(answer)?.[1] ?? NaN);

/** A case in the phase a form needs: 'skydd' (new), 'forhand' (skydd done), 'utredning' (opened). */
async function caseIn(phase: 'skydd' | 'forhand' | 'utredning'): Promise<{ caseId: string; version: number }> {
  const caseId = `PRF-${String(++seq).padStart(4, '0')}`;
  // In VINR, whose channel is not linked: the cases' own cards do not crowd the proof channel.
  let answer = (await press('report.create', form({ externalId: caseId, groupId: 'vinr' }))).text;
  if (phase !== 'skydd')
    answer = (
      await press('decision.skydd.submit', {
        caseId,
        version: versionIn(answer),
        immediateProtection: 'false',
        motivation: 'Ingen akut fara.',
      })
    ).text;
  if (phase !== 'skydd') expect(answer).toContain('Skyddsbedömningen är registrerad');
  if (phase === 'utredning')
    answer = (
      await press('decision.forhand.submit', {
        caseId,
        version: versionIn(answer),
        outcome: 'open',
        motivation: 'Behov av utredning.',
      })
    ).text;
  if (phase === 'utredning') expect(answer).toContain('Utredning inledd');
  return { caseId, version: versionIn(answer) };
}

const entrances: string[] = [];

/** Run one entrance with every form (each try with its own number). */
async function entrance(name: string, run: (text: string) => Promise<unknown>): Promise<void> {
  const e = entrances.push(name) - 1;
  for (let f = 0; f < FORMS.length; f++) {
    tries++;
    await run(FORMS[f].write(numberOf(e, f), '19'));
  }
}

/** After every try: search the data files, the logs, the connector's activities and the answers. */
function search(): Map<string, number[]> {
  const out = searchable(
    [
      bot.logs(),
      JSON.stringify(bot.connector.calls.map((c) => c.body)),
      answers.join('\n'),
      filesText(bot.dataDir),
    ].join('\n'),
  );
  const found = new Map<string, number[]>();
  entrances.forEach((name, e) => {
    found.set(
      name,
      FORMS.map((_, f) => f).filter((f) => digitsPattern(numberOf(e, f)).test(out)),
    );
  });
  return found;
}

beforeAll(async () => {
  bot = await startBotProcess();
  await activity(teams.botAddedToTeam(bot.connector.url, karin));
  await say('koppla barn-mottagning');
}, 60_000);

afterAll(async () => {
  await bot?.stop();
});

describe('every written form of a personnummer through every entrance', () => {
  it('leaves no trace in the data files, the logs, the activities sent to Teams or any HTTP answer', async () => {
    // The intake API: each field that takes text or a reference.
    for (const field of ['summary', 'externalId', 'childRef'])
      await entrance(`API: ${field}`, (text) => api('/api/reports', report({ [field]: text })));

    // The import, one row at a time, into its own database (the bot holds the other one).
    const dir = mkdtempSync(join(tmpdir(), 'arendevakt-proof-import-'));
    const env = {
      ...process.env,
      DATA_FILE: join(dir, 'db.json'),
      ORG_FILE: join(ROOT, 'data/organisation.example.json'),
    };
    const header = 'ärendereferens;mottagen;grupp;barnreferens;anmälare;oro;sammanfattning';
    for (const [col, field] of [
      [6, 'sammanfattning'],
      [0, 'ärendereferens'],
      [3, 'barnreferens'],
    ] as const) {
      await entrance(`import: ${field}`, async (text) => {
        const row = [`IMP-${++seq}`, '2026-11-20 09:15', 'barn-mottagning', `B-IMP-${seq}`, 'skola', 'våld', 'Oro.'];
        row[col] = text;
        const file = join(dir, `rows-${seq}.csv`);
        writeFileSync(file, `${header}\n${row.join(';')}\n`);
        const r = await runImport([file], env);
        answers.push(r.output);
        rmSync(file);
      });
    }
    answers.push(filesText(dir));
    rmSync(dir, { recursive: true, force: true });

    // "ny anmälan": each field, and a form refused for another reason (a bad date) with a number in it.
    for (const field of ['summary', 'externalId', 'childRef'])
      await entrance(`ny anmälan: ${field}`, (text) => press('report.create', form({ [field]: text })));
    await entrance('ny anmälan: summary med fel datum', (text) =>
      press('report.create', form({ summary: text, receivedDate: '2026-13-45' })),
    );

    // Every decision-form field, on a case in the phase the form needs.
    const decisions: [string, 'skydd' | 'forhand' | 'utredning', (t: string) => Record<string, unknown>][] = [
      ['skydd', 'skydd', (t) => ({ immediateProtection: 'false', motivation: t })],
      ['forhand', 'forhand', (t) => ({ outcome: 'not_open', motivation: t })],
      ['forhand', 'forhand', (t) => ({ outcome: 'open', motivation: 'Utredning.', synnerligaSkal: t })],
      ['extend', 'utredning', (t) => ({ newDeadline: '2099-01-01', reason: t })],
      ['contact', 'utredning', (t) => ({ kind: 'hembesok', date: today(), note: t })],
      ['contact', 'utredning', (t) => ({ kind: 'barnsamtal', date: today(), childRef: t })],
      ['contact', 'utredning', (t) => ({ kind: 'hembesok', date: '2026-02-30', note: t })],
      ['barnsamtal', 'utredning', (t) => ({ reason: t })],
      ['close', 'utredning', (t) => ({ outcome: 'insats', motivation: t })],
    ];
    for (const [kind, phase, fields] of decisions) {
      const field = Object.keys(fields('x')).at(-1);
      const label = `beslut ${kind}: ${field}${fields('x').date === '2026-02-30' ? ' med fel datum' : ''}`;
      await entrance(label, async (text) => {
        const c = await caseIn(phase);
        await press(`decision.${kind}.submit`, { ...c, ...fields(text) });
      });
    }

    // The handover status: Bo gets a case, is absent, and each status is written on his checklist.
    const caseId = `PRF-${++seq}`;
    const created = (await press('report.create', form({ externalId: caseId }))).text;
    await press('case.assign', { caseId, version: versionIn(created), assignee: bo.aadObjectId });
    await say(`frånvaro @${bo.name}`, [bo]);
    const handoverIdIn = () =>
      JSON.stringify(bot.connector.calls.map((x) => x.body)).match(/"handoverId":"([^"]+)"/)?.[1];
    await bot.connector.waitFor(() => !!handoverIdIn(), 60_000);
    const handoverId = handoverIdIn();
    await entrance('överlämning: status', (text) =>
      press('handover.status', { handoverId, caseId, i: '0', status0: text }),
    );

    // Every chat command with the number as its argument (in the channel, the worst place).
    for (const cmd of ['ärende', 'historik', 'koppla', 'fördelning', 'hjälp', 'mina'])
      await entrance(`chatt: ${cmd} <nr>`, (text) => say(`${cmd} ${text}`));
    await entrance('chatt: frånvaro @person <nr>', (text) => say(`frånvaro @${bo.name} till ${text}`, [bo]));
    await entrance('chatt: åter @person <nr>', (text) => say(`åter @${bo.name} ${text}`, [bo]));
    await entrance('chatt: bara numret', (text) => say(text));

    // Bodies that cannot be parsed: the JSON parser's message quotes the text around the error.
    await entrance('HTTP: trasig JSON till /api/messages', (text) =>
      http('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `x${text}`,
      }),
    );
    await entrance('HTTP: trasig JSON till /api/reports', (text) =>
      api('/api/reports', undefined).then(() =>
        http('/api/reports', {
          method: 'POST',
          headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
          body: `x${text}`,
        }),
      ),
    );

    await entrance('HTTP: referens i adressen', (text) =>
      http(`/api/cases/${encodeURIComponent(text)}/x`, { headers: { authorization: `Bearer ${API_KEY}` } }).then(() =>
        api(`/api/cases/${encodeURIComponent(text)}`),
      ),
    );

    // A card's own references, made up.
    await entrance('kort: case.take caseId', (text) => press('case.take', { caseId: text, version: 0 }));
    await entrance('kort: handover.status caseId', (text) =>
      press('handover.status', { handoverId, caseId: text, status: 'Ok.' }),
    );

    // Let the outbox send what it queued (cards and their updates), then search everything.
    let last = '';
    for (let i = 0; i < 60; i++) {
      await quiet();
      const now = `${bot.connector.calls.length}:${bot.logs().length}`;
      if (now === last) break;
      last = now;
    }
    // The search itself works: every try's number is found in what was sent.
    const inputs = searchable(sent.join('\n'));
    const unseen = entrances.flatMap((name, e) =>
      FORMS.flatMap((form, f) =>
        digitsPattern(numberOf(e, f)).test(inputs) || name.startsWith('import') ? [] : [`${name} ${form.name}`],
      ),
    );
    expect(unseen).toEqual([]);
    const rows = [...search()].map(([name, found]) => ({
      entrance: name,
      tries: FORMS.length,
      hits: found.length,
      forms: found.map((f) => FORMS[f].name).join(', '),
    }));
    const total = rows.reduce((n, r) => n + r.hits, 0);
    console.log(
      `secrecy proof: ${FORMS.length} forms × ${entrances.length} entrances = ${tries} tries, ${total} hits\n` +
        rows.map((r) => `  ${r.entrance}: ${r.hits}/${r.tries}${r.hits ? ` (${r.forms})` : ''}`).join('\n'),
    );
    expect(rows.filter((r) => r.hits > 0)).toEqual([]);
  }, 300_000);
});
