// The cases the workflow benchmarks drive (基准用例): poverty-monitoring households brought to
// `assisting` (on a manual clock, so the notice period passes at once), the state where
// RECORD_INCOME may be sent again and again.
import { getPlan } from '@ruralkit/core';

export const plan = getPlan('changjiang-2021');
export const tenant = 'bench';

/** The village cadre who records incomes, in `of`'s tenant. */
export const cadreOf = (of = tenant) => ({
  id: 'cadre',
  roles: ['village-cadre'],
  tenant: of,
  township: 'nianyushan',
  village: 'liuyang',
});
export const cadre = cadreOf();

/** The payload of the `i`th RECORD_INCOME. */
export const incomePayload = (i) => ({
  month: `2022-${String((i % 12) + 1).padStart(2, '0')}`,
  perCapitaIncomeCny: 7000 + (i % 500),
});

/** Start a case for each of `households` (in `of`'s tenant) and bring it to `assisting`; their instance ids. */
export async function assistingCases(runtime, clock, households, of = tenant) {
  const tenant = of;
  const cadre = cadreOf(of);
  const who = {
    department: { id: 'dept', roles: ['department'], tenant },
    committee: { ...cadre, id: 'committee', roles: ['village-committee'] },
    official: { id: 'official', roles: ['township-official'], tenant, township: 'nianyushan' },
    county: { id: 'county', roles: ['county-approver'], tenant },
  };
  const ids = [];
  for (const household of households) {
    const { instanceId } = await runtime.start('poverty-monitoring', {
      tenant,
      subject: { village: 'liuyang', household },
      event: {
        type: 'FLAG',
        actor: who.department,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
      },
    });
    ids.push(instanceId);
  }
  const steps = [
    [
      'CONFIRM_RISK',
      cadre,
      { perCapitaIncomeCny: 4000, riskTypes: ['income'], hasLaborCapacity: true, consentSigned: true },
    ],
    ['REVIEW_PASSED', who.committee, { meetingOn: '2022-01-02', attendees: 20 }],
    ['NOTICE_COMPLETED', who.committee, {}, 6],
    ['TOWNSHIP_APPROVE', who.official, {}],
    ['COUNTY_APPROVE', who.county, { category: 'marginal' }],
  ];
  for (const [type, actor, payload, days] of steps) {
    if (days) clock.advanceDays(days);
    for (const id of ids) await runtime.send(id, { type, actor, payload });
  }
  return ids;
}
