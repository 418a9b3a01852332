// Checking the embedded store's audit chain (docs/embedded-store.md "Verifying the chain"): the whole journal read
// line by line (memory does not grow with it), every entry's hash, its link to the one before and
// its seq, and the last hash against the store's. A check may resume after the last complete one
// when that is recent enough: the journal only grows by the store's own appends, and the lines
// before that offset were checked then.
import { ChainVerifier } from './audit.js';
import { checkJournalChain } from './journal.js';
import type { AuditEntry, AuditVerification } from './port.js';

export class JournalChainCheck {
  /** The last good check: where it ended, and when the chain was last read from the start. */
  private verified?: { offset: number; chain: ChainVerifier; lines: number; fullAt: number };

  constructor(private readonly journalFile: string) {}

  /** Entries already checked read differently now (a redaction, a new journal): start over next time. */
  forget(): void {
    this.verified = undefined;
  }

  async verify(
    size: number,
    lastHash: string,
    read: (e: AuditEntry) => AuditEntry,
    maxAgeMs?: number,
  ): Promise<AuditVerification> {
    const resume =
      maxAgeMs !== undefined && this.verified && Date.now() - this.verified.fullAt <= maxAgeMs
        ? this.verified
        : undefined;
    const chain = resume ? resume.chain.clone() : new ChainVerifier();
    const r = await checkJournalChain(
      this.journalFile,
      { from: resume?.offset ?? 0, size, lineNo: resume?.lines ?? 0 },
      chain,
      read,
      lastHash,
    );
    const result = 'failed' in r ? r.failed : chain.result(lastHash);
    // A broken chain stays broken: the next check reads it from the start again.
    if (!result.ok || 'failed' in r) this.verified = undefined;
    else this.verified = { offset: size, chain, lines: r.lineNo, fullAt: resume?.fullAt ?? Date.now() };
    return result;
  }
}
