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
