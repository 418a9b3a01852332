// Find a button on a card by its verb (and the case it is about), as a person would press it.
export interface FoundAction {
  verb: string;
  title: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute (also in selectActions and Action.ShowCard) with its verb, title and data. */
export function cardActions(card: unknown): FoundAction[] {
  const out: FoundAction[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string')
        out.push({ verb: o.verb, title: String(o.title ?? ''), data: (o.data ?? {}) as Record<string, unknown> });
      for (const [k, x] of Object.entries(o)) if (k !== 'refresh') walk(x);
    }
  };
  walk(card);
  return out;
}

/** The button with this verb about this case (the first one; a row's selectAction and its Öppna are the same). */
export function actionFor(card: unknown, verb: string, caseId?: string): FoundAction | undefined {
  return cardActions(card).find((a) => a.verb === verb && (caseId === undefined || a.data.caseId === caseId));
}
