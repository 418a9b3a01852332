// The "Ny anmälan" form (cards/new-report.json) drawn from its view (src/views/newReportForm.ts).
import type { NewReportFormView } from '../views/newReportForm.js';
import { renderCard, type Card } from './render.js';

export const newReportCard = (view: NewReportFormView): Card => renderCard('new-report', view);
