/** The scenario runner's messages (场景消息): what is wrong with a scenario file or its plugins, as codes and their parameters. */
import { messageOf } from '@ruralkit/core';

type None = Record<string, never>;

export interface ScenarioMessages {
  'plugin.outside-root': { root: string };
  /** Said before the path. */
  'file.not-found': None;
  /** Said after the file, before the reader's own words. */
  'file.unreadable': None;
  /** Said after the file, before the problems. */
  'file.invalid': None;
}

export const scenarioMessage = messageOf<ScenarioMessages>();
