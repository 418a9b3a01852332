// Feature routes beside /api/messages, registered by main.ts. A new API: a module and a line here.
import type restify from 'restify';
import type { AppDeps } from '../app/context.js';
import { registerIntakeRoutes } from './intake.js';
import { registerStatsRoutes } from './stats.js';
import { registerTimelineRoutes } from './timeline.js';

export const ROUTES: ((server: restify.Server, deps: AppDeps) => void)[] = [
  (server, deps) => registerIntakeRoutes(server, deps),
  (server, deps) => registerTimelineRoutes(server, deps),
  (server, deps) => registerStatsRoutes(server, deps),
];
