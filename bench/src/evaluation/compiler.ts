/**
 * Measurement e: the condition compiler (条件编译器) at the limit. Thirty rules of all/any/not
 * nesting, numeric comparisons and equal/in/contains over a village's facts (sixteen fields)
 * are run per facts object by ruralkit's `compileCondition`, by one hand-written function per
 * rule, by json-logic-engine's compiled `build()`, by json-rules-engine and, when
 * `FAST_JSON_RULES_ENGINE_PATH` names its build, by fast-json-rules-engine. Each returns the
 * ids of the rules that hold; before timing, every implementation must agree on every facts object.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LogicEngine } from 'json-logic-engine';
import { Engine } from 'json-rules-engine';
import { compileCondition, type Condition } from '@ruralkit/core';
import { report, usPerSubject, type BenchLine } from './measure.js';
import { toJsonLogic } from './peers.js';

/** A village's facts: every field given, well typed. */
export interface VillageFacts {
  population: number;
  households: number;
  incomePerCapita: number;
  incomeGrowth: number;
  collectiveIncome: number;
  county: string;
  terrain: string;
  roadKm: number;
  broadbandRate: number;
  tapWaterRate: number;
  toiletRate: number;
  elderlyShare: number;
  industries: string[];
  services: string[];
  year: number;
  retained: boolean;
}

type Hand = (f: VillageFacts) => boolean;

const COUNTIES = ['changjiang', 'hexi', 'nanshan', 'beiling', 'donghu'];
const TERRAINS = ['plain', 'hill', 'mountain'];
const INDUSTRIES = ['tea', 'tourism', 'ecommerce', 'fishery', 'bamboo', 'orchard'];
const SERVICES = ['clinic', 'school', 'express', 'market'];

const is = (fact: keyof VillageFacts, operator: string, value: unknown): Condition => ({ fact, operator, value });

