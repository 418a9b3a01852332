// Teams' rate limits for a bot, kept on our side so we never trip them: per conversation 7 sends a
// second, 8 in 2 s, 60 in 30 s, 1,800 an hour; 50 a second for the app in a tenant. Updates count too.
export interface Window {
  ms: number;
  max: number;
}

export const PER_CONVERSATION: Window[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];
// The app runs at 46 a second, spread evenly (5 per 100 ms) rather than 50 in a burst: a burst's
// stragglers, delayed by the network or our event loop, land in Teams' next second with the next
// burst. Measured against the connector stand-in: 50 at 50/s in bursts arrived as up to 66 in one
// second; evenly at 48/s as up to 52-53; at 46/s the busiest second at the receiver is 50, the limit
// (bench/bot.bench.ts), and the sustained rate stays above 45/s.
export const PER_APP: Window[] = [
  { ms: 1_000, max: 46 },
  { ms: 100, max: 5 },
];

class SlidingLog {
  private readonly times: number[] = [];
  constructor(private readonly windows: Window[]) {}

  /** Milliseconds until one more send fits in every window (0: now). */
  wait(now: number): number {
    this.trim(now);
    let wait = 0;
    for (const w of this.windows) {
      let inWindow = 0;
      for (let i = this.times.length - 1; i >= 0 && this.times[i] > now - w.ms; i--) inWindow++;
      if (inWindow >= w.max) {
        const oldestInWindow = this.times[this.times.length - w.max];
        wait = Math.max(wait, oldestInWindow + w.ms - now);
      }
    }
    return wait;
  }

  record(now: number): void {
    this.times.push(now);
  }

  private trim(now: number): void {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    let drop = 0;
    while (drop < this.times.length && this.times[drop] <= now - longest) drop++;
    if (drop) this.times.splice(0, drop);
  }
}

export class Pacer {
  private readonly conversations = new Map<string, SlidingLog>();
  private readonly app: SlidingLog;

  constructor(
    private readonly perConversation: Window[] = PER_CONVERSATION,
    perApp: Window[] = PER_APP,
  ) {
    this.app = new SlidingLog(perApp);
  }

  /** Milliseconds until a send to this conversation is allowed (0: now). */
  wait(conversation: string, now: number): number {
    const log = this.conversations.get(conversation);
    return Math.max(this.app.wait(now), log ? log.wait(now) : 0);
  }

  record(conversation: string, now: number): void {
    let log = this.conversations.get(conversation);
    if (!log) {
      log = new SlidingLog(this.perConversation);
      this.conversations.set(conversation, log);
    }
    log.record(now);
    this.app.record(now);
  }
}
