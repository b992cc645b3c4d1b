/**
 * Domain events as CloudEvents 1.0 (云事件): one outbox entry becomes one structured JSON event
 * whose `id` is the same on every delivery, so consumers de-duplicate by it. Its `data` carries
 * ids and codes only (`ids-only.ts`).
 */
import type { OutboxEntry } from '@ruralkit/core';
import { CloudEvent } from 'cloudevents';
import { idsAndCodes } from './ids-only.js';

/** A CloudEvent ready to send, and the parts its address is built from. */
export interface Outgoing {
  outboxId: number;
  /** The CloudEvent in structured JSON mode. */
  body: string;
  id: string;
  /** Tenant, workflow type and event type, each safe as one token of a routing key or subject. */
  route: [tenant: string, workflow: string, event: string];
}

/** A token of a routing key or subject: anything but letters, digits, `_` and `-` becomes `_`. */
const token = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_') || '_';

/** The CloudEvent of an outbox entry. */
export function toCloudEvent(entry: OutboxEntry): Outgoing {
  const { kept, withheld } = idsAndCodes({ subject: entry.subject, ...entry.data });
  const id = `${entry.instanceId}/${entry.id}`;
  const event = new CloudEvent({
    specversion: '1.0',
    id,
    source: `urn:ruralkit:${entry.tenant}:${entry.workflow}`,
    type: `ruralkit.${entry.workflow}.${entry.type}`,
    subject: entry.instanceId,
    time: entry.at,
    datacontenttype: 'application/json',
    data: {
      ...kept,
      instanceId: entry.instanceId,
      tenant: entry.tenant,
      workflow: entry.workflow,
      ...(withheld.length ? { withheld } : {}),
    },
  });
  return {
    outboxId: entry.id,
    body: JSON.stringify(event.toJSON()),
    id,
    route: [token(entry.tenant), token(entry.workflow), token(entry.type)],
  };
}