/** The value frozen through, as a plan's conditions are once loaded. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

/** The thirty rules: a condition, and the function one would write for it by hand. */
const RULES: readonly (readonly [Condition, Hand])[] = frozen([
  [
    { all: [is('incomePerCapita', 'greaterThanInclusive', 20000), is('incomeGrowth', 'greaterThan', 0.05)] },
    (f) => f.incomePerCapita >= 20000 && f.incomeGrowth > 0.05,
  ],
  [
    { any: [is('county', 'in', ['changjiang', 'hexi']), is('collectiveIncome', 'greaterThanInclusive', 100)] },
    (f) => f.county === 'changjiang' || f.county === 'hexi' || f.collectiveIncome >= 100,
  ],
  [
    {
      all: [
        is('terrain', 'equal', 'mountain'),
        is('roadKm', 'lessThan', 10),
        { not: is('services', 'contains', 'clinic') },
      ],
    },
    (f) => f.terrain === 'mountain' && f.roadKm < 10 && !f.services.includes('clinic'),
  ],
  [
    {
      all: [
        is('broadbandRate', 'greaterThanInclusive', 0.9),
        is('tapWaterRate', 'greaterThanInclusive', 0.95),
        is('toiletRate', 'greaterThanInclusive', 0.85),
      ],
    },
    (f) => f.broadbandRate >= 0.9 && f.tapWaterRate >= 0.95 && f.toiletRate >= 0.85,
  ],
  [
    {
      any: [
        { all: [is('industries', 'contains', 'tourism'), is('roadKm', 'greaterThanInclusive', 5)] },
        { all: [is('industries', 'contains', 'ecommerce'), is('services', 'contains', 'express')] },
      ],
    },
    (f) =>
      (f.industries.includes('tourism') && f.roadKm >= 5) ||
      (f.industries.includes('ecommerce') && f.services.includes('express')),
  ],
  [
    { all: [is('elderlyShare', 'greaterThan', 0.3), is('services', 'doesNotContain', 'clinic')] },
    (f) => f.elderlyShare > 0.3 && !f.services.includes('clinic'),
  ],
  [
    {
      all: [
        is('population', 'greaterThanInclusive', 1000),
        is('households', 'greaterThanInclusive', 300),
        is('year', 'greaterThanInclusive', 2023),
      ],
    },
    (f) => f.population >= 1000 && f.households >= 300 && f.year >= 2023,
  ],
  [
    { any: [is('incomeGrowth', 'lessThan', 0), is('collectiveIncome', 'lessThan', 10)] },
    (f) => f.incomeGrowth < 0 || f.collectiveIncome < 10,
  ],
  [
    {
      all: [
        is('retained', 'equal', true),
        { any: [is('toiletRate', 'lessThan', 0.6), is('tapWaterRate', 'lessThan', 0.8)] },
      ],
    },
    (f) => f.retained && (f.toiletRate < 0.6 || f.tapWaterRate < 0.8),
  ],
  [
    {
      all: [
        is('county', 'notIn', ['nanshan', 'beiling']),
        is('terrain', 'notEqual', 'plain'),
        is('incomePerCapita', 'lessThan', 15000),
      ],
    },
    (f) => f.county !== 'nanshan' && f.county !== 'beiling' && f.terrain !== 'plain' && f.incomePerCapita < 15000,
  ],
  [
    { all: [is('industries', 'contains', 'tea'), is('terrain', 'in', ['hill', 'mountain'])] },
    (f) => f.industries.includes('tea') && (f.terrain === 'hill' || f.terrain === 'mountain'),
  ],
  [
    { not: { any: [is('broadbandRate', 'lessThan', 0.5), is('roadKm', 'lessThan', 2)] } },
    (f) => !(f.broadbandRate < 0.5 || f.roadKm < 2),
  ],
  [
    {
      all: [
        is('year', 'equal', 2025),
        is('collectiveIncome', 'greaterThan', 50),
        is('incomeGrowth', 'greaterThanInclusive', 0.03),
      ],
    },
    (f) => f.year === 2025 && f.collectiveIncome > 50 && f.incomeGrowth >= 0.03,
  ],
  [
    {
      any: [
        is('services', 'contains', 'market'),
        is('services', 'contains', 'express'),
        is('industries', 'contains', 'ecommerce'),
      ],
    },
    (f) => f.services.includes('market') || f.services.includes('express') || f.industries.includes('ecommerce'),
  ],
  [
    { all: [is('population', 'lessThan', 500), is('elderlyShare', 'greaterThanInclusive', 0.25)] },
    (f) => f.population < 500 && f.elderlyShare >= 0.25,
  ],
  [
    {
      all: [
        { any: [is('county', 'equal', 'donghu'), is('county', 'equal', 'hexi')] },
        is('incomePerCapita', 'greaterThan', 25000),
      ],
    },
    (f) => (f.county === 'donghu' || f.county === 'hexi') && f.incomePerCapita > 25000,
  ],
  [
    {
      all: [
        is('tapWaterRate', 'greaterThanInclusive', 0.9),
        is('broadbandRate', 'greaterThanInclusive', 0.8),
        is('roadKm', 'greaterThanInclusive', 8),
        is('retained', 'equal', true),
      ],
    },
    (f) => f.tapWaterRate >= 0.9 && f.broadbandRate >= 0.8 && f.roadKm >= 8 && f.retained,
  ],
  [
    {
      any: [
        { all: [is('terrain', 'equal', 'plain'), is('industries', 'contains', 'orchard')] },
        { all: [is('terrain', 'equal', 'hill'), is('industries', 'contains', 'bamboo')] },
        is('industries', 'contains', 'fishery'),
      ],
    },
    (f) =>
      (f.terrain === 'plain' && f.industries.includes('orchard')) ||
      (f.terrain === 'hill' && f.industries.includes('bamboo')) ||
      f.industries.includes('fishery'),
  ],
  [
    {
      all: [
        is('households', 'greaterThan', 0),
        is('population', 'lessThanInclusive', 3000),
        is('collectiveIncome', 'greaterThanInclusive', 20),
        is('collectiveIncome', 'lessThanInclusive', 150),
      ],
    },
    (f) => f.households > 0 && f.population <= 3000 && f.collectiveIncome >= 20 && f.collectiveIncome <= 150,
  ],
  [
    { not: { all: [is('retained', 'equal', true), is('toiletRate', 'greaterThanInclusive', 0.9)] } },
    (f) => !(f.retained && f.toiletRate >= 0.9),
  ],
  [
    { all: [is('incomeGrowth', 'greaterThan', 0.1), is('county', 'in', ['changjiang', 'nanshan', 'donghu'])] },
    (f) => f.incomeGrowth > 0.1 && (f.county === 'changjiang' || f.county === 'nanshan' || f.county === 'donghu'),
  ],
  [
    {
      any: [
        is('elderlyShare', 'greaterThan', 0.4),
        { all: [is('population', 'lessThan', 300), is('services', 'doesNotContain', 'school')] },
      ],
    },
    (f) => f.elderlyShare > 0.4 || (f.population < 300 && !f.services.includes('school')),
  ],
  [
    {
      all: [
        is('industries', 'doesNotContain', 'tourism'),
        is('roadKm', 'greaterThan', 15),
        is('terrain', 'equal', 'mountain'),
      ],
    },
    (f) => !f.industries.includes('tourism') && f.roadKm > 15 && f.terrain === 'mountain',
  ],
  [
    { all: [is('year', 'lessThan', 2024), is('broadbandRate', 'lessThan', 0.7)] },
    (f) => f.year < 2024 && f.broadbandRate < 0.7,
  ],
  [
    {
      any: [
        is('incomePerCapita', 'greaterThanInclusive', 35000),
        is('collectiveIncome', 'greaterThanInclusive', 180),
        { all: [is('incomeGrowth', 'greaterThan', 0.12), is('year', 'greaterThanInclusive', 2024)] },
      ],
    },
    (f) => f.incomePerCapita >= 35000 || f.collectiveIncome >= 180 || (f.incomeGrowth > 0.12 && f.year >= 2024),
  ],
  [
    {
      all: [
        is('services', 'contains', 'school'),
        is('services', 'contains', 'clinic'),
        is('population', 'greaterThanInclusive', 2000),
      ],
    },
    (f) => f.services.includes('school') && f.services.includes('clinic') && f.population >= 2000,
  ],
  [
    {
      all: [
        is('county', 'equal', 'beiling'),
        {
          any: [
            is('tapWaterRate', 'lessThan', 0.7),
            is('toiletRate', 'lessThan', 0.7),
            is('broadbandRate', 'lessThan', 0.7),
          ],
        },
      ],
    },
    (f) => f.county === 'beiling' && (f.tapWaterRate < 0.7 || f.toiletRate < 0.7 || f.broadbandRate < 0.7),
  ],
  [
    { all: [is('retained', 'equal', false), is('incomeGrowth', 'lessThanInclusive', 0.02)] },
    (f) => !f.retained && f.incomeGrowth <= 0.02,
  ],
  [
    {
      any: [
        {
          all: [
            is('terrain', 'notEqual', 'mountain'),
            is('roadKm', 'greaterThanInclusive', 3),
            is('roadKm', 'lessThanInclusive', 12),
          ],
        },
        { not: is('industries', 'contains', 'tea') },
      ],
    },
    (f) => (f.terrain !== 'mountain' && f.roadKm >= 3 && f.roadKm <= 12) || !f.industries.includes('tea'),
  ],
  [
    {
      all: [
        is('households', 'greaterThanInclusive', 100),
        is('incomePerCapita', 'greaterThanInclusive', 12000),
        is('incomeGrowth', 'greaterThan', -0.02),
        is('tapWaterRate', 'greaterThan', 0.5),
        is('county', 'notIn', ['nanshan']),
      ],
    },
    (f) =>
      f.households >= 100 &&
      f.incomePerCapita >= 12000 &&
      f.incomeGrowth > -0.02 &&
      f.tapWaterRate > 0.5 &&
      f.county !== 'nanshan',
  ],
]);

