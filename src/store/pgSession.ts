// The PostgreSQL store's own session (src/store/postgresStore.ts), beside its pool: it LISTENs for
// the other instances' commits, and holds the outbox drain's advisory lock. Lost (database restart,
// network), it reconnects after a second; the lock goes with the lost connection.
import pg from 'pg';
import { LOCK_NAMESPACE, LOCK_OUTBOX_DRAIN } from './pgMigrate.js';

export class PgSession {
  private session: pg.Client | null = null;
  private connecting: Promise<pg.Client | null> | null = null;
  private leading = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly listeners: (() => void)[] = [];

  /** `behind(seq)`: has this instance not yet applied commit `seq` (a notification's payload)? */
  constructor(
    private readonly url: string,
    private readonly behind: (seq: number) => boolean,
  ) {}

  connect(): Promise<pg.Client | null> {
    if (this.session) return Promise.resolve(this.session);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: 'arendevakt-session' });
      const lost = () => {
        if (this.session === client) this.session = null;
        this.leading = false;
        if (!this.closed && !this.reconnectTimer) {
          this.reconnectTimer = setTimeout(() => {
            this.reconnectTimer = null;
            void this.connect();
          }, 1_000);
          this.reconnectTimer.unref();
        }
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (n) => {
        if (this.behind(Number(n.payload))) for (const l of this.listeners) l();
      });
      try {
        await client.connect();
        await client.query('LISTEN arendevakt_commit');
        this.session = client;
        // Commits made while no session listened: tell the listeners once.
        for (const l of this.listeners) l();
        return client;
      } catch {
        lost();
        await client.end().catch(() => undefined);
        return null;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  /** Another instance committed. */
  onRemoteCommit(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * One outbox drain at a time across the instances: a session-level advisory lock, released by
   * PostgreSQL when the holder's connection ends (stop, crash, kill -9), taken over at the next try.
   */
  async holdLead(): Promise<boolean> {
    if (this.closed) return false;
    const session = await this.connect();
    if (!session) return false;
    if (this.leading) return true;
    try {
      const r = await session.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        LOCK_NAMESPACE,
        LOCK_OUTBOX_DRAIN,
      ]);
      this.leading = r.rows[0].ok && this.session === session;
    } catch {
      this.leading = false;
    }
    return this.leading;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const session = this.session;
    this.session = null;
    this.leading = false;
    await session?.end().catch(() => undefined);
  }
}
