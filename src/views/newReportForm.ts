// The "Ny anmälan" form as a view (cards/new-report.json): what src/app/reportForm.ts fills in (the
// person's groups, what was entered, the issues beside the fields) and the bot draws. Data only.
import type { Lang } from '../cards/text/index.js';

export const FORM_FIELDS = [
  'externalId',
  'receivedDate',
  'receivedTime',
  'groupId',
  'childRef',
  'familyRef',
  'reporterType',
  'professional',
  'concerns',
  'summary',
] as const;
export type FormValues = Record<(typeof FORM_FIELDS)[number], string>;

export interface NewReportFormView {
  lang: Lang;
  summaryEnabled: boolean;
  summaryMax: number;
  values: FormValues;
  issues: Record<string, string>;
  error: string;
  groups: { id: string; name: string }[];
  reporterTypes: { value: string; title: string }[];
  concernChoices: { value: string; title: string }[];
}
