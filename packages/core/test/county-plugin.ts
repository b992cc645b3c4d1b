// Shared by the plugin tests: a county plugin (县级插件) on the example plan, and the refusal it
// is expected to get.
import { expect } from 'vitest';
import { getPlan, PluginError, resolvePlan, type PluginInput } from '@ruralkit/core';

export const plan = getPlan('changjiang-2021');

/** County A's plugin with `extra` (which may be malformed on purpose). */
export const county = (extra: Record<string, unknown>): PluginInput =>
  ({
    id: 'county-a',
    name: { zh: '甲县', en: 'County A' },
    version: '1.0.0',
    core: '^0.1.0',
    plan: 'changjiang-2021',
    ...extra,
  }) as PluginInput;

/** The PluginError `resolvePlan` throws for `plugin`; fails the test when there is none. */
export function refusal(plugin: PluginInput): PluginError {
  try {
    resolvePlan(plan, [plugin]);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginError);
    return error as PluginError;
  }
  throw new Error('expected a PluginError');
}
