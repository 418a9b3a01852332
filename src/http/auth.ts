// The bearer key shared by the read APIs beside the intake API (INGEST_API_KEY): the same answers
// as intake (503 when no key is configured, 401 with WWW-Authenticate otherwise, 429 over the rate),
// the key compared as hashes in constant time so neither it nor its length leaks.
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import { TokenBuckets, type RateLimitOptions } from './rateLimit.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

export function sendJson(
  res: restify.Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  res.header('Cache-Control', 'no-store');
  res.json(status, body);
}

/** A gate for one API: call it first in a route; false means it has answered already. */
export function bearerGate(apiKey: string | undefined, rate: RateLimitOptions = { burst: 20, perMinute: 60 }) {
  const keyHash = apiKey ? sha256(apiKey) : undefined;
  const buckets = new TokenBuckets(rate);
  return (req: restify.Request, res: restify.Response): boolean => {
    if (!keyHash) {
      sendJson(res, 503, { error: 'API:et är avstängt: INGEST_API_KEY är inte satt på servern.' });
      return false;
    }
    const auth = req.headers.authorization;
    const m = typeof auth === 'string' ? /^Bearer +(\S+) *$/i.exec(auth) : null;
    if (!m || !timingSafeEqual(sha256(m[1]), keyHash)) {
      sendJson(
        res,
        401,
        { error: 'Saknar giltig API-nyckel (Authorization: Bearer …).' },
        { 'WWW-Authenticate': 'Bearer' },
      );
      return false;
    }
    const t = buckets.take(keyHash.toString('hex'));
    if (!t.ok) {
      sendJson(
        res,
        429,
        { error: 'För många anrop. Försök igen om en stund.' },
        { 'Retry-After': String(t.retryAfterSeconds) },
      );
      return false;
    }
    return true;
  };
}
