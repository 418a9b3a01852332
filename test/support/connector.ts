// A local stand-in for the Bot Connector: the bot posts, updates and creates conversations here, and
// every call is recorded. Failures can be injected (e.g. 429 with Retry-After) for the next calls,
// and it can hang (accept and never answer), reset connections, or refuse them (stop listening).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Recorded {
  method: 'POST' | 'PUT';
  /**
   * post: to a conversation; reply: to an activity in it (botbuilder sends proactive messages as a
   * reply to its continuation activity, so a channel post shows up here as a reply too);
   * update: PUT of an existing activity; createConversation: a new 1:1.
   */
  kind: 'post' | 'reply' | 'update' | 'createConversation';
  /** The conversation id without a channel's `;messageid=` thread suffix. */
  conversationId: string;
  activityId?: string;
  /** The activity id the connector answered with (a post's id is what later updates target). */
  responseId?: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  at: number;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
}

interface Failure {
  status: number;
  code?: string;
  retryAfter?: number;
  when?: (r: Recorded) => boolean;
  times: number;
}

export class ConnectorStandIn {
  readonly calls: Recorded[] = [];
  readonly failed: Recorded[] = [];
  /** Requests the stand-in does not know (a bug in the bot or here). */
  readonly unknown: string[] = [];
  /** Members returned for GET /v3/conversations/{teamId}/pagedmembers. */
  roster: RosterMember[] = [];
  /** Milliseconds the stand-in waits before answering a send (to model a real connector). */
  latencyMs = 0;
  /** 'hang': read the request and never answer; 'reset': destroy the connection without a word. */
  mode: 'answer' | 'hang' | 'reset' = 'answer';
  /** Sends that reached the stand-in while it hung or reset (never answered). */
  readonly unanswered: Recorded[] = [];
  private server!: Server;
  private failures: Failure[] = [];
  private seq = 0;
  private port = 0;
  private refusing = false;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    this.url = `http://127.0.0.1:${this.port}/`;
    return this;
  }

  async stop(): Promise<void> {
    if (this.refusing) return;
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  /** Stop listening: connections are refused (ECONNREFUSED) until accept(). */
  async refuse(): Promise<void> {
    await this.stop();
    this.refusing = true;
  }

  /** Listen again on the same port. */
  async accept(): Promise<void> {
    if (!this.refusing) return;
    this.refusing = false;
    await this.start();
  }

  /** The next `times` calls matching `when` fail with this status (and Teams error code). */
  failNext(
    times: number,
    status: number,
    opts: { code?: string; retryAfter?: number; when?: (r: Recorded) => boolean } = {},
  ): void {
    this.failures.push({ status, times, ...opts });
  }

  /** Cards and texts posted or updated (with their activity id), in order. */
  cards(filter: (r: Recorded) => boolean = () => true) {
    return this.calls
      .filter((c) => c.kind !== 'createConversation' && filter(c))
      .map((c) => ({
        ...c,
        card: c.body?.attachments?.[0]?.content as Record<string, any> | undefined, // eslint-disable-line @typescript-eslint/no-explicit-any
        text: c.body?.text as string | undefined,
      }));
  }

  /** Sends (posts, replies, updates) to one conversation. */
  to(conversationId: string) {
    return this.cards((c) => c.conversationId === conversationId);
  }

  async waitFor(pred: (calls: Recorded[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!pred(this.calls)) {
      if (Date.now() > until)
        throw new Error(
          `connector: condition not met in ${timeoutMs} ms; calls: ${JSON.stringify(this.calls.map((c) => [c.kind, c.conversationId]))}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const path = (req.url ?? '').split('?')[0];
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // v3 conversations {id} activities {aid}
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return this.notFound(req, res);
    if (req.method === 'GET' && parts[3] === 'pagedmembers') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ members: this.roster.map((m) => ({ ...m, userPrincipalName: '', tenantId: undefined })) }),
      );
      return;
    }
    let rec: Recorded;
    if (req.method === 'POST' && parts.length === 2) {
      rec = {
        method: 'POST',
        kind: 'createConversation',
        conversationId: `a:personal-${++this.seq}`,
        body,
        at: Date.now(),
      };
    } else if ((req.method === 'POST' || req.method === 'PUT') && parts[3] === 'activities') {
      const kind = req.method === 'PUT' ? 'update' : parts[4] ? 'reply' : 'post';
      rec = {
        method: req.method,
        kind,
        conversationId: parts[2].split(';messageid=')[0],
        activityId: parts[4],
        body,
        at: Date.now(),
      };
    } else return this.notFound(req, res);
    if (this.mode !== 'answer') {
      this.unanswered.push(rec);
      if (this.mode === 'reset') req.socket.destroy();
      return; // hang: the socket stays open until the client gives up or stop()
    }
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const failure = this.failures.find((f) => f.times > 0 && (!f.when || f.when(rec)));
    if (failure) {
      failure.times--;
      this.failed.push(rec);
      res.writeHead(failure.status, {
        'content-type': 'application/json',
        ...(failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}),
      });
      res.end(JSON.stringify({ error: { code: failure.code ?? 'Throttled', message: 'injected failure' } }));
      return;
    }
    rec.responseId =
      rec.kind === 'createConversation'
        ? rec.conversationId
        : rec.kind === 'update'
          ? rec.activityId
          : `act-${++this.seq}`;
    this.calls.push(rec);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: rec.responseId }));
  }

  private notFound(req: IncomingMessage, res: ServerResponse): void {
    this.unknown.push(`${req.method} ${req.url}`);
    res.statusCode = 404;
    res.end();
  }
}
