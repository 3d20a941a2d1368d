/** E-mail from the framework's outbox: queued in a write's transaction, delivered after commit. */
export { LINK_PLACEHOLDER, queueMail, textWithLink, type QueuedMail } from './outbox.ts';
export { canDeliverMail, deliverQueuedMail, DELIVERY_BATCH, MAX_ATTEMPTS, retryDelayMinutes, type DeliveryReport, type MailDeliveryRuntime } from './delivery.ts';