const IDS = RULES.map((_, i) => `r${String(i + 1).padStart(2, '0')}`);

/** A deterministic generator of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` villages' facts, all of one shape, with values spread so that every rule holds for some. */
export function villageFactsPool(count: number, seed: number): VillageFacts[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const some = (list: readonly string[]) => list.filter(() => r() < 0.35);
  const rate = () => Math.round((0.3 + 0.7 * r()) * 100) / 100;
  return Array.from({ length: count }, () => {
    const population = 150 + Math.floor(r() * 4500);
    return {
      population,
      households: Math.floor(population / (2.5 + r())),
      incomePerCapita: 9000 + Math.floor(r() * 30000),
      incomeGrowth: Math.round((r() * 0.2 - 0.04) * 1000) / 1000,
      collectiveIncome: Math.floor(r() * 200),
      county: pick(COUNTIES),
      terrain: pick(TERRAINS),
      roadKm: Math.round(r() * 200) / 10,
      broadbandRate: rate(),
      tapWaterRate: rate(),
      toiletRate: rate(),
      elderlyShare: Math.round(r() * 50) / 100,
      industries: some(INDUSTRIES),
      services: some(SERVICES),
      year: 2021 + Math.floor(r() * 5),
      retained: r() < 0.7,
    };
  });
}

/**
 * Runs the thirty rules over one facts object (timed), giving what the implementation gives;
 * `held` reads the ids of the rules that hold from it, in order (not timed).
 */
interface Implementation {
  run(facts: VillageFacts): unknown;
  held(result: unknown): string[];
}

/** One function per rule, run in turn: the ids of those that hold. */
function eachRule(tests: readonly ((facts: VillageFacts) => unknown)[]): Implementation {
  return {
    run: (facts) => {
      const held: string[] = [];
      for (let i = 0; i < tests.length; i++) if (tests[i]!(facts)) held.push(IDS[i]!);
      return held;
    },
    held: (result) => result as string[],
  };
}

/** An engine's events, as rule ids in order. */
function eventTypes(result: unknown): string[] {
  return (result as { events: { type: string }[] }).events.map((e) => e.type).sort();
}

function ruralkit(): Implementation {
  const compiled = RULES.map(([condition]) => compileCondition(condition));
  return eachRule(compiled as readonly ((facts: object) => boolean)[]);
}

function jsonLogicEngine(): Implementation {
  const engine = new LogicEngine();
  return eachRule(RULES.map(([condition]) => engine.build(toJsonLogic(condition)) as (facts: object) => unknown));
}

