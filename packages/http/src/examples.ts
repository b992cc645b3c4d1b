/**
 * Examples (示例) shown with each operation that takes a body in the OpenAPI document and on the
 * `/docs` page: small, valid requests for the Changjiang plan (illustrative values).
 */

/** A village and a household, judged as of a date. */
export const EVALUATION_INPUT_EXAMPLE = {
  villages: [
    {
      id: 'liuyang',
      attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
      indicators: { '2025': { tapWaterRate: 0.87, collectiveIncomeCny: 189000 } },
    },
  ],
  households: [{ id: 'lh-001', villageId: 'liuyang', size: 4, annualNetIncomeCny: 58000 }],
};

/** Villages for batch evaluation, one JSON object per line; a first line may give the district. */
export const VILLAGES_NDJSON_EXAMPLE = `${JSON.stringify(EVALUATION_INPUT_EXAMPLE.villages[0])}\n`;

/** Households for screening, one JSON object per line. */
export const HOUSEHOLDS_NDJSON_EXAMPLE = `${JSON.stringify(EVALUATION_INPUT_EXAMPLE.households[0])}\n${JSON.stringify({ id: 'lh-002', villageId: 'liuyang', size: 2, annualNetIncomeCny: 9000, hasLaborCapacity: false })}\n`;

/** Starting a poverty-monitoring case for a household flagged by a department. */
export const START_EXAMPLE = {
  subject: { village: 'liuyang', household: 'lh-001' },
  event: { type: 'FLAG', payload: { channel: 'department-alert', riskTypes: ['income'], note: '' } },
};

/** An event sent to an instance. */
export const EVENT_EXAMPLE = { type: 'SUBMIT_DRAFT', payload: { draft: 'liuyang-plan-v1' } };

const LIUYANG_CASE = {
  id: 'c1a6a0de-5b1f-4f3e-9a57-0f4d2b7e8a11',
  type: 'poverty-monitoring',
  state: 'verifying',
  status: 'active',
  subject: { village: 'liuyang', township: 'nianyushan', household: 'lh-001' },
  due: '2022-01-31',
  overdue: false,
  deadlines: [{ id: 'identification', due: '2022-01-31', overdue: false, escalateTo: ['civil-affairs'] }],
  version: 1,
  updatedAt: '2022-01-03T01:00:00.000Z',
};

/** A page of a township office's search, `?state=verifying&limit=1&counts=true`. */
export const INSTANCE_PAGE_EXAMPLE = {
  instances: [LIUYANG_CASE],
  next: 'WyIyMDIyLTAxLTMxVDE2OjAwOjAwLjAwMFoiLCJjMWE2YTBkZS01YjFmLTRmM2UtOWE1Ny0wZjRkMmI3ZThhMTEiXQ',
  counts: { verifying: 3 },
};

/** A village cadre's task list. */
export const TASK_PAGE_EXAMPLE = {
  tasks: [{ ...LIUYANG_CASE, events: ['FLAG', 'CONFIRM_RISK', 'REJECT_RISK'], escalated: false }],
  next: null,
};
