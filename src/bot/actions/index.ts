// Every card action (Action.Execute verb). A new action: a file in this folder and a line here.
import type { CardAction } from '../types.js';
import { HANDOVER_ACTIONS } from './handover.js';
import { actions, assign, refresh, show, take } from './case.js';
import { myCases } from './lists.js';
import { reportCreate, reportForm } from './newReport.js';
import { distributionAssign, distributionRefresh } from './distribution.js';
import { morningPage } from './morningList.js';
import { listAssign, listTake } from './listRows.js';
import { snoozeAction } from './reminders.js';
import { DECISION_ACTIONS } from './decisions.js';
import { deliveriesShow, deliveryRetry } from './deliveries.js';
import { FAMILY_ACTIONS } from './family.js';

export const ACTIONS: CardAction[] = [
  take,
  assign,
  refresh,
  actions,
  show,
  myCases,
  reportForm,
  reportCreate,
  distributionAssign,
  distributionRefresh,
  morningPage,
  listTake,
  listAssign,
  snoozeAction,
  ...HANDOVER_ACTIONS,
  ...DECISION_ACTIONS,
  deliveriesShow,
  deliveryRetry,
  ...FAMILY_ACTIONS,
];
