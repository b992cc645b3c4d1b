// A county plugin with a procedure of its own (`own-plan`), served beside the base plan, and a
// township official of 丽阳镇: what the tests of plugin workflows over HTTP share.
import { getPlan, resolvePlan, villagePlanWorkflow, type Principal } from '@ruralkit/core';

export const base = getPlan('changjiang-2021');
const ownPlan = { ...villagePlanWorkflow, type: 'own-plan', name: { zh: '自有规划', en: 'Own plan' } };
export const county = resolvePlan(base, [
  {
    id: 'county-a',
    name: { zh: '甲县', en: 'County A' },
    version: '1.0.0',
    core: '^0.1.0',
    plan: 'changjiang-2021',
    workflows: [ownPlan],
  },
]);
export const official: Principal = {
  id: 'liyang-official',
  roles: ['township-official'],
  tenant: 'changjiang',
  township: 'liyang',
};
