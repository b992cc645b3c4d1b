/**
 * Measurements a and b: the plan's village rules, ruralkit against its peers on the same
 * villages, first statuses only, then with an explanation for every not-met result. Before
 * timing, every implementation must agree with ruralkit on every village and rule.
 */
import {
  createBatchEvaluator,
  type ExplainLevel,
  type Plan,
  type RuleResult,
  type VillageInput,
  type YearlyValues,
} from '@ruralkit/core';
import { report, usPerSubject, type BenchLine } from './measure.js';
import { closures, engine, jsonLogicPeer, type Outcome, type Peer, type Setting } from './peers.js';

export interface VillageBenchOptions {
  plan: Plan;
  asOf: string;
  district: { indicators?: YearlyValues; reference?: YearlyValues };
  villages: readonly VillageInput[];
  rounds: number;
  write?: (text: string) => void;
}

/** ruralkit as a peer: statuses (or explanations of not-met results) from the batch evaluator. */
function ruralkit(plan: Plan, asOf: string, district: VillageBenchOptions['district'], explain: ExplainLevel) {
  const evaluator = createBatchEvaluator(plan, { asOf, district, explain });
  return (record: VillageInput) => evaluator.village(record);
}

function outcomeOf(status: string): Outcome {
  if (status === 'met' || status === 'not-met' || status === 'not-applicable') return status;
  throw new Error(`the benchmark data must decide every rule; got "${status}"`);
}

/** Every peer agrees with ruralkit on every village and rule; else throws naming the first difference. */
async function checkAgreement(options: VillageBenchOptions, peers: Peer[]): Promise<void> {
  const judge = ruralkit(options.plan, options.asOf, options.district, 'not-met');
  for (const record of options.villages) {
    const evaluation = judge(record);
    const expected = evaluation.results.map((r) => outcomeOf(r.status));
    const explained = evaluation.results.filter((r): r is RuleResult => 'message' in r).map((r) => r.ruleId);
    for (const peer of peers) {
      for (const explain of [false, true]) {
        const result = await peer.village(record, explain);
        const i = result.outcomes.findIndex((o, k) => o !== expected[k]);
        if (i >= 0 || result.outcomes.length !== expected.length) {
          throw new Error(
            `${peer.impl} disagrees with ruralkit on ${record.id}, ${evaluation.results[i]?.ruleId}: ${result.outcomes[i]} vs ${expected[i]}`,
          );
        }
        const peerExplained = (result.explanations ?? []).map((e) => e.ruleId);
        if (explain && peerExplained.join() !== explained.join()) {
          throw new Error(`${peer.impl} explains other rules than ruralkit on ${record.id}`);
        }
      }
    }
  }
}

/**
 * Issue 24's targets: ruralkit within this many times the hand-written closures (statuses; with
 * explanations), and ahead of json-rules-engine and json-logic-js.
 */
const TARGET_OVER_CLOSURES = { 'village-rules': 1.3, 'village-rules-explained': 1.8 } as const;

/** Run measurements a and b; returns the BENCH lines printed. */
export async function benchVillages(options: VillageBenchOptions): Promise<BenchLine[]> {
  const { plan, asOf, district, villages, rounds } = options;
  const setting: Setting = { plan, asOf, year: asOf.slice(0, 4), reference: district.reference ?? {} };
  const peers = [engine(setting), jsonLogicPeer(setting), closures(setting)];
  await checkAgreement(options, peers);
  const rules = plan.rules.filter((r) => r.subject === 'village').length;
  const lines: BenchLine[] = [];
  for (const [name, explain] of [
    ['village-rules', false],
    ['village-rules-explained', true],
  ] as const) {
    const times: Record<string, number> = {};
    times.ruralkit = await usPerSubject(villages, ruralkit(plan, asOf, district, explain ? 'not-met' : 'none'), rounds);
    for (const peer of peers) times[peer.impl] = await usPerSubject(villages, (v) => peer.village(v, explain), rounds);
    for (const [impl, us] of Object.entries(times)) {
      const ratioToClosures = us / times.closures!;
      const ahead = peers.every((p) => p.impl === 'closures' || times[p.impl]! > us);
      const ratios =
        impl === 'ruralkit'
          ? {
              ...Object.fromEntries(peers.map((p) => [`speedupOver_${p.impl}`, times[p.impl]! / us] as const)),
              ratioToClosures,
              target: `ratioToClosures <= ${TARGET_OVER_CLOSURES[name]}, ahead of json-rules-engine and json-logic-js`,
              met: ratioToClosures <= TARGET_OVER_CLOSURES[name] && ahead,
            }
          : { ruralkitSpeedup: us / times.ruralkit! };
      lines.push(report({ name, impl, usPerSubject: us, subjects: villages.length, rules, ...ratios }, options.write));
    }
  }
  return lines;
}