function jsonRulesEngine(): Implementation {
  const engine = new Engine(
    RULES.map(([condition], i) => ({ conditions: structuredClone(condition) as never, event: { type: IDS[i]! } })),
  );
  return { run: (facts) => engine.run(facts as never), held: eventTypes };
}

/** fast-json-rules-engine's module, as its build exports it. */
interface FastJsonRulesEngine {
  compile(rules: object[]): { run(facts: object): { events: { type: string }[] } };
}

/** fast-json-rules-engine from a build (its folder, or the module file), or the reason it is left out. */
async function fastJsonRulesEngine(path: string | undefined): Promise<Implementation | string> {
  if (!path) return 'FAST_JSON_RULES_ENGINE_PATH is not set';
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'dist', 'index.mjs') : path;
  if (!existsSync(file)) return `no build at ${file}`;
  const { compile } = (await import(pathToFileURL(file).href)) as FastJsonRulesEngine;
  const engine = compile(RULES.map(([condition], i) => ({ conditions: condition, event: { type: IDS[i]! } })));
  return { run: (facts) => engine.run(facts), held: eventTypes };
}

export interface CompilerBenchOptions {
  /** Distinct facts objects. */
  facts: number;
  /** Passes over them per timed pass for the fast implementations (json-rules-engine makes one over 200). */
  repeat: number;
  /** Rounds: each times every implementation once (after a warm-up pass); the best counts. */
  rounds: number;
  seed?: number;
  /** fast-json-rules-engine's build: its folder or module file. */
  fastJsonRulesEnginePath?: string | undefined;
  write?: (text: string) => void;
}

/** The ratio to hand-written code ruralkit's compiled conditions aim at. */
const TARGET = 1.5;

/** Every implementation finds the same rules holding on every facts object; else throws naming the first difference. */
async function checkAgreement(impls: Record<string, Implementation>, pool: readonly VillageFacts[]): Promise<void> {
  const expected = eachRule(RULES.map(([, hand]) => hand));
  let held = 0;
  for (const [n, facts] of pool.entries()) {
    const want = expected.held(expected.run(facts));
    held += want.length;
    for (const [impl, { run, held: ids }] of Object.entries(impls)) {
      const got = ids(await run(facts));
      if (got.join() !== want.join())
        throw new Error(`${impl} disagrees on facts #${n}: ${got.join()} vs ${want.join()}`);
    }
  }
  if (held === 0) throw new Error('no rule holds on any facts object: the data is wrong');
}

/** Run measurement e; returns the BENCH lines printed (one per implementation, then the target). */
export async function benchCompiler(options: CompilerBenchOptions): Promise<BenchLine[]> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const pool = villageFactsPool(options.facts, options.seed ?? 1);
  const impls: Record<string, Implementation> = {
    ruralkit: ruralkit(),
    'hand-written': eachRule(RULES.map(([, hand]) => hand)),
    'json-logic-engine': jsonLogicEngine(),
    'json-rules-engine': jsonRulesEngine(),
  };
  const fast = await fastJsonRulesEngine(options.fastJsonRulesEnginePath);
  if (typeof fast === 'string') write(`note: fast-json-rules-engine left out: ${fast}\n`);
  else impls['fast-json-rules-engine'] = fast;
  await checkAgreement(impls, pool);
  const repeated = Array.from({ length: options.repeat }, () => pool).flat();
  /** json-rules-engine is timed on the first 200 facts objects: it is a thousand times slower. */
  const slow = pool.slice(0, 200);
  // Rounds interleaved, so that the machine's other work weighs on every implementation alike.
  const times: Record<string, number> = {};
  for (let round = 0; round < options.rounds; round++) {
    for (const [impl, { run }] of Object.entries(impls)) {
      const us = await usPerSubject(impl === 'json-rules-engine' ? slow : repeated, run, 1);
      times[impl] = Math.min(times[impl] ?? Infinity, us);
    }
  }
  const hand = times['hand-written']!;
  const lines = Object.entries(times).map(([impl, us]) =>
    report({ name: 'compiler', impl, usPerSubject: us, rules: RULES.length, ratioToHandWritten: us / hand }, write),
  );
  const ours = times.ruralkit!;
  const ahead = Object.entries(times)
    .filter(([impl]) => impl !== 'ruralkit' && impl !== 'hand-written')
    .map(([impl, us]) => [`aheadOf_${impl}`, ours < us] as const);
  const ratio = ours / hand;
  lines.push(
    report(
      {
        name: 'compiler-target',
        impl: 'ruralkit',
        usPerSubject: ours,
        ratioToHandWritten: ratio,
        target: TARGET,
        met: ratio <= TARGET,
        ...Object.fromEntries(ahead),
      },
      write,
    ),
  );
  return lines;
}
