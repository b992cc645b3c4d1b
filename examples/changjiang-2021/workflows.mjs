// Walk-through of the plan's workflows on simulated dates (流程演示), over a SQLite file or a
// PostgreSQL schema:
//  1. 留阳村 household lh-004: a department screening alert (部门筛查预警) → identification →
//     assistance → risk elimination (风险消除), clause 4.2;
//  2. 江联村's village plan (村庄规划): draft → consultation → villagers' vote → district approval
//     → publication, clause 3.1.
// Personal data (个人信息: the head's name, case notes) is sealed with keys kept apart from the
// database, and opened only for the roles that handle the case.
// Run after `pnpm build`: `pnpm example:workflows [database-file | postgres://… [schema]]`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMaintenance, createManualClock, createRuntime, evaluate, getPlan, memoryKeys } from '@ruralkit/core';
import { openPostgresStore } from '@ruralkit/store-postgres';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { parse } from 'yaml';

const plan = getPlan('changjiang-2021');
const where = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'ruralkit-example-')), 'workflows.db');
const store = /^postgres(ql)?:\/\//.test(where)
  ? await openPostgresStore({ connectionString: where, schema: process.argv[3] ?? 'ruralkit_example' })
  : openSqliteStore(where);
const clock = createManualClock('2022-03-01T09:00:00+08:00');
// The keyring of personal data lives apart from the data: here in memory for one run; a service
// keeps it in a file (`fileKeys` of @ruralkit/core/node, kept out of database backups) or a KMS.
// The maintenance (运维) does the store's own work: deadlines, delivery, audit checks.
const maintenance = createMaintenance({ store, clock });
const runtime = createRuntime({ plan, store, clock, maintenance, keys: memoryKeys() });
maintenance.subscribe((event) => {
  if (event.type !== 'transitioned' && event.type !== 'started')
    console.log(`    ⇒ 领域事件 domain event: ${event.type} ${JSON.stringify(event.data)}`);
});

const tenant = 'changjiang';
const who = {
  department: { id: 'district-rural-revitalization', roles: ['department'], tenant, unit: 'rural-revitalization' },
  cadre: { id: 'liuyang-cadre', roles: ['village-cadre'], tenant, township: 'nianyushan', village: 'liuyang' },
  liuyangCommittee: {
    id: 'liuyang-committee',
    roles: ['village-committee'],
    tenant,
    township: 'nianyushan',
    village: 'liuyang',
  },
  nianyushan: { id: 'nianyushan-official', roles: ['township-official'], tenant, township: 'nianyushan' },
  county: { id: 'district-approver-monitoring', roles: ['county-approver'], tenant },
  liyang: { id: 'liyang-official', roles: ['township-official'], tenant, township: 'liyang' },
  jianglianCommittee: {
    id: 'jianglian-committee',
    roles: ['village-committee'],
    tenant,
    township: 'liyang',
    village: 'jianglian',
  },
  district: { id: 'district-natural-resources', roles: ['district-approver'], tenant, unit: 'natural-resources' },
};

const today = () => clock.now().toISOString().slice(0, 10);
async function step(id, days, type, actor, payload) {
  clock.advanceDays(days);
  const result = await runtime.send(id, { type, actor, ...(payload ? { payload } : {}) });
  console.log(`  ${today()}  ${type.padEnd(28)} ${result.from} → ${result.to}`);
  return result;
}

