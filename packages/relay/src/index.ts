/**
 * @ruralkit/relay — domain events out (领域事件外发): the outbox relay and its transports
 * (RabbitMQ, NATS JetStream, Standard Webhooks over HTTP), each event a CloudEvent 1.0.
 * @module @ruralkit/relay
 */
export { toCloudEvent, type Outgoing } from './cloud-event.js';
export { idsAndCodes, isIdOrCode } from './ids-only.js';
export { relayMetrics } from './metrics.js';
export { createRelay, type Relay, type RelayOptions, type RelayStats } from './relay.js';
export {
  destinationUrl,
  openTransport,
  RelayError,
  type Outcome,
  type Transport,
  type TransportOptions,
} from './transport.js';
