import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { renderCard } from '../../src/cards/render.js';
import { buildReminders } from '../../src/views/reminders.js';
import { buildEscalation } from '../../src/views/escalation.js';
import { escalationCardData } from '../../src/cards/escalationCard.js';
import { cardText } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';
import { ORG, STAFF } from '../domain/fixtures.js';
import { forhandsCase, sick, utredningCase, waitingCase } from './listFixtures.js';

const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
const at = (iso: string) => new Date(iso);

describe('personal reminders', () => {
  // Anna's förhandsbedömning (received Saturday 14 November) is due Saturday 28 November.
  const cases = [forhandsCase('IFO-2026-000101', '2026-11-14', STAFF.anna.aadObjectId)];

  it('warn on the last working day before a deadline that falls on a Saturday, with the statutory date', () => {
    const [anna] = buildReminders({
      cases,
      staff: ORG.staff,
      absences: [],
      now: at('2026-11-27T07:45:00+01:00'),
      calendar,
      rules: DEFAULT_RULES,
    });
    expect(anna.staffId).toBe(STAFF.anna.aadObjectId);
    const card = renderCard('reminder', anna.tomorrow!);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(
      /Påminnelse: en frist nästa arbetsdag[\s\S]*Nästa arbetsdag är mån 30 nov[\s\S]*IFO-2026-000101\*\* · Förhandsbedömning lör 28 nov/,
    );
    expect(validateCard(renderCard('reminder', anna.summary!))).toEqual([]);
  });

  it('give a summary within the lead time but no next-day reminder two working days before', () => {
    const [anna] = buildReminders({
      cases,
      staff: ORG.staff,
      absences: [],
      now: at('2026-11-26T07:45:00+01:00'),
      calendar,
      rules: DEFAULT_RULES,
    });
    expect(anna.tomorrow).toBeUndefined();
    expect(cardText(renderCard('reminder', anna.summary!))).toMatch(
      /God morgon Anna: dina frister\n1 frist att hålla koll på\./,
    );
  });

  it('say nothing on a day with nothing within the lead times, and nothing to someone who is away', () => {
    expect(
      buildReminders({
        cases,
        staff: ORG.staff,
        absences: [],
        now: at('2026-11-20T07:45:00+01:00'),
        calendar,
        rules: DEFAULT_RULES,
      }),
    ).toEqual([]);
    expect(
      buildReminders({
        cases,
        staff: ORG.staff,
        absences: [sick(STAFF.anna.aadObjectId, '2026-11-25')],
        now: at('2026-11-27T07:45:00+01:00'),
        calendar,
        rules: DEFAULT_RULES,
      }),
    ).toEqual([]);
  });
});

describe('the escalation to the unit manager', () => {
  it('is one summary of cases unassigned more than 1 working day and overdue deadlines, over all groups', () => {
    const now = at('2026-11-24T07:45:00+01:00'); // Tuesday
    const view = buildEscalation({
      groups: ORG.groups,
      staff: ORG.staff,
      now,
      calendar,
      rules: DEFAULT_RULES,
      cases: [
        waitingCase('IFO-2026-000201', '2026-11-20'), // Friday: 2 working days
        waitingCase('IFO-2026-000202', '2026-11-23'), // Monday: 1 working day, not yet
        utredningCase('IFO-2026-000203', '2026-07-01', '2026-11-02', STAFF.cilla.aadObjectId), // investigation overdue
      ],
    })!;
    const text = cardText(renderCard('escalation', escalationCardData(view)));
    expect(text).toMatch(/^Eskalering tis 24 nov\n1 ärende ofördelat mer än 1 arbetsdag och 1 försenad tidsfrist\./);
    expect(text).toContain('Mottagning barn och unga: ofördelade mer än 1 arbetsdag (1)');
    expect(text).toContain('IFO-2026-000201');
    expect(text).not.toContain('IFO-2026-000202');
    expect(text).toMatch(
      /Utredning barn 1: försenade tidsfrister \(1\)\nÖppna IFO-2026-000203\n\*\*IFO-2026-000203\*\* · Utredning skulle vara klar mån 2 nov/,
    );
    expect(
      buildEscalation({
        groups: ORG.groups,
        staff: ORG.staff,
        now,
        calendar,
        rules: DEFAULT_RULES,
        cases: [waitingCase('IFO-2026-000202', '2026-11-23')],
      }),
    ).toBeUndefined();
  });
});
