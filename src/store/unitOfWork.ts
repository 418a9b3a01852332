// Where a unit of work starts, the store catches up with what other instances committed
// (Store.refresh, src/store/port.ts): here for every HTTP request, /api/messages included. A
// request that cannot catch up is answered 503 (Teams retries an activity) rather than served from
// a stale replica; the health routes go on, so /readyz can say what is wrong.
import type { Next, Request, Response } from 'restify';
import { errorFields, log } from '../log.js';
import type { Store } from './port.js';

const HEALTH = new Set(['/livez', '/readyz', '/healthz']);

export function refreshBeforeRequest(store: Store) {
  return (req: Request, res: Response, next: Next): void => {
    if (!store.refresh) return next();
    store.refresh().then(
      () => next(),
      (err: unknown) => {
        if (HEALTH.has((req.url ?? '').split('?')[0])) return next();
        log.error({ reqId: req.getId(), ...errorFields(err) }, 'store refresh failed; request refused');
        res.status(503);
        res.header('Retry-After', '5');
        res.json({ code: 'StoreUnavailable', message: 'Databasen svarar inte just nu. Försök igen om en stund.' });
        return next(false);
      },
    );
  };
}
