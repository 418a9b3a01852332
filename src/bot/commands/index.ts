// Every chat command, in the order they are tried. A new command: a file in this folder and a line here.
import type { ChatCommand } from '../types.js';
import { absence, back, showHandover } from './absence.js';
import { connect, help, mine, overdueList, unassignedList } from './basic.js';
import { newReport } from './newReport.js';
import { distribution } from './distribution.js';
import { history, showCase } from './case.js';
import { deliveries } from './deliveries.js';
import { stats } from './stats.js';
import { eraseText } from './erase.js';

export const COMMANDS: ChatCommand[] = [
  help,
  connect,
  mine,
  unassignedList,
  overdueList,
  newReport,
  distribution,
  absence,
  back,
  showHandover,
  showCase,
  history,
  eraseText,
  deliveries,
  stats,
];
