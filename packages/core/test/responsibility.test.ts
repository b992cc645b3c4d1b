// Responsibility per rule (责任分工, catalog §7): each rule's lead unit and co-units, a subset of
// its clause's units; a township's item goes to the village's own township; plugins reassign.
import { describe, expect, it } from 'vitest';
import {
  diffPlan,
  diffToMarkdown,
  evaluate,
  getPlan,
  planInForce,
  resolvePlan,
  type PluginInput,
} from '@ruralkit/core';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');
const report = evaluate(plan, example, { asOf: '2025-12-31' });
const result = (ruleId: string, subject = 'liuyang') =>
  report.results.find((r) => r.ruleId === ruleId && r.subject.id === subject)!;

describe('responsibility per rule', () => {
  it('names the water bureau as tap water’s lead unit, and no unit that has nothing to do with it', () => {
    const tap = result('infrastructure.tap-water');
    expect(tap.units[0]).toMatchObject({ id: 'agri-water', lead: true });
    expect(tap.units.map((u) => u.id)).not.toContain('power-company');
    expect(tap.message.zh).toContain('牵头单位：区农业农村水利局');
    expect(tap.unitsAssumption).toBe(true);
    const preschool = result('public-services.preschool', 'district');
    expect(preschool.units[0]!.id).toBe('education-sports');
    expect(preschool.units.map((u) => u.id)).not.toContain('womens-federation');
  });

  it('keeps every rule’s units within the units its clauses (or the serving clause) list', () => {
    const listed = new Set(plan.clauses.flatMap((c) => c.units));
    const policyUnits = new Set(plan.policies.flatMap((p) => p.units));
    for (const rule of plan.rules) {
      for (const unit of rule.units)
        expect(listed.has(unit) || policyUnits.has(unit), `${rule.id}: ${unit}`).toBe(true);
    }
    const inForce = planInForce(plan, '2025-12-31');
    expect(inForce.rules.find((r) => r.id === 'infrastructure.tap-water')).toMatchObject({
      units: ['agri-water', 'rural-revitalization', 'townships'],
      unitsAssumption: true,
    });
  });

  it("gives a township's item to the village's own township, not to every township", () => {
    const tap = result('infrastructure.tap-water');
    const township = tap.units.find((u) => u.id === 'townships')!;
    expect(township).toMatchObject({ township: 'nianyushan', name: { zh: '鲇鱼山镇' } });
    const lists = report.summary.units.filter((u) => u.unit.id === 'townships');
    expect(lists.map((u) => u.unit.township).sort()).toEqual([...new Set(lists.map((u) => u.unit.township))].sort());
    for (const list of lists) {
      for (const item of [...list.items, ...list.lapses]) {
        expect(item.subject.township?.id, `${list.unit.name.zh}: ${item.ruleId}`).toBe(list.unit.township);
      }
    }
  });

  it("lists on a unit's to-do only its own rules", () => {
    const power = report.summary.units.find((u) => u.unit.id === 'power-company');
    expect(power).toBeUndefined();
    for (const todo of report.summary.units) {
      for (const item of todo.items) {
        const r = result(item.ruleId, item.subject.id);
        expect(r.units.map((u) => u.id)).toContain(todo.unit.id);
      }
    }
  });
});

describe('a plugin reassigning units', () => {
  const county: PluginInput = {
    id: 'county-water',
    name: { zh: '水务县', en: 'Water county' },
    version: '1.0.0',
    core: '^0.1.0',
    plan: 'changjiang-2021',
    units: [{ id: 'water-company', name: { zh: '县水务公司', en: 'County Water Company' } }],
    responsibility: { 'infrastructure.tap-water': ['water-company', 'agri-water'] },
  };

  it('puts the county’s lead unit first, marks it as the county’s, and shows it in plan diff', () => {
    const resolved = resolvePlan(plan, [county]);
    const tap = evaluate(resolved, example, { asOf: '2025-12-31' }).results.find(
      (r) => r.ruleId === 'infrastructure.tap-water' && r.subject.id === 'liuyang',
    )!;
    expect(tap.units.map((u) => u.id)).toEqual(['water-company', 'agri-water']);
    expect(tap.unitsAssumption).toBeUndefined();
    expect(tap.message.zh).toContain('牵头单位：县水务公司');
    const diff = diffPlan(plan, resolved);
    expect(diff.changes).toContainEqual(
      expect.objectContaining({
        kind: 'responsibility',
        id: 'infrastructure.tap-water',
        by: 'plugin:county-water@1.0.0',
        after: ['water-company', 'agri-water'],
      }),
    );
    expect(diffToMarkdown(diff)).toContain('责任分工 responsibility');
    expect(planInForce(resolved, '2025-12-31').rules.find((r) => r.id === 'infrastructure.tap-water')).toMatchObject({
      unitsAssumption: false,
      unitsSetBy: 'plugin:county-water@1.0.0',
    });
  });

  it('refuses an unknown rule or unit, naming the plugin and the path', () => {
    expect(() =>
      resolvePlan(plan, [{ ...county, units: [], responsibility: { 'infrastructure.tap-water': ['nobody'] } }]),
    ).toThrow(/responsibility\.infrastructure\.tap-water\[0\].*no unit "nobody"/s);
    expect(() => resolvePlan(plan, [{ ...county, responsibility: { 'no.such-rule': ['agri-water'] } }])).toThrow(
      /no rule "no.such-rule"/,
    );
  });
});
