// The "Ny anmälan" form's buttons: open the form (from a group's cards) and register the report.
import { newReportCard } from '../../cards/newReportForm.js';
import { caseCardFor } from '../../outbox/caseCards.js';
import { newReportForm, submitReportForm } from '../../app/reportForm.js';
import { answerViewer, type CardAction } from '../types.js';
import { notInOrganisation } from './case.js';

/** Open the form, e.g. from a button on a group's list card: data { groupId? }. */
export const reportForm: CardAction = {
  verb: 'report.form',
  handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const groupId = typeof data.groupId === 'string' ? data.groupId : turn.channelGroups[0];
    return newReportCard(newReportForm(turn.deps, turn.actor, groupId ? { groupId } : {}, turn.lang));
  },
};

/** Register: the case card with a confirmation, or the form again with the problems by field. */
export const reportCreate: CardAction = {
  verb: 'report.create',
  async handle(turn, data) {
    if (!turn.actor) return notInOrganisation(turn.lang);
    const r = await submitReportForm(turn.deps, turn.actor, data, turn.lang);
    if (!r.ok) return newReportCard(r.form);
    const viewer = answerViewer(turn);
    return await caseCardFor(turn.deps, r.case, {
      lang: turn.lang,
      viewer,
      notice: { text: r.message, tone: r.status === 201 ? 'good' : 'attention' },
    });
  },
};
