// Pure builders (the handover's entry states, the checklist rows) look cases up by id as they go; the
// Store port's reads are async (src/store/port.ts), so the cases they may ask for are read first and
// handed over as a plain lookup.
import type { Case } from '../domain/schemas.js';
import type { Store } from '../store/port.js';

/** The cases with these ids as a lookup (undefined for an id that is not stored). */
export async function caseLookup(store: Store, ids: Iterable<string>): Promise<(id: string) => Case | undefined> {
  const byId = new Map<string, Case>();
  for (const id of new Set(ids)) {
    const c = await store.getCase(id);
    if (c) byId.set(id, c);
  }
  return (id) => byId.get(id);
}