console.log(store.schema ? `PostgreSQL schema: ${store.schema}\n` : `SQLite: ${where}\n`);
console.log('1. 留阳村 household lh-004 — 防止返贫监测 (clause 4.2)');
const data = parse(readFileSync(new URL('./data.yaml', import.meta.url), 'utf8'));
const report = evaluate(plan, data, { asOf: '2022-03-01' });
const liuyang = { ...report, households: report.households.filter((h) => h.subject.id === 'lh-004') };
const [alert] = await runtime.startFromScreening(liuyang, { tenant, actor: who.department });
console.log(
  `  ${today()}  FLAG (department-alert)       → verifying   [${report.households.find((h) => h.subject.id === 'lh-004').risks}]`,
);
const id = alert.instanceId;
await step(id, 3, 'CONFIRM_RISK', who.cadre, {
  perCapitaIncomeCny: 5200,
  riskTypes: ['income'],
  hasLaborCapacity: true,
  consentSigned: true,
  householdHead: '李建华',
});
const anyone = (await runtime.get(id)).context.householdHead;
const handler = (await runtime.get(id, { principal: who.cadre })).context.householdHead;
console.log(`    个人信息 personal data: ${anyone} to anyone, ${handler} to the village cadre`);
await step(id, 2, 'REVIEW_PASSED', who.liuyangCommittee, { meetingOn: '2022-03-06', attendees: 21 });
const notice = await runtime.publicNotice(id);
console.log(
  `    公示 public notice: ${notice.village.name.zh} ${notice.householdHead} ${notice.category?.name.zh ?? ''} ${notice.riskTypes.map((r) => r.name.zh).join('、')}`,
);
try {
  await step(id, 2, 'NOTICE_COMPLETED', who.liuyangCommittee);
} catch (error) {
  console.log(`    拒绝 refused: ${error.reasons.map((r) => r.zh).join('；')}`);
}
await step(id, 3, 'NOTICE_COMPLETED', who.liuyangCommittee);
await step(id, 1, 'TOWNSHIP_APPROVE', who.nianyushan);
await step(id, 2, 'COUNTY_APPROVE', who.county, { category: 'marginal' });
await step(id, 5, 'ADD_MEASURE', who.nianyushan, {
  riskType: 'income',
  measure: 'employment',
  unit: 'human-resources',
});
for (const month of ['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09']) {
  await step(id, 30, 'RECORD_INCOME', who.cadre, { month, perCapitaIncomeCny: 7400 });
}
await step(id, 1, 'RESOLVE_RISK', who.cadre, { riskType: 'income' });
await step(id, 1, 'PROPOSE_ELIMINATION', who.cadre);
await step(id, 6, 'ELIMINATION_NOTICE_COMPLETED', who.liuyangCommittee);
await step(id, 3, 'ELIMINATION_APPROVE', who.county);

console.log('\n2. 江联村 village plan — 村庄规划编制 (clause 3.1)');
clock.set('2022-04-06T09:00:00+08:00');
const planCase = await runtime.start('village-plan', {
  tenant,
  subject: { village: 'jianglian' },
  event: { type: 'START', actor: who.liyang },
});
console.log(`  ${today()}  START                        (start) → ${planCase.to}`);
const vp = planCase.instanceId;
await step(vp, 14, 'SUBMIT_DRAFT', who.liyang, { draft: '江联村村庄规划（2022—2035年）征求意见稿' });
await step(vp, 31, 'CLOSE_CONSULTATION', who.liyang);
await step(vp, 3, 'RECORD_VOTE', who.jianglianCommittee, { attendees: 86, inFavour: 71 });
await step(vp, 2, 'SUBMIT_FOR_APPROVAL', who.liyang);
await step(vp, 21, 'APPROVE', who.district);
const approved = await runtime.get(vp);
console.log(
  `    期限 deadline: publish by ${approved.deadlines[0].due} (${plan.parameters.find((p) => p.id === 'planning.publishMaxWorkingDays').values[0].value} working days)`,
);
clock.advanceDays(45);
for (const fired of await maintenance.tick()) {
  console.log(
    `  ${today()}  overdue: ${fired.deadline.id} due ${fired.deadline.due} → escalate to ${fired.deadline.escalateTo.join(', ')}`,
  );
}
await step(vp, 1, 'PUBLISH', who.liyang, { where: '丽阳镇人民政府网站、江联村村务公开栏' });

await maintenance.deliver();
const verification = await maintenance.verify();
console.log(
  `\n审计链 audit chain: ${verification.ok ? `intact, ${verification.entries} entries` : verification.message.en}`,
);
await store.close();
