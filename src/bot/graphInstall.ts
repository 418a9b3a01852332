// Reaching a person who never wrote to the bot and is in no team roster it knows (a unit manager, a
// VINR caseworker): the app is installed for them through Microsoft Graph, and the 1:1 chat that the
// installation creates is where their cards go (docs/deploy.md, "Nå personer via Microsoft Graph").
//
// The app needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All, granted by
// an administrator. Without it Graph answers 403 and the person stays unreachable: the outbox then
// reports the card as undeliverable to whoever can act (src/outbox/deliveryFailure.ts), as before.
import { log, errorFields } from '../log.js';
import { userKey } from '../app/conversations.js';
import type { GraphConfig } from '../config.js';
import { SendError, type NewConversation } from '../outbox/sender.js';

/** Graph statuses worth trying again later (the message waits in the outbox like a 503 send). */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export class GraphInstaller {
  private token?: { value: string; until: number };
  private catalogId?: string;

  constructor(private readonly cfg: GraphConfig) {
    this.catalogId = cfg.catalogAppId;
  }

  /**
   * Install the app for the person (or find it installed) and return the 1:1 chat it created;
   * undefined when Graph refuses (no permission, unknown user, app not in the catalogue). A network
   * failure or a busy Graph throws a retryable SendError.
   */
  async reach(aadObjectId: string): Promise<NewConversation | undefined> {
    const user = `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
    const catalogId = await this.catalogAppId();
    if (!catalogId) return undefined;
    const installed = await this.call('POST', user, {
      'teamsApp@odata.bind': `${this.cfg.baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(catalogId)}`,
    });
    // 409: already installed for them (they removed the chat, or another instance got there first).
    if (installed.status !== 201 && installed.status !== 200 && installed.status !== 409)
      return this.refused('install', installed.status);
    const filter = encodeURIComponent(`teamsApp/externalId eq '${this.cfg.manifestId}'`);
    const list = await this.call('GET', `${user}?$expand=teamsApp&$filter=${filter}`);
    if (list.status !== 200) return this.refused('find installation', list.status);
    const installationId = (list.body as { value?: { id?: string }[] }).value?.[0]?.id;
    if (!installationId) return this.refused('find installation', 404);
    const chat = await this.call('GET', `${user}/${encodeURIComponent(installationId)}/chat`);
    const chatId = (chat.body as { id?: string }).id;
    if (chat.status !== 200 || !chatId) return this.refused('find chat', chat.status);
    log.info({ aadObjectId }, 'app installed for a person through Microsoft Graph; their cards go to the new chat');
    return {
      key: userKey(aadObjectId),
      kind: 'personal',
      serviceUrl: this.cfg.serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl: this.cfg.serviceUrl,
        conversation: { id: chatId, conversationType: 'personal', tenantId: this.cfg.tenantId },
        bot: { id: this.cfg.clientId || 'arendevakt', name: 'Ärendevakt' },
        user: { id: '', name: '', aadObjectId },
      },
    };
  }

  private async catalogAppId(): Promise<string | undefined> {
    if (this.catalogId) return this.catalogId;
    const filter = encodeURIComponent(`externalId eq '${this.cfg.manifestId}'`);
    const r = await this.call('GET', `/appCatalogs/teamsApps?$filter=${filter}`);
    if (r.status !== 200) return this.refused('find app in catalogue', r.status);
    this.catalogId = (r.body as { value?: { id?: string }[] }).value?.[0]?.id;
    if (!this.catalogId) return this.refused('find app in catalogue', 404);
    return this.catalogId;
  }

  private refused(step: string, status: number): undefined {
    if (RETRYABLE.has(status)) throw new SendError(status, 'GraphUnavailable');
    log.warn({ step, status }, 'Microsoft Graph refused to install the app for a person; they stay unreachable');
    return undefined;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.cfg.clientId,
      client_secret: this.cfg.clientSecret ?? '',
      scope: 'https://graph.microsoft.com/.default',
    });
    const r = await this.fetch(this.cfg.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const body = (await r.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (r.status !== 200 || !body.access_token) {
      if (RETRYABLE.has(r.status)) throw new SendError(r.status, 'GraphTokenUnavailable');
      // The secret or the permission is wrong: nothing a retry mends.
      log.warn({ status: r.status }, 'no Microsoft Graph token (client credentials refused)');
      throw new GraphRefused();
    }
    this.token = { value: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 3600) - 120) * 1000 };
    return body.access_token;
  }

  private async call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<{ status: number; body: unknown }> {
    let token: string;
    try {
      token = await this.accessToken();
    } catch (err) {
      if (err instanceof GraphRefused) return { status: 401, body: {} };
      throw err;
    }
    const r = await this.fetch(`${this.cfg.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await r.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      /* not JSON: only the status matters */
    }
    return { status: r.status, body };
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.cfg.timeoutMs ?? 10_000) });
    } catch (err) {
      // Refused, reset, DNS, timeout: the same as a connector that does not answer.
      log.warn(errorFields(err), 'Microsoft Graph did not answer');
      throw new SendError(0, 'GraphUnreachable');
    }
  }
}

class GraphRefused extends Error {}
