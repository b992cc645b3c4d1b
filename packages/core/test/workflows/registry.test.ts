// The workflow registry (issue 23, point 1): a plan registers its workflows; the runtime finds
// them there, by type or by what their definition does, never by name.
import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createRuntime,
  definePlugin,
  evaluate,
  getPlan,
  PluginError,
  resolvePlan,
  type PluginInput,
  villagePlanWorkflow,
  WorkflowError,
  workflowsFor,
  type Plan,
} from '../../src/index.js';
import { createWorkflowRegistry } from '../../src/workflows/registry.js';
import { county as countyPlugin } from '../county-plugin.js';
import { official, plan, TENANT } from './fixtures.js';

describe('workflowsFor', () => {
  it("gives the plan's workflows in the order it registers them, with what each does", () => {
    const workflows = workflowsFor(plan);
    expect(workflows.types).toEqual(['village-plan', 'rectification', 'poverty-monitoring']);
    expect(workflows.definitions.map((d) => d.type)).toEqual(workflows.types);
    const does = (key: 'startedByScreening' | 'openedForTarget' | 'publicNotice' | 'settles') =>
      workflows.definitions.filter((d) => d[key]).map((d) => d.type);
    expect(does('startedByScreening')).toEqual(['poverty-monitoring']);
    expect(does('openedForTarget')).toEqual(['rectification']);
    expect(does('publicNotice')).toEqual(['poverty-monitoring']);
    expect(does('settles')).toEqual(workflows.types);
    expect(workflowsFor(plan)).toBe(workflows);
  });

  it('refuses an unknown type naming the known ones, in Chinese and English', () => {
    const refusal = (() => {
      try {
        workflowsFor(plan).definitionOf('relief');
      } catch (error) {
        return error;
      }
    })() as WorkflowError;
    expect(refusal).toBeInstanceOf(WorkflowError);
    expect(refusal.code).toBe('unknown-workflow');
    expect(refusal.text.zh).toBe('未知流程类型 "relief"，可用：village-plan、rectification、poverty-monitoring');
    expect(refusal.text.en).toBe(
      'unknown workflow type "relief"; known: village-plan, rectification, poverty-monitoring',
    );
  });

  it('gives no workflows to a plan that registers none, and the runtime refuses to start one', async () => {
    const other: Plan = { ...getPlan('changjiang-2021'), id: 'elsewhere-2024' };
    expect(workflowsFor(other).types).toEqual([]);
    const runtime = createRuntime({ plan: other, store: createMemoryStore() });
    await expect(
      runtime.start('village-plan', {
        tenant: TENANT,
        subject: { village: 'jianglian' },
        event: { type: 'START', actor: official() },
      }),
    ).rejects.toMatchObject({ code: 'unknown-workflow' });
    const report = evaluate(other, { villages: [], households: [] }, { asOf: '2025-12-31' });
    expect(await runtime.startFromScreening(report, { tenant: TENANT, actor: official() })).toEqual([]);
  });

  it('refuses two definitions of one type', () => {
    const [first] = workflowsFor(plan).definitions;
    expect(() => createWorkflowRegistry([first!, first!])).toThrow(/registered twice/);
  });
});

describe('a workflow a code plugin adds', () => {
  const county = (extra: Partial<PluginInput>): PluginInput => countyPlugin({ version: '1.2.0', ...extra });
  const ownPlan = { ...villagePlanWorkflow, type: 'own-plan', name: { zh: '自有规划', en: 'Own plan' } };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error as PluginError;
    }
    throw new Error('not refused');
  };

  it("is registered after the plan's, takes the plugin's roles, and changes the hash", () => {
    const resolved = resolvePlan(plan, [
      county({ workflows: [ownPlan], workflowRoles: { 'own-plan': { START: ['village-committee'] } } }),
    ]);
    const workflows = workflowsFor(resolved);
    expect(workflows.types).toEqual(['village-plan', 'rectification', 'poverty-monitoring', 'own-plan']);
    expect(workflows.definitionOf('own-plan').events.START!.grants).toEqual([{ role: 'village-committee' }]);
    expect(resolved.provenance.workflows).toEqual({ 'own-plan': 'plugin:county-a@1.2.0' });
    expect(resolved.hash).not.toBe(resolvePlan(plan, [county({})]).hash);
  });

  it('refuses a type the plan registers, and a definition that is not one, naming where', () => {
    const taken = refusal(() => resolvePlan(plan, [county({ workflows: [villagePlanWorkflow] })]));
    expect(taken).toBeInstanceOf(PluginError);
    expect(taken.message).toContain('workflows[0]');
    expect(taken.message).toContain('the plan already has the workflow "village-plan"');
    const broken = refusal(() => definePlugin(county({ workflows: [{ ...ownPlan, startEvent: 'GO' }] })));
    expect(broken.message).toContain('workflows[0]');
    expect(broken.message).toContain('startEvent must be one of events');
  });

  it('refuses to lose its definitions: a copy of the resolved plan is not the plan', () => {
    const resolved = resolvePlan(plan, [county({ workflows: [ownPlan] })]);
    expect(() => workflowsFor({ ...resolved })).toThrow(/own-plan.*resolvePlan/s);
  });
});
