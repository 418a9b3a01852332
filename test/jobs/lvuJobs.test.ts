// LVU in the daily jobs, with plain calls and fixed clocks: the owner is reminded every working
// morning from the first day, the team lead and the unit manager from two working days before the
// 7 § and 8 § dates, and a deadline on a weekend or holiday is never given more time.
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Case } from '../../src/domain/schemas.js';
import { buildEscalation } from '../../src/views/escalation.js';
import { lvuWarnings, teamLeadLvuCards } from '../../src/views/lvuWarnings.js';
import { buildMorningList, DEFAULT_LIST_SETTINGS } from '../../src/views/morningListBuilder.js';
import { buildReminders } from '../../src/views/reminders.js';
import { cardText } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';
import { aCase, ORG, STAFF } from '../domain/fixtures.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
const rules = DEFAULT_RULES;
const at = (iso: string) => new Date(iso);

/** A case with an omedelbart omhändertagande decided (and carried out) on `decidedOn`. */
const lvuCase = (id: string, decidedOn: string, verkstalldOn?: string): Case =>
  aCase({
    id,
    receivedAt: `${decidedOn}T08:00:00+01:00`,
    phase: 'forhandsbedomning',
    assignees: [STAFF.anna.aadObjectId],
    skyddsbedomning: {
      at: `${decidedOn}T09:00:00+01:00`,
      by: STAFF.anna.aadObjectId,
      immediateProtection: true,
      motivation: 'Akut.',
    },
    lvu: {
      decidedOn,
      decidedBy: 'ordforande',
      ground: '2',
      ...(verkstalldOn ? { verkstalldOn } : {}),
      recordedAt: `${decidedOn}T12:00:00+01:00`,
      recordedBy: STAFF.anna.aadObjectId,
      reviews: [],
      restrictions: [],
    },
  });

const remindersOn = (cases: Case[], iso: string) =>
  buildReminders({ cases, staff: ORG.staff, absences: [], now: at(iso), calendar, rules });

describe('the owner', () => {
  it('is reminded of the underställning every working morning from the first, not only in the lead time', () => {
    const c = lvuCase('IFO-2026-000201', '2026-01-09'); // due Fri 2026-01-16
    for (const day of ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16']) {
      const [anna] = remindersOn([c], `${day}T07:45:00+01:00`);
      expect(anna?.summary?.items.map((i) => i.text).join('\n'), day).toContain(
        'LVU: underställning till förvaltningsrätten',
      );
    }
    // A förhandsbedömning ten working days away is not in the summary on the same morning.
    const far = aCase({
      id: 'IFO-2026-000202',
      receivedAt: '2026-01-12T08:00:00+01:00',
      phase: 'forhandsbedomning',
      assignees: [STAFF.anna.aadObjectId],
      skyddsbedomning: {
        at: '2026-01-12T09:00:00+01:00',
        by: STAFF.anna.aadObjectId,
        immediateProtection: false,
        motivation: 'Ok.',
      },
    });
    const [anna] = remindersOn([c, far], '2026-01-12T07:45:00+01:00');
    expect(anna.summary!.items.map((i) => i.caseId)).not.toContain('IFO-2026-000202');
    expect(validateCard(renderCard('reminder', anna.summary!))).toEqual([]);
  });

  it('is told that a weekend gives no extra time, with the last working day', () => {
    const c = lvuCase('IFO-2026-000203', '2026-01-10'); // Saturday: due Sat 2026-01-17
    const [anna] = remindersOn([c], '2026-01-14T07:45:00+01:00');
    expect(cardText(renderCard('reminder', anna.summary!))).toContain(
      'LVU: underställning till förvaltningsrätten lör 17 jan (om 2 arbetsdagar) · helg ger ingen extra tid: senast fre 16 jan',
    );
  });

  it('hears nothing of the court’s own time (34 §)', () => {
    const c: Case = { ...lvuCase('IFO-2026-000204', '2026-01-09', '2026-01-09') };
    c.lvu = {
      ...c.lvu!,
      understalld: { on: '2026-01-12', at: '2026-01-12T10:00:00+01:00', by: STAFF.anna.aadObjectId },
      ansokan: { on: '2026-01-20', at: '2026-01-20T10:00:00+01:00', by: STAFF.anna.aadObjectId },
    };
    const [anna] = remindersOn([c], '2026-02-02T07:45:00+01:00');
    expect(anna?.summary?.items.map((i) => i.text).join('\n') ?? '').not.toContain('rättens beslut');
  });
});

