// Safe defaults of the real process: local mode only on 127.0.0.1, `npm start` leaves nothing behind
// on SIGTERM, production refuses without credentials however NODE_ENV is written, a busy port is one
// clear line, and request logs carry a request id with internet noise below error level.
import { createServer, connect, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { groupAlive, startProcess } from '../support/process.js';

const held: Server[] = [];
afterEach(() => {
  for (const s of held.splice(0)) s.close();
});

/** This machine's own non-loopback IPv4 addresses (e.g. 192.0.2.2): never another machine. */
const ownAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);

const tryConnect = (host: string, port: number) =>
  new Promise<string>((resolve) => {
    const s = connect({ host, port, timeout: 3000 });
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('timeout', () => {
      s.destroy();
      resolve('timeout');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });

describe('the process, safe by default', () => {
  it('in local mode listens on 127.0.0.1 only and says so; logs a request id per activity, 404 at info', async () => {
    const p = startProcess({});
    const port = await p.started;
    expect(p.output()).toMatch(/"host":"127\.0\.0\.1"[^\n]*Ärendevakt started/);
    await p.waitFor(/NOT authenticated; listening on 127\.0\.0\.1 only/);
    expect(await tryConnect('127.0.0.1', port)).toBe('connected');
    for (const address of ownAddresses()) expect(await tryConnect(address, port)).toBe('ECONNREFUSED');

    const r = await fetch(`http://127.0.0.1:${port}/wp-login.php`);
    expect(r.status).toBe(404);
    const noise = await p.waitFor(/"status":404/);
    expect(JSON.parse(noise)).toMatchObject({ level: 30, status: 404, msg: 'request failed' });
    expect(noise).not.toMatch(/wp-login/); // the route's pattern is logged, never the path
    const m = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'act-1',
        text: 'hjälp',
        serviceUrl: 'http://127.0.0.1:9/',
        channelId: 'msteams',
        conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'ffffffff-0000-4000-8000-000000000001' },
        channelData: { tenant: { id: 'ffffffff-0000-4000-8000-000000000001' } },
        from: { id: '29:x', aadObjectId: 'ffffffff-0000-4000-8000-000000000002' },
        recipient: { id: '28:bot' },
      }),
    });
    expect(m.status).toBeLessThan(500);
    const activity = JSON.parse(await p.waitFor(/"msg":"activity"/));
    const ignored = JSON.parse(await p.waitFor(/another tenant ignored/));
    expect(activity.reqId).toEqual(expect.any(String));
    expect(ignored.reqId).toBe(activity.reqId);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('npm start stops on SIGTERM with nothing of its process group left behind', async () => {
    const p = startProcess({}, ['npm', ['start', '--silent']]);
    await p.started;
    const pgid = p.child.pid!;
    expect(groupAlive(pgid)).toBe(true);
    p.child.kill('SIGTERM'); // to npm only, as `docker stop` signals PID 1
    expect(await p.exited).toBe(0);
    const until = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(groupAlive(pgid)).toBe(false);
    expect(p.output()).toMatch(/"msg":"stopped"/);
  });

  it('refuses production without credentials however NODE_ENV is written', async () => {
    const p = startProcess({ NODE_ENV: ' Production ' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/NODE_ENV=production kräver MicrosoftAppId/);
  });

  it('says in one line that the port is taken, and exits 1', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    held.push(server);
    const port = (server.address() as { port: number }).port;
    const p = startProcess({ PORT: String(port) });
    expect(await p.exited).toBe(1);
    const lines = p
      .output()
      .split('\n')
      .filter((l) => l.trim() && !/^\{"level":(30|40)/.test(l));
    expect(lines).toEqual([
      `Porten ${port} på 127.0.0.1 används redan av ett annat program: stoppa det eller välj en annan med PORT.`,
    ]);
  });
});
