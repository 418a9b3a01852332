// A local stand-in for Microsoft Graph's app installation (and the token endpoint in front of it):
// installs are recorded per user, and each installation has a 1:1 chat id the bot then posts to at
// the Bot Connector stand-in. `refuse` answers 403 to installs (no permission granted), `busy` 503.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export class GraphStandIn {
  /** Users the app was installed for, in order (one entry per successful POST). */
  readonly installs: string[] = [];
  /** Every request as "METHOD path" (for asserting what the bot asked). */
  readonly requests: string[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  mode: 'answer' | 'refuse' | 'busy' = 'answer';
  url = '';
  private server!: Server;
  private installed = new Set<string>();

  static chatOf(aadObjectId: string): string {
    return `19:${aadObjectId}_graph@unq.gbl.spaces`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${decodeURIComponent(url.pathname + url.search)}`);
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    if (req.method === 'POST' && url.pathname === '/token') {
      this.tokenRequests.push(new URLSearchParams(body));
      return send(200, { token_type: 'Bearer', access_token: 'graph-token', expires_in: 3600 });
    }
    if (req.headers.authorization !== 'Bearer graph-token')
      return send(401, { error: { code: 'InvalidAuthenticationToken' } });
    if (this.mode === 'busy') return send(503, { error: { code: 'ServiceUnavailable' } });
    if (req.method === 'GET' && url.pathname === '/appCatalogs/teamsApps')
      return send(200, { value: [{ id: 'catalog-app-1', externalId: '', displayName: 'Ärendevakt' }] });
    const m = /^\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)\/chat)?$/.exec(url.pathname);
    if (!m) return send(404, { error: { code: 'NotFound' } });
    const user = decodeURIComponent(m[1]);
    if (req.method === 'POST' && !m[2]) {
      if (this.mode === 'refuse') return send(403, { error: { code: 'Forbidden' } });
      const bind = (JSON.parse(body || '{}') as Record<string, string>)['teamsApp@odata.bind'] ?? '';
      if (!bind.endsWith('/appCatalogs/teamsApps/catalog-app-1')) return send(400, { error: { code: 'BadRequest' } });
      if (this.installed.has(user)) return send(409, { error: { code: 'Conflict' } });
      this.installed.add(user);
      this.installs.push(user);
      return send(201, {});
    }
    if (req.method === 'GET' && !m[2])
      return send(200, { value: this.installed.has(user) ? [{ id: `inst-${user}` }] : [] });
    if (req.method === 'GET' && m[2] === `inst-${user}` && this.installed.has(user))
      return send(200, { id: GraphStandIn.chatOf(user) });
    return send(404, { error: { code: 'NotFound' } });
  }
}
