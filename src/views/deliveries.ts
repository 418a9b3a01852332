// The `leveranser` view: one line per message the outbox could not deliver or is retrying. Built by
// src/app/deliveries.ts (deliveriesFor), rendered by src/cards/deliveriesCard.ts.
import type { FailureReason } from '../outbox/deliveryFailure.js';

export interface DeliveryItem {
  id: string;
  what: string;
  caseId: string;
  to: string;
  state: string;
  reason: FailureReason | 'retrying';
  dead: boolean;
}
