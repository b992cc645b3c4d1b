/**
 * The reference plan `changjiang-2021`: 昌农办字〔2021〕26号《昌江区“十四五”区定乡村振兴重点帮扶村
 * 工作实施方案》 (Changjiang District, Jingdezhen, Jiangxi), as data.
 */
import type { Plan } from '../../model/schema.js';
import { clauses } from './clauses.js';
import { indicators } from './indicators.js';
import { parameters } from './parameters.js';
import { policies } from './policies.js';
import { categories, districtRules, riskTypes, screeningRules, villageRules } from './rules.js';
import { units } from './units.js';

export const changjiang2021: Plan = {
  id: 'changjiang-2021',
  docNo: '昌农办字〔2021〕26号',
  title: {
    zh: '昌江区“十四五”区定乡村振兴重点帮扶村工作实施方案',
    en: 'Changjiang District implementation plan for district-designated key rural revitalization villages in the 14th Five-Year Plan period',
  },
  jurisdiction: { zh: '昌江区', en: 'Changjiang District' },
  period: { start: '2021-01-01', end: '2025-12-31' },
  keyVillages: [
    {
      id: 'liuyang',
      name: { zh: '留阳村', en: 'Liuyang Village' },
      township: { id: 'nianyushan', name: { zh: '鲇鱼山镇', en: 'Nianyushan Town' } },
    },
    {
      id: 'jianglian',
      name: { zh: '江联村', en: 'Jianglian Village' },
      township: { id: 'liyang', name: { zh: '丽阳镇', en: 'Liyang Town' } },
    },
  ],
  clauses,
  units,
  policies,
  parameters,
  indicators,
  rules: [...villageRules, ...districtRules],
  riskTypes,
  screeningRules,
  categories,
};
