// Every card action (Action.Execute verb). A new action: a file in this folder and a line here.
import type { CardAction } from '../types.js';
import { assign, refresh, show, take } from './case.js';
import { myCases } from './lists.js';

export const ACTIONS: CardAction[] = [take, assign, refresh, show, myCases];
