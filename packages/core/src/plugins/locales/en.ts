/** The plugins' words in English (插件消息的英文措辞). */
import type { WordsOf } from '../../model/message.js';
import type { PluginMessages, RuleKind } from './messages.js';

const RULE: Record<RuleKind, string> = { rule: 'rule', 'screening-rule': 'screening rule' };
const ADDED = { unit: 'unit', indicator: 'indicator', 'risk-type': 'risk type' } as const;
/** How a parameter moved, and which way is stricter. */
const MOVE = {
  later: ['moves it later', 'earlier'],
  lower: ['lowers it', 'higher'],
  higher: ['raises it', 'lower'],
} as const;

export const en: WordsOf<PluginMessages> = {
  'plugin.refused': (p) =>
    `plugin ${p.plugin}${p.path ? ` at ${p.path}` : ''}: ${p.problem}${p.more ? ` (and ${p.more} more problems)` : ''}`,
  'plugin.problem-count': (p) => `${p.count} problems`,
  'plugin.given-twice': (p) => `the plugin is given twice (#${p.position})`,
  'plugin.dependency-missing': (p) => `depends on plugin "${p.dependency}", which is not loaded`,
  'plugin.dependency-cycle': (p) => `cyclic dependency: ${p.cycle.join(' → ')}`,
  'plugin.resolved-base': () => 'resolve plugins against the base plan, not a resolved one',
  'plugin.operators-not-object': () => 'operators must be an object of name → function',
  'plugin.invalid-shape': (p) => `invalid: ${p.issue}`,
  'plugin.operator-not-function': () => 'a custom operator must be a function',
  'plugin.workflows-not-list': () => 'workflows must be a list of workflow definitions',
  'plugin.other-plan': (p) => `extends plan "${p.extends}", not "${p.plan}"`,
  'plugin.core-range-invalid': (p) => `"${p.range}" is not a version range`,
  'plugin.core-unsupported': (p) => `supports @ruralkit/core ${p.range}, but this is ${p.version}`,
  'plugin.clause-unknown': (p) => `no clause "${p.clause}" in the plan`,
  'plugin.unit-unknown': (p) => `no unit "${p.unit}" in the plan`,
  'plugin.due-not-date': (p) => `"${p.due}" is not a date parameter`,
  'plugin.risk-type-unknown': (p) => `no risk type "${p.riskType}"`,
  'plugin.indicator-unknown': (p) => `no indicator "${p.indicator}"`,
  'plugin.condition-invalid': (p) => `invalid condition: ${p.error}`,
  'plugin.overlap': (p) => `changes ${p.key}, which plugin "${p.other}" also changes, and neither depends on the other`,
  'plugin.operator-builtin': (p) => `cannot override the built-in operator "${p.name}"`,
  'plugin.workflow-exists': (p) => `the plan already has the workflow "${p.workflow}"`,
  'plugin.exists': (p) => `${ADDED[p.kind]} "${p.id}" already exists`,
  'plugin.parameter-field-fixed': (p) =>
    `cannot change the ${p.field} of parameter "${p.parameter}" from "${p.from}" to "${p.to}"`,
  'plugin.parameter-unknown': (p) =>
    `the plan has no parameter "${p.parameter}"; a new parameter needs name, unit, stricter and source`,
  'plugin.rule-unknown': (p) => `no ${RULE[p.kind]} "${p.id}" in the plan`,
  'plugin.rule-unknown-to-replace': (p) => `no ${RULE[p.kind]} "${p.id}" in the plan to replace`,
  'plugin.rule-exists': (p) => `${RULE[p.kind]} "${p.id}" already exists: use replace`,
  'plugin.workflow-unknown': (p) => `no workflow "${p.workflow}"`,
  'plugin.event-unknown': (p) => `workflow ${p.workflow} has no event "${p.event}"`,
  'plugin.role-unknown': (p) => `no role "${p.role}"`,
  'plugin.loosening-undeclared': (p) => `loosens "${p.id}": ${p.why}; declare it in relax with a reason`,
  'plugin.relax-unneeded': (p) => `declares relaxing "${p.id}", which it does not loosen`,
  'plugin.template-value-unknown': (p) => `{${p.placeholder}} in the message is no indicator or derived value`,
  'plugin.template-parameter-unknown': (p) => `{${p.placeholder}} in the message is no parameter of the plan`,
  'plugin.template-not-placeholder': (p) =>
    `${p.text} in the message is no placeholder (use {subject}, {year}, {due}, {v:key} or {p:parameter})`,
  'loosening.roles-widened': (p) => `lets ${p.roles.join(', ')} send ${p.event} as well, widening who may act`,
  'loosening.parameter': (p) => `${MOVE[p.move][0]} from ${p.from}, while ${MOVE[p.move][1]} is stricter`,
  'loosening.rule-disabled': () => 'it disables a binding rule',
  'loosening.screening-rule-disabled': () => 'it disables a screening rule: its risk is no longer flagged',
  'loosening.not-binding': (p) => `it is no longer binding (now ${p.strength})`,
  'loosening.subject-changed': (p) =>
    `its subject changes from ${p.from} to ${p.to}, so the ${p.from} results disappear`,
  'loosening.kind-changed': (p) => `its kind changes from ${p.from} to ${p.to}`,
  'loosening.applicability': () =>
    'its applicability cannot be shown to hold wherever the plan’s did (results may become not applicable)',
  'loosening.risk-type-changed': (p) => `its risk type changes from ${p.from} to ${p.to}`,
  'loosening.screening-condition': () =>
    'the new condition cannot be shown to flag every household the plan’s flagged (same facts, same comparisons, thresholds at least as wide under every value in force in the plan period)',
  'loosening.due-not-date': (p) =>
    `its due date ${p.due ?? '(none)'} is not a date parameter of the same direction as ${p.old}`,
  'loosening.due-later': (p) =>
    `its due date ${p.due} in force on ${p.on} is ${p.value}, later than ${p.old}'s ${p.oldValue}`,
  'loosening.derived-differs': (p) => `the derived fact "${p.name}" is not defined as in the plan's rule`,
  'loosening.operator-unproven': (p) =>
    `the operator "${p.operator}" cannot be shown to be as strict as the plan's condition`,
  'loosening.any-for-all': () =>
    'any (one of) in place of all: the new condition cannot be shown to be at least as strict',
  'loosening.literal-for-parameter': (p) =>
    `"${p.fact}" is compared with the literal ${JSON.stringify(p.value)} where the plan compares it with a parameter`,
  'loosening.condition-unproven': () =>
    'the new condition cannot be shown to be at least as strict (the same facts, each comparison at least as strict under every parameter value in force in the plan period; any in place of all is not)',
  'diff.title': () => 'Plan changes',
  'diff.plugins': () => 'plugins',
  'diff.base-hash': () => 'base hash',
  'diff.resolved-hash': () => 'resolved hash',
  'diff.column.kind': () => 'kind',
  'diff.column.change': () => 'change',
  'diff.column.by': () => 'by',
  'diff.column.details': () => 'details',
  'diff.relaxed-targets': () => 'Relaxed targets',
  'diff.custom-operator': () => 'custom operator',
  'diff.kind': (p) => p.kind,
  'diff.dated-values': (p) => p.values.map((v) => `${v.value} from ${v.from}`).join(', '),
};
