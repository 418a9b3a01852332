// Validate a card the way a client would: parse it with the Adaptive Cards SDK (1.5), collect its
// validation events, and add what the SDK does not check: every Action.Execute has a verb, the
// version is at most 1.5, ids are unique, and the card stays under 40 KB.
import { createRequire } from 'node:module';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/render.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AC: any = require('adaptivecards/dist/adaptivecards.js');

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function validateCard(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as Record<string, unknown>;
  if (json.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  const version = String(json.version ?? '');
  if (!/^1\.[0-5]$/.test(version)) problems.push(`version ${version} is not 1.0–1.5`);
  const ctx = new AC.SerializationContext(new AC.Version(1, 5));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, ctx);
  // Teams' chart elements (Chart.Line, Chart.VerticalBar, ...) are unknown to the SDK: allowed when they
  // carry a fallback, which is what a client without charts shows (checked below).
  const chartFallback = /^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/;
  for (const e of ctx.eventCount ? Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i)) : []) {
    if (!chartFallback.test(e.message)) problems.push(`parse: ${e.message}`);
  }
  const results = parsed.validateProperties();
  for (const e of results.validationEvents) problems.push(`validate: ${e.message}`);
  const ids = new Set<string>();
  walk(json, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Chart.') && (!n.fallback || typeof n.fallback !== 'object'))
      problems.push(`${n.type} without a fallback element`);
    if (n.type === 'Action.Execute' && (typeof n.verb !== 'string' || n.verb.length === 0))
      problems.push('Action.Execute without verb');
    if (typeof n.type === 'string' && typeof n.id === 'string') {
      if (ids.has(n.id)) problems.push(`duplicate id ${n.id}`);
      ids.add(n.id);
    }
    for (const [k, v] of Object.entries(n))
      if (typeof v === 'string' && v.includes('${')) problems.push(`unbound template expression in ${k}: ${v}`);
  });
  const size = cardSize(json);
  if (size >= MAX_CARD_BYTES) problems.push(`card is ${size} bytes, over ${MAX_CARD_BYTES}`);
  return problems;
}
