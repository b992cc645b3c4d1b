/**
 * Example County (示例县) — a FICTIONAL county used to show how a plugin adapts the Changjiang
 * plan without forking it. Every figure here is illustrative.
 *
 * - tap water raised to 95% from 2024 (a stricter target needs no declaration);
 * - a new indicator and rule for cold-chain logistics nodes (冷链物流节点, clause 2.1);
 * - a household screening rule for large rigid expenses (刚性支出, 突发严重困难户);
 * - the village plan deadline moved to mid-2023, declared in `relax` with its reason;
 * - a procedure of its own, the industry project application (产业项目申报,
 *   `industry-project.workflow.ts`).
 */
import { definePlugin } from '@ruralkit/core';
import { industryProjectWorkflow } from './industry-project.workflow.js';

export default definePlugin({
  id: 'example-county',
  name: { zh: '示例县（虚构示例）', en: 'Example County (fictional)' },
  version: '1.0.0',
  core: '^0.1.0',
  plan: 'changjiang-2021',
  dependsOn: ['example-county-income-lines'],
  workflows: [industryProjectWorkflow],
  parameters: [
    { id: 'infrastructure.tapWaterMinRate', values: [{ from: '2024-01-01', value: 0.95 }] },
    {
      id: 'industry.minColdChainNodes',
      name: { zh: '冷链物流节点最少数量', en: 'Minimum cold-chain logistics nodes' },
      unit: 'count',
      stricter: 'higher', // more nodes asks more
      values: [{ from: '2021-01-01', value: 1 }],
      source: ['2.1'],
      assumption: true,
      note: { zh: '示例县设定：每个重点村至少一个。', en: 'Example County: at least one per key village.' },
    },
    {
      id: 'monitoring.rigidExpenditureMinCny',
      name: { zh: '大额刚性支出标准', en: 'Large rigid expenditure threshold' },
      unit: 'CNY',
      stricter: 'lower', // a lower threshold flags more households
      values: [{ from: '2021-01-01', value: 20000 }],
      source: ['4.2'],
      assumption: true,
    },
    { id: 'deadline.villagePlan', values: [{ from: '2021-01-01', value: '2023-06-30' }] },
  ],
  indicators: [
    {
      key: 'coldChainNodeCount',
      subject: 'village',
      type: 'integer',
      unit: 'count',
      min: 0,
      name: { zh: '冷链物流节点数量', en: 'Cold-chain logistics nodes' },
    },
    {
      key: 'rigidExpenditureCny',
      subject: 'household',
      type: 'number',
      unit: 'CNY',
      min: 0,
      name: { zh: '年度刚性支出（医疗、教育等）', en: 'Rigid expenditure in the year (medical, education…)' },
    },
  ],
  riskTypes: [{ id: 'rigid-expenditure', name: { zh: '刚性支出过大', en: 'Large rigid expenditure' } }],
  rules: {
    add: [
      {
        id: 'industry.cold-chain-node',
        name: { zh: '冷链物流节点向重点村倾斜布局', en: 'Cold-chain logistics node in the village' },
        subject: 'village',
        kind: 'deadline',
        strength: 'strive',
        clauses: ['2.1'],
        due: 'deadline.transitionEnd',
        derived: {},
        condition: {
          all: [
            {
              fact: 'coldChainNodeCount',
              operator: 'greaterThanInclusive',
              value: { fact: 'industry.minColdChainNodes' },
            },
          ],
        },
        units: ['agri-water', 'commerce', 'supply-marketing-coop', 'townships'],
        messages: {
          zh: {
            met: '{subject}{year}年有冷链物流节点{v:coldChainNodeCount}个，达到目标{p:industry.minColdChainNodes}个',
            notMet: '{subject}{year}年有冷链物流节点{v:coldChainNodeCount}个，少于目标{p:industry.minColdChainNodes}个',
          },
          en: {
            met: '{subject}: {v:coldChainNodeCount} cold-chain logistics nodes in {year}, meeting the target of {p:industry.minColdChainNodes}',
            notMet:
              '{subject}: {v:coldChainNodeCount} cold-chain logistics nodes in {year}, below the target of {p:industry.minColdChainNodes}',
          },
        },
      },
    ],
  },
  screeningRules: {
    add: [
      {
        id: 'monitoring.rigid-expenditure-risk',
        name: { zh: '大额刚性支出风险', en: 'Large rigid expenditure risk' },
        clauses: ['4.2'],
        riskType: 'rigid-expenditure',
        derived: {},
        condition: {
          all: [
            {
              fact: 'rigidExpenditureCny',
              operator: 'greaterThanInclusive',
              value: { fact: 'monitoring.rigidExpenditureMinCny' },
            },
          ],
        },
        units: ['rural-revitalization', 'medical-insurance', 'townships'],
        messages: {
          zh: '{subject}年度刚性支出{v:rigidExpenditureCny}，达到大额标准{p:monitoring.rigidExpenditureMinCny}',
          en: '{subject}: rigid expenditure of {v:rigidExpenditureCny} reaches the threshold of {p:monitoring.rigidExpenditureMinCny}',
        },
      },
    ],
  },
  relax: [
    {
      id: 'deadline.villagePlan',
      reason:
        '示例县县级国土空间规划批复延后，村庄规划编制顺延至2023年6月底（示例）/ the county land-use plan was approved late (example)',
    },
  ],
});
