/** The relay's messages (外发消息): what is wrong with a destination or a webhook's secret, as codes and their parameters. */
import { messageOf } from '@ruralkit/core';

type None = Record<string, never>;

export interface RelayMessages {
  'destination.not-a-url': { destination: string };
  /** The destination shown without its user and password. */
  'destination.scheme': { destination: string };
  'webhook.secret-required': None;
  'webhook.secret-invalid': None;
}

export const relayMessage = messageOf<RelayMessages>();
