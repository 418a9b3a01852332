// The in-memory copy both stores answer reads from: every case with its indexes (open cases, by
// child, by family) and every document by collection. The embedded store fills it from its snapshot
// and journal; the PostgreSQL store from the database, caught up at each unit of work.
import type { Case } from '../domain/schemas.js';
import type { Collection } from './port.js';

export type Doc = Record<string, unknown> & { version?: number };

export abstract class MemoryCopy {
  protected readonly cases = new Map<string, Case>();
  protected readonly open = new Set<string>();
  protected readonly byChild = new Map<string, Set<string>>();
  protected readonly byFamily = new Map<string, Set<string>>();
  protected readonly docs = new Map<string, Map<string, Doc>>();
  /**
   * The open cases as one frozen array, in the order of `open`: a commit hands out a new array
   * (the old one copied, the case replaced or appended), so what a caller derived from an array
   * holds for that array (docs/architecture.md, "Derived values").
   */
  private openList: readonly Case[] | null = null;
  private openAt = new Map<string, number>();

  // Reads are async because the port is (./port.ts): a store across a network implements the same
  // signatures. This copy answers at once; the promise costs one microtask.
  async getCase(id: string): Promise<Case | undefined> {
    return this.cases.get(id);
  }

  async allCases(): Promise<readonly Case[]> {
    return [...this.cases.values()];
  }

  async openCases(): Promise<readonly Case[]> {
    if (!this.openList) {
      const list = [...this.open].map((id) => this.cases.get(id)!);
      this.openAt = new Map(list.map((c, i) => [c.id, i]));
      this.openList = Object.freeze(list);
    }
    return this.openList;
  }

  /** The open-case array after `c` was stored: copied with it in place, or made again when one closed. */
  private openListWith(c: Case): void {
    if (!this.openList) return;
    const at = this.openAt.get(c.id);
    if (c.phase === 'closed') {
      if (at !== undefined) this.openList = null;
      return;
    }
    const next = this.openList.slice();
    if (at === undefined) this.openAt.set(c.id, next.push(c) - 1);
    else next[at] = c;
    this.openList = Object.freeze(next);
  }

  async casesByChild(childRef: string): Promise<Case[]> {
    return [...(this.byChild.get(childRef) ?? [])].map((id) => this.cases.get(id)!);
  }

  async casesByFamily(familyRef: string): Promise<Case[]> {
    return [...(this.byFamily.get(familyRef) ?? [])].map((id) => this.cases.get(id)!);
  }

  async getDoc<T = unknown>(collection: Collection<T>, id: string): Promise<T | undefined> {
    return this.docs.get(collection)?.get(id) as T | undefined;
  }

  async listDocs<T = unknown>(collection: Collection<T>): Promise<T[]> {
    return [...(this.docs.get(collection)?.values() ?? [])] as T[];
  }

  async docIds(collection: string): Promise<string[]> {
    return [...(this.docs.get(collection)?.keys() ?? [])];
  }

  async collections(): Promise<string[]> {
    return [...this.docs].filter(([, byId]) => byId.size > 0).map(([c]) => c);
  }

  /** The case as stored now, its indexes moved with it (a changed childRef or familyRef). */
  protected indexCase(c: Case): void {
    const previous = this.cases.get(c.id);
    if (previous && previous.childRef !== c.childRef) this.byChild.get(previous.childRef)?.delete(c.id);
    if (previous?.familyRef && previous.familyRef !== c.familyRef) this.byFamily.get(previous.familyRef)?.delete(c.id);
    this.cases.set(c.id, c);
    if (c.phase === 'closed') this.open.delete(c.id);
    else this.open.add(c.id);
    this.openListWith(c);
    const set = this.byChild.get(c.childRef) ?? new Set<string>();
    set.add(c.id);
    this.byChild.set(c.childRef, set);
    if (c.familyRef) {
      const family = this.byFamily.get(c.familyRef) ?? new Set<string>();
      family.add(c.id);
      this.byFamily.set(c.familyRef, family);
    }
  }

  /** A case removed (gallring), with its place in the indexes. */
  protected dropCase(id: string): void {
    const previous = this.cases.get(id);
    if (!previous) return;
    this.openList = null;
    this.cases.delete(id);
    this.open.delete(id);
    this.byChild.get(previous.childRef)?.delete(id);
    if (this.byChild.get(previous.childRef)?.size === 0) this.byChild.delete(previous.childRef);
    if (previous.familyRef) {
      this.byFamily.get(previous.familyRef)?.delete(id);
      if (this.byFamily.get(previous.familyRef)?.size === 0) this.byFamily.delete(previous.familyRef);
    }
  }

  /** A document written (null: deleted). */
  protected setDoc(collection: string, id: string, value: Doc | null): void {
    const coll = this.docs.get(collection) ?? new Map<string, Doc>();
    if (value === null) coll.delete(id);
    else coll.set(id, value);
    this.docs.set(collection, coll);
  }

  /** Everything forgotten, before a full load. */
  protected clearCopy(): void {
    this.openList = null;
    this.cases.clear();
    this.open.clear();
    this.byChild.clear();
    this.byFamily.clear();
    this.docs.clear();
  }
}
