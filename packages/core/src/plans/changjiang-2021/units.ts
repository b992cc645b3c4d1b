/**
 * The responsible units (责任单位) named in the Changjiang District plan: district departments,
 * district party committee bodies, mass organisations and the townships. Chinese names are as
 * written in the plan; the order is that of the catalog.
 */
import type { Unit } from '../../model/schema.js';

export const units: Unit[] = [
  {
    id: 'agri-water',
    name: { zh: '区农业农村水利局', en: 'District Bureau of Agriculture, Rural Affairs and Water Resources' },
  },
  { id: 'rural-revitalization', name: { zh: '区乡村振兴局', en: 'District Rural Revitalization Bureau' } },
  { id: 'finance', name: { zh: '区财政局', en: 'District Finance Bureau' } },
  { id: 'development-reform', name: { zh: '区发改委', en: 'District Development and Reform Commission' } },
  { id: 'forestry', name: { zh: '区林业局', en: 'District Forestry Bureau' } },
  { id: 'supply-marketing-coop', name: { zh: '区供销合作社', en: 'District Supply and Marketing Cooperative' } },
  { id: 'townships', name: { zh: '各乡镇〔街道〕', en: 'Township and Subdistrict Governments' }, perTownship: true },
  {
    id: 'township-party-gov',
    name: { zh: '各乡镇〔街道〕党委和政府', en: 'Party Committees and Governments of the Townships and Subdistricts' },
    perTownship: true,
  },
  { id: 'transport', name: { zh: '区交通运输局', en: 'District Transport Bureau' } },
  { id: 'education-sports', name: { zh: '区教体局', en: 'District Education and Sports Bureau' } },
  { id: 'civil-affairs', name: { zh: '区民政局', en: 'District Civil Affairs Bureau' } },
  { id: 'human-resources', name: { zh: '区人社局', en: 'District Human Resources and Social Security Bureau' } },
  { id: 'housing', name: { zh: '区住建局', en: 'District Housing and Urban-Rural Development Bureau' } },
  { id: 'culture-tourism', name: { zh: '区文旅局', en: 'District Culture and Tourism Bureau' } },
  { id: 'ecology-environment', name: { zh: '区生态环境局', en: 'District Ecology and Environment Bureau' } },
  { id: 'medical-insurance', name: { zh: '区医保局', en: 'District Healthcare Security Bureau' } },
  { id: 'industry-it', name: { zh: '区工信局', en: 'District Bureau of Industry and Information Technology' } },
  { id: 'natural-resources', name: { zh: '区自然资源局', en: 'District Natural Resources Bureau' } },
  { id: 'org-dept', name: { zh: '区委组织部', en: 'Organization Department of the District Party Committee' } },
  {
    id: 'united-front',
    name: { zh: '区委统战部', en: 'United Front Work Department of the District Party Committee' },
  },
  { id: 'federation-commerce', name: { zh: '区工商联', en: 'District Federation of Industry and Commerce' } },
  { id: 'science-tech', name: { zh: '区科技局', en: 'District Science and Technology Bureau' } },
  { id: 'commerce', name: { zh: '区商务局', en: 'District Commerce Bureau' } },
  { id: 'power-company', name: { zh: '区电力公司', en: 'District Power Supply Company' } },
  { id: 'health', name: { zh: '区卫健委', en: 'District Health Commission' } },
  { id: 'womens-federation', name: { zh: '区妇联', en: "District Women's Federation" } },
  { id: 'disabled-federation', name: { zh: '区残联', en: "District Disabled Persons' Federation" } },
  { id: 'rural-work-office', name: { zh: '区委农办', en: 'Rural Work Office of the District Party Committee' } },
  { id: 'publicity-dept', name: { zh: '区委宣传部', en: 'Publicity Department of the District Party Committee' } },
  {
    id: 'political-legal',
    name: { zh: '区委政法委', en: 'Political and Legal Affairs Commission of the District Party Committee' },
  },
  { id: 'public-security', name: { zh: '区公安局', en: 'District Public Security Bureau' } },
  { id: 'justice', name: { zh: '区司法局', en: 'District Justice Bureau' } },
  { id: 'emergency', name: { zh: '区应急管理局', en: 'District Emergency Management Bureau' } },
  {
    id: 'civilization-office',
    name: { zh: '区文明办', en: 'District Office of the Spiritual Civilization Development Commission' },
  },
];
