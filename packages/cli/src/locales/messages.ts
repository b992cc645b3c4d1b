/**
 * The command line's messages (命令行消息): what `ruralkit` says — its errors, the lines it
 * prints, its headings and labels — as codes and their parameters. A `suggestion` is the valid
 * name nearest a mistyped one, said as "did you mean …?".
 */
import { messageOf, type Message } from '@ruralkit/core';

type None = Record<string, never>;

export interface CliMessages {
  // how the command was called
  'usage.unknown-command': { command: string; suggestion?: string | undefined };
  'usage.unknown-option': { option: string; command: string; suggestion?: string | undefined };
  /** An option without its value; `placeholder` is what to write, such as YYYY-MM-DD. */
  'usage.option-needs-value': { option: string; placeholder: string };
  'usage.option-takes-no-value': { option: string };
  'usage.one-of': { option: string; allowed: readonly string[]; value: string; suggestion?: string | undefined };
  'usage.seconds': { option: string; value: string };
  'usage.date': { option: string; value: string };
  'usage.unexpected-argument': { argument: string };
  /** The heading of the line that says where the usage is: "for usage, run". */
  'usage.see-help': None;
  // errors
  'error.internal': None;
  'error.internal-advice': None;
  // files
  'file.not-found': { file: string };
  'file.folder': { file: string };
  'file.unreadable': { file: string; code: string };
  /** A data file its parser refused; `problem` says why. */
  'file.invalid': { file: string; format: string; problem: Message };
  /** The parser's own words (English), as it said them. */
  'file.parser-says': { text: string };
  'file.parser-says-at': { line: number; column: number; text: string };
  // batch commands
  'batch.out-required': None;
  'batch.workers': { value: string };
  'batch.workers-capped': { workers: number; cores: number };
  /** What a batch did: the subjects and how many of them were flagged, the counts written as numbers are. */
  'batch.screened': { subjects: string; flagged: string };
  'batch.evaluated': { subjects: string; flagged: string };
  'batch.interrupted': { signal: string };
  'progress.records': None;
  'progress.elapsed': None;
  'progress.left': None;
  'batch.villages-file': None;
  'screen.households-file': None;
  // keygen, template, test
  'keygen.what-for': None;
  'keygen.where-keys-go': None;
  'template.unexpected-argument': { argument: string };
  'template.out-required': None;
  'test.scenarios-required': None;
  'test.not-found': { paths: readonly string[] };
  // batch lines
  'batch.line-too-long': { mb: number };
  /** The parser's words (English) about a line. */
  'batch.line-not-json': { problem: string };
  // optional packages
  /** An optional package not installed; `neededFor` is one of the `needed-for.*` messages. */
  'optional.missing': { packageName: string; neededFor: Message };
  'needed-for.xlsx': None;
  'needed-for.csv': None;
  'needed-for.sqlite': None;
  'needed-for.postgres': None;
  'needed-for.html-report': None;
  'needed-for.http': None;
  // input and output files
  'input.files': None;
  'output.is-input': { out: string; input: string };
  // relay
  /** What another package's error said, in its own words, passed on as a usage error. */
  'usage.passed-on': { zh: string; en: string };
  'relay.replay-from': { value: string };
  'relay.to-required': None;
  'relay.cannot-deliver': { destination: string; problem: string };
  /** Labels of `relay status` and of what a run delivered. */
  'relay.delivered-through': None;
  'relay.pending': None;
  'relay.dead-letters': None;
  'relay.queued-again': None;
  'relay.delivered': None;
  'relay.failed-batches': None;
  'needed-for.relay': None;
  // plans, stores and output folders
  'plan.unknown': { plan: string; known: readonly string[]; suggestion?: string | undefined };
  'output.folder-not-empty': { out: string };
  'store.database-url': { given: string };
  /** Both URLs without their passwords. */
  'store.url-over-environment': { flag: string; environment: string };
  'store.cannot-open': { problem: string };
  'store.one': None;
  'store.schema-without-url': None;
  'deadlines.failed': None;
  // workflow guards
  'workflow.no-database': { db: string };
  'workflow.keys-are-database': { db: string };
  'workflow.keys-folder-missing': { keys: string };
  'workflow.no-key-file': { keys: string };
  'workflow.at-not-a-time': { value: string };
  'workflow.at-too-far-ahead': { value: string; now: string };
  'workflow.at-before-last': { at: string; instance: string; updatedAt: string };
  // workflow audit: keys, checkpoints, verify
  'audit.key': None;
  'audit.keep-key-apart': None;
  'audit.out-required': None;
  'audit.key-exists': { file: string };
  /** A key file that is no Ed25519 key of the `kind` the option needs; `problem` says why. */
  'audit.not-a-key': { option: string; file: string; kind: 'private' | 'public'; problem: Message };
  'audit.key-window': { spec: string };
  'audit.key-required': None;
  /** The labels of `workflow verify`'s report, and what it says of signatures and checkpoints. */
  'audit.broken': None;
  'audit.intact': None;
  'audit.tenant': None;
  'audit.instances': None;
  'audit.domain-events': None;
  'audit.signed-entries': None;
  'audit.signed-checkpoints': None;
  'audit.signatures-not-checked': None;
  'audit.no-checkpoint': None;
  // workflow run, list and tasks
  'run.every': { seconds: number; tenant?: string | undefined };
  'deadlines.overdue-total': { total: number };
  'search.in-all': { total: number };
  'search.instances': None;
  'search.by-state': None;
  'search.tasks': None;
  'instance.allowed-now': None;
  'instance.none': None;
  'instance.escalated': None;
  'instance.overdue': None;
  'search.next-page': None;
  // serve
  'serve.port': { value: string };
  'serve.tick-or-no-tick': None;
  'serve.redis-url': { value: string };
  'serve.checkpoint-without-key': None;
  'serve.no-such-address': { host: string };
  /** A port that cannot be listened on: `inUse`, else not allowed; `other` is a port to try. */
  'serve.port-unavailable': { port: number; host: string; inUse: boolean; other: number };
  'serve.count': { option: string; value: string };
  'serve.county': { value: string };
  // evaluate
  'output.wrote': { file: string };
  'output.wrote-pages': { pages: number; folder: string };
  /** More villages or households than one report holds; `advice` is the streaming command to use. */
  'evaluate.too-large': { count: string; field: 'villages' | 'households'; limit: string; advice: string };
  'evaluate.input-required': None;
  'evaluate.xlsx-needs-out': None;
  'evaluate.strict': { count: number };
  'evaluate.needs-from-workflows': { option: string };
  'evaluate.tenant-required': None;
  'evaluate.rectifications-opened': { started: number; open: number };
  // token
  'usage.option-required': { option: string };
  /** A principal its schema refused: each problem as `path: message`, in the checker's words. */
  'token.invalid-principal': { problems: string };
  'token.key-refused': { file: string; problem: Message };
  'token.not-a-key': { file: string };
  'token.expires': { value: string; maxHours: number };
  // workflow
  'workflow.value-required': { option: string };
  /** Inline JSON its parser refused; `problem` in the parser's words. */
  'workflow.value-not-json': { option: string; problem: string };
  'workflow.event-type': None;
  'workflow.actor-required': None;
  'workflow.action-required': {
    actions: readonly string[];
    action?: string | undefined;
    suggestion?: string | undefined;
  };
  'workflow.type-required': { types: readonly string[] };
  'workflow.instance-required': None;
  'workflow.unknown-type': { type: string; types: readonly string[]; suggestion?: string | undefined };
  'workflow.subject-required': None;
  /** Options an action needs and was not given, as `--keys, --as`. */
  'workflow.options-required': { options: readonly string[] };
  'tick.batch': { batch: number; fired: number; total: number };
  'forget.erased': { keys: number; instances: number };
  /** The labels of `workflow show`. */
  'show.subject': None;
  'show.state': None;
  'show.deadline': None;
  'show.deadline-overdue': None;
  // plan show and diff
  'plan.action-required': { action?: string | undefined; suggestion?: string | undefined };
  'plan.unexpected-argument': { argument: string };
  'plan.plugin-required': None;
  /** The headings, column headers and notes of `plan show`. */
  'plan.in-force-on': None;
  'plan.plugins': None;
  'plan.heading.rules': None;
  'plan.heading.screening-rules': None;
  'plan.heading.parameters': None;
  'plan.heading.indicators': None;
  'plan.heading.units': None;
  'plan.heading.risk-types': None;
  'plan.heading.clauses': None;
  'plan.column.name': None;
  'plan.column.kind': None;
  'plan.column.strength': None;
  'plan.column.clauses': None;
  'plan.column.due': None;
  'plan.column.units': None;
  'plan.column.set-by': None;
  'plan.column.value': None;
  'plan.column.unit': None;
  'plan.column.stricter': None;
  'plan.column.from': None;
  'plan.column.source': None;
  'plan.column.subject': None;
  'plan.column.type': None;
  'plan.column.range': None;
  'plan.note.library-reading': None;
  'plan.note.assumption': None;
  'plan.note.required': None;
  'plan.clause-units': None;
  // lines printed in English alone (their Chinese ready for a `--lang`)
  /** One overdue deadline: the instance and deadline ids, the due date, the units to escalate to. */
  'deadline.overdue': { instance: string; deadline: string; due: string; escalateTo: readonly string[] };
  'deadline.tenant': { tenant: string };
  'serve.checkpoint-failed': { problem: string };
  'serve.relaying': { destination: string };
  'serve.ticking': { seconds: number };
  'serve.no-tick': None;
  'serve.no-token-key': None;
  'serve.serving': { plans: readonly string[]; address: string };
  'audit.checkpoints-signed': { count: number };
  /** A chain's length and the start of its head hash. */
  'audit.chain': { entries: number; head: string };
  'audit.checked': None;
  'audit.signatures-verified': None;
  /** A state that is final, after its name. */
  'instance.final': None;
  /** What an event did: `(start)` when it started the instance, `(already applied)` when it was a repeat. */
  'event.applied': {
    event: string;
    from?: string | null | undefined;
    to: string;
    version?: number | undefined;
    duplicate?: boolean | undefined;
  };
}

export const cliMessage = messageOf<CliMessages>();
