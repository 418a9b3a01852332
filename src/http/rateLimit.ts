// A token bucket per key: `burst` requests at once, refilled at `perMinute`. In memory (one
// instance by design: the store's lock makes the bot single-instance). The clock is a parameter
// (milliseconds, monotonic by default) so tests can drive it.
import { performance } from 'node:perf_hooks';

export interface RateLimitOptions {
  burst: number;
  perMinute: number;
  clock?: () => number;
  /** Buckets kept at most (the oldest-touched are dropped first). */
  maxKeys?: number;
}

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly clock: () => number;
  private readonly ratePerMs: number;

  constructor(private readonly opts: RateLimitOptions) {
    this.clock = opts.clock ?? (() => performance.now());
    this.ratePerMs = opts.perMinute / 60_000;
  }

  take(key: string): Take {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: this.opts.burst, at: now };
    b.tokens = Math.min(this.opts.burst, b.tokens + Math.max(0, now - b.at) * this.ratePerMs);
    b.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, b); // most recently used last
    if (this.buckets.size > (this.opts.maxKeys ?? 1000)) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.ratePerMs / 1000)) };
  }
}