describe('the team lead and the unit manager', () => {
  const c = lvuCase('IFO-2026-000205', '2026-01-09', '2026-01-09'); // 7 §: Fri 16 jan; 8 §: Fri 6 feb

  it('are told from two working days before the 7 § date, not three', () => {
    expect(lvuWarnings([c], at('2026-01-13T07:45:00+01:00'), calendar, rules)).toEqual([]);
    const wed = lvuWarnings([c], at('2026-01-14T07:45:00+01:00'), calendar, rules);
    expect(wed.map((w) => w.deadline.kind)).toEqual(['lvu_understallning']);
    const cards = teamLeadLvuCards(wed, ORG.staff, at('2026-01-14T07:45:00+01:00'));
    expect(cards.map((x) => x.staffId)).toEqual([STAFF.karin.aadObjectId]); // the lead of barn-mottagning only
    const card = renderCard('reminder', cards[0].data);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain(
      'IFO-2026-000205** · LVU: underställning till förvaltningsrätten fre 16 jan · annars upphör omhändertagandet · Anna Berg',
    );
    const esc = buildEscalation({
      groups: ORG.groups,
      cases: [c],
      staff: ORG.staff,
      now: at('2026-01-14T07:45:00+01:00'),
      calendar,
      rules,
    });
    expect(esc?.summary).toBe('1 LVU-frist inom två arbetsdagar.');
    expect(esc?.sections[0]).toMatchObject({
      key: 'lvu',
      title: 'LVU: underställning och ansökan inom två arbetsdagar',
    });
  });

  it('for a deadline on a holiday, are told two working days before it, earlier than the calendar suggests', () => {
    const xmas = lvuCase('IFO-2026-000206', '2026-12-18'); // due Fri 2026-12-25, juldagen
    expect(lvuWarnings([xmas], at('2026-12-18T07:45:00+01:00'), calendar, rules)).toEqual([]);
    const [w] = lvuWarnings([xmas], at('2026-12-21T07:45:00+01:00'), calendar, rules); // Mon: Tue 22, Wed 23 left
    expect(w).toMatchObject({ actBy: '2026-12-23' });
    const [line] = teamLeadLvuCards([w], ORG.staff, at('2026-12-21T07:45:00+01:00')).map((x) =>
      cardText(renderCard('reminder', x.data)),
    );
    expect(line).toContain('fre 25 dec (helg ger ingen extra tid: senast ons 23 dec)');
  });

  it('are told about the 8 § application from two working days before its date', () => {
    const u: Case = {
      ...c,
      lvu: {
        ...c.lvu!,
        understalld: { on: '2026-01-12', at: '2026-01-12T10:00:00+01:00', by: STAFF.anna.aadObjectId },
      },
    };
    expect(lvuWarnings([u], at('2026-02-03T07:45:00+01:00'), calendar, rules)).toEqual([]);
    expect(lvuWarnings([u], at('2026-02-04T07:45:00+01:00'), calendar, rules).map((w) => w.deadline.kind)).toEqual([
      'lvu_ansokan',
    ]);
  });
});

describe('the morning list', () => {
  it('has the LVU deadlines first from the first day, and not twice among the soon-due', () => {
    const c = lvuCase('IFO-2026-000207', '2026-01-09', '2026-01-09');
    const view = buildMorningList({
      group: ORG.groups[0],
      cases: [c],
      staff: ORG.staff,
      absences: [],
      handovers: [],
      now: at('2026-01-14T07:45:00+01:00'),
      calendar,
      rules,
      settings: DEFAULT_LIST_SETTINGS,
    });
    expect(view.sections[0].key).toBe('lvu');
    // One row for the case (each case once), the earliest deadline first and the other on the same row.
    expect(view.sections[0].items.map((i) => [i.text, i.detail])).toEqual([
      [
        '**IFO-2026-000207** · LVU: underställning till förvaltningsrätten fre 16 jan · annars upphör omhändertagandet',
        'Brister i omsorgen · Anna Berg · även LVU-frist fre 6 feb',
      ],
    ]);
    const soon = view.sections.find((s) => s.key === 'dueSoon')?.items ?? [];
    expect(soon.filter((i) => i.text.includes('LVU'))).toEqual([]);
    expect(view.summary).toMatch(/^2 LVU-frister/);
  });
});
