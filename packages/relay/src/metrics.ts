/**
 * The relay's figures in the Prometheus text format (监控指标), of one tenant's events: where
 * their delivery stands in the store (position, pending, dead letters) and what this relay
 * delivered of them since it started; and the batches it could not deliver (of every tenant:
 * a count of failures, not of anyone's events).
 */
import type { WorkflowStore } from '@ruralkit/core';
import type { RelayStats } from './relay.js';

export async function relayMetrics(store: WorkflowStore, stats: RelayStats, tenant: string): Promise<string> {
  const s = await store.outboxStatus(tenant);
  const mine = stats.tenants.get(tenant) ?? { delivered: 0, deadLettered: 0 };
  const figures: [name: string, type: 'gauge' | 'counter', help: string, value: number][] = [
    ['ruralkit_relay_position', 'gauge', 'Outbox position up to which every event is delivered.', s.position],
    ['ruralkit_relay_last_position', 'gauge', 'Last outbox position written.', s.last],
    ['ruralkit_relay_pending', 'gauge', 'Events not yet delivered.', s.pending],
    ['ruralkit_relay_dead_letters', 'gauge', 'Events given up after their last try, in the store.', s.deadLetters],
    ['ruralkit_relay_delivered_total', 'counter', 'Events this relay delivered.', mine.delivered],
    ['ruralkit_relay_dead_lettered_total', 'counter', 'Events this relay gave up.', mine.deadLettered],
    ['ruralkit_relay_failures_total', 'counter', 'Batches this relay could not deliver and gave back.', stats.failures],
  ];
  return figures
    .map(([name, type, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`)
    .join('');
}
