/**
 * The plugins' messages (插件消息): the codes of why a county plugin is refused, of why a change
 * loosens the plan, and of the labels of a plan's diff, with their parameters. Their words are
 * in `zh.ts` and `en.ts`.
 */
import { messageOf, type Message } from '../../model/message.js';

/** Rules or screening rules (筛查规则). */
export type RuleKind = 'rule' | 'screening-rule';

/** What a change of `diffPlan` is about. */
export type PlanChangeKind =
  | 'parameter'
  | 'rule'
  | 'screening-rule'
  | 'indicator'
  | 'unit'
  | 'risk-type'
  | 'messages'
  | 'responsibility'
  | 'workflow-role'
  | 'workflow'
  | 'operator';

export interface PluginMessages {
  /**
   * A plugin refused: where, and the problem as said in the language of these words (its
   * sentence comes from this area or another); `more` further problems found at once.
   */
  'plugin.refused': { plugin: string; path: string; problem: string; more: number };
  /** How many problems a plugin's shape has (in the error's log line). */
  'plugin.problem-count': { count: number };
  /** The same plugin loaded twice; `position` counts from 1. */
  'plugin.given-twice': { position: number };
  'plugin.dependency-missing': { dependency: string };
  /** The plugins of a dependency cycle, the first one again at the end. */
  'plugin.dependency-cycle': { cycle: string[] };
  /** `resolvePlan` given a plan that plugins already changed. */
  'plugin.resolved-base': Record<string, never>;
  'plugin.operators-not-object': Record<string, never>;
  /** The plugin's shape is wrong: the schema's own issue text. */
  'plugin.invalid-shape': { issue: string };
  'plugin.operator-not-function': Record<string, never>;
  'plugin.workflows-not-list': Record<string, never>;
  /** The plugin extends another plan than the one resolved. */
  'plugin.other-plan': { extends: string; plan: string };
  'plugin.core-range-invalid': { range: string };
  'plugin.core-unsupported': { range: string; version: string };
  'plugin.clause-unknown': { clause: string };
  'plugin.unit-unknown': { unit: string };
  'plugin.due-not-date': { due: string };
  'plugin.risk-type-unknown': { riskType: string };
  'plugin.indicator-unknown': { indicator: string };
  /** A condition that does not compile: the compiler's text. */
  'plugin.condition-invalid': { error: string };
  /** Two plugins change the same thing (`key`) and neither depends on the other. */
  'plugin.overlap': { other: string; key: string };
  'plugin.operator-builtin': { name: string };
  'plugin.workflow-exists': { workflow: string };
  /** A unit, indicator or risk type added that the plan already has. */
  'plugin.exists': { kind: 'unit' | 'indicator' | 'risk-type'; id: string };
  /** A parameter's unit or direction of strictness changed. */
  'plugin.parameter-field-fixed': { parameter: string; field: 'unit' | 'stricter'; from: string; to: string };
  /** A parameter the plan lacks, without what a new parameter needs. */
  'plugin.parameter-unknown': { parameter: string };
  'plugin.rule-unknown': { kind: RuleKind; id: string };
  'plugin.rule-unknown-to-replace': { kind: RuleKind; id: string };
  'plugin.rule-exists': { kind: RuleKind; id: string };
  'plugin.workflow-unknown': { workflow: string };
  'plugin.event-unknown': { workflow: string; event: string };
  'plugin.role-unknown': { role: string };
  /** A loosening (放宽) without a `relax` declaration: what is loosened, and why it counts as one. */
  'plugin.loosening-undeclared': { id: string; why: Message };
  'plugin.relax-unneeded': { id: string };
  /** A placeholder `{v:…}` naming no indicator or derived value. */
  'plugin.template-value-unknown': { placeholder: string };
  /** A placeholder `{p:…}` naming no parameter. */
  'plugin.template-parameter-unknown': { placeholder: string };
  /** Something in braces that is no placeholder. */
  'plugin.template-not-placeholder': { text: string };
  /** More roles may send a workflow's event. */
  'loosening.roles-widened': { roles: string[]; event: string };
  /** A parameter moved the lenient way from a date: later (a date), lower or higher. */
  'loosening.parameter': { from: string; move: 'later' | 'lower' | 'higher' };
  'loosening.rule-disabled': Record<string, never>;
  'loosening.screening-rule-disabled': Record<string, never>;
  /** A binding rule replaced by one of another strength. */
  'loosening.not-binding': { strength: string };
  'loosening.subject-changed': { from: string; to: string };
  'loosening.kind-changed': { from: string; to: string };
  /** The replacement's applicability cannot be shown to hold wherever the plan's did. */
  'loosening.applicability': Record<string, never>;
  'loosening.risk-type-changed': { from: string; to: string };
  /** The replacement screening condition cannot be shown to flag every household the plan's flagged. */
  'loosening.screening-condition': Record<string, never>;
  /** The replacement's due parameter (none: null) is no date parameter of the same direction as `old`. */
  'loosening.due-not-date': { due: string | null; old: string };
  /** The replacement's due date is later than the plan's on `on`. */
  'loosening.due-later': { due: string; on: string; value: string; old: string; oldValue: string };
  'loosening.derived-differs': { name: string };
  'loosening.operator-unproven': { operator: string };
  /** `any` in place of `all`. */
  'loosening.any-for-all': Record<string, never>;
  /** A fact compared with a literal where the plan compares it with a parameter. */
  'loosening.literal-for-parameter': { fact: string; value: string | number | boolean };
  'loosening.condition-unproven': Record<string, never>;
  /** The labels of `diffToMarkdown` (方案差异). */
  'diff.title': Record<string, never>;
  'diff.plugins': Record<string, never>;
  'diff.base-hash': Record<string, never>;
  'diff.resolved-hash': Record<string, never>;
  'diff.column.kind': Record<string, never>;
  'diff.column.change': Record<string, never>;
  'diff.column.by': Record<string, never>;
  'diff.column.details': Record<string, never>;
  'diff.relaxed-targets': Record<string, never>;
  'diff.custom-operator': Record<string, never>;
  /** What kind of thing a change is about. */
  'diff.kind': { kind: PlanChangeKind };
  /** A parameter's values in a rule's name, each with the date it applies from. */
  'diff.dated-values': { values: { value: string; from: string }[] };
}

export const pluginMessage = messageOf<PluginMessages>();
