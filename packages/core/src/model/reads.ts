/** What a rule's condition reads (规则读取): the sources of derived facts, and the wording when a fact is unknown. */
import type { DerivedFact, LocalizedText } from './schema.js';
import { said } from './locales/index.js';

/** The indicator keys a derived fact (派生指标) is computed from. */
export function derivedSources(fact: DerivedFact): string[] {
  return fact.op === 'ratio' ? [fact.numerator, fact.denominator] : [fact.of];
}

/** Why a condition may not read `fact`: the one wording, for the resolver and the compiler. */
export function unknownFact(fact: string): LocalizedText {
  return said('condition.unknown-fact', { fact });
}
