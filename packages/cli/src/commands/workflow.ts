/**
 * `ruralkit workflow`: start instances, send events, show, list history, fire deadlines (once,
 * or on schedule: `run`) and verify the audit chains of a workflow database (流程数据库): a
 * SQLite file (`--db`) or a PostgreSQL schema (`--database-url`, `--schema`).
 */
import {
  historySaid,
  createManualClock,
  createMaintenance,
  createRuntime,
  WorkflowError,
  workflowsFor,
  type EventInput,
  type Principal,
  type Runtime,
} from '@ruralkit/core';
import { oneOf, parseOptions, readDataFile, suggest, UsageError, type Command, type Io } from '../io.js';
import { fileKeys } from '@ruralkit/core/node';
import { PLAN_OPTIONS_HELP, planFromOptions, planOptions } from '../plan-options.js';
import { cliMessage, englishWord, inBoth, inEnglish, label } from '../locales/index.js';
import { stripControls } from '../safe-text.js';
import { checkpoint, keygen, readKey, verify, verifyOptions } from './workflow-audit.js';
import { checkKeyFile, checkNotBefore, parseAt } from './workflow-guards.js';
import { checkStoreOptions, openWorkflowStore, storeOptions } from '../workflow-store.js';
import { overdueLine } from '../deadlines.js';
import { runWorker, workerOptions } from './workflow-run.js';
import { list, searchOptions, tasks } from './workflow-search.js';

const USAGE = `ruralkit workflow start <type> STORE --tenant ID --village ID [--household ID] --event EVENT [--keys FILE]
  ruralkit workflow send <instance> STORE --event EVENT [--keys FILE]
  ruralkit workflow show <instance> STORE [--as PRINCIPAL] [--keys FILE] [--format text|json]
  ruralkit workflow history <instance> STORE [--format text|json]
  ruralkit workflow tick STORE
  ruralkit workflow run STORE [--tick-every SECONDS] [--tenant ID] [--once]
  ruralkit workflow list STORE --as PRINCIPAL [--type T,…] [--state S,…] [--village ID] [--township ID]
    [--household ID] [--unit ID] [--overdue] [--due-before DATE] [--due-after DATE] [--updated-since WHEN]
    [--limit N] [--cursor NEXT] [--counts] [--format text|json]
  ruralkit workflow tasks STORE --as PRINCIPAL [--type T,…] [--limit N] [--cursor NEXT] [--format text|json]
  ruralkit workflow verify STORE [--tenant ID] [--public-key FILE[@FROM..UNTIL]]... [--checkpoints FILE]
  ruralkit workflow checkpoint STORE --key FILE [--export FILE] [--tenant ID] [--public-key FILE[@FROM..UNTIL]]...
  (start, send, tick, run and forget take --audit-key FILE: sign every audit entry with it)
  ruralkit workflow keygen --out FILE
  ruralkit workflow forget STORE --keys FILE --tenant ID --village ID [--household ID] --as PRINCIPAL --reason TEXT
  STORE is --db FILE (SQLite) or --database-url postgres://… [--schema NAME] (PostgreSQL)
  (every workflow action also takes --plan ID and --plugin FILE...)`;

const NAME = 'ruralkit workflow';
const ACTIONS = [
  'start',
  'send',
  'show',
  'history',
  'tick',
  'run',
  'list',
  'tasks',
  'verify',
  'checkpoint',
  'keygen',
  'forget',
];
/** Actions on no one instance. */
const NO_TARGET = new Set(['tick', 'run', 'list', 'tasks', 'verify', 'checkpoint', 'forget']);

/** Refusals exit 1; mistakes in what was given exit 2, like usage errors. */
const BAD_INPUT = new Set([
  'invalid-payload',
  'invalid-principal',
  'invalid-subject',
  'invalid-query',
  'unknown-event',
  'unknown-workflow',
  'unknown-instance',
]);

/** An event or principal: a JSON or YAML file, or inline JSON. */
export function readValue(option: string, value: string | undefined): unknown {
  if (value === undefined) {
    throw new UsageError(NAME, cliMessage('workflow.value-required', { option }));
  }
  if (value.trimStart().startsWith('{')) {
    try {
      return JSON.parse(value);
    } catch (error) {
      throw new UsageError(NAME, cliMessage('workflow.value-not-json', { option, problem: (error as Error).message }));
    }
  }
  return readDataFile(value);
}

function readEvent(value: string | undefined, as: string | undefined): EventInput {
  const event = readValue('event', value);
  if (!event || typeof event !== 'object' || typeof (event as { type?: unknown }).type !== 'string') {
    throw new UsageError(NAME, cliMessage('workflow.event-type', {}));
  }
  const actor = as === undefined ? (event as EventInput).actor : readValue('as', as);
  if (actor === undefined) throw new UsageError(NAME, cliMessage('workflow.actor-required', {}));
  return { ...(event as EventInput), actor: actor as EventInput['actor'] };
}

/** Write text made of stored data to the terminal, without its control or bidi characters. */
function say(io: Io, text: string): void {
  io.stdout(text.split('\n').map(stripControls).join('\n'));
}

function formatTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** Show an instance; its personal fields are opened only for an `--as` principal that needs them. */
async function show(runtime: Runtime, id: string, io: Io, json: boolean, as: string | undefined) {
  const principal = as === undefined ? undefined : (readValue('as', as) as EventInput['actor']);
  const instance = await runtime.get(id, principal ? { principal } : {});
  const allowed = principal ? await runtime.allowedEvents(id, principal) : undefined;
  if (json) {
    io.stdout(`${JSON.stringify({ ...instance, ...(allowed ? { allowedEvents: allowed } : {}) }, null, 2)}\n`);
    return;
  }
  const subject = [instance.subject.township, instance.subject.village, instance.subject.household]
    .filter(Boolean)
    .join(' / ');
  say(io, `${instance.id}  ${instance.type} v${instance.machineVersion}\n`);
  say(io, `  ${label('show.subject', ' ')}: ${subject} (tenant ${instance.tenant})\n`);
  say(
    io,
    `  ${label('show.state', ' ')}:   ${instance.state}${instance.done ? englishWord('instance.final') : ''}${instance.overdue ? ` — ${label('instance.overdue', ' ')}` : ''}\n`,
  );
  for (const d of instance.deadlines) {
    say(
      io,
      `  ${label('show.deadline', ' ')}: ${d.id} ${d.due} (${d.name.zh})${d.overdueAt ? ` ${label('show.deadline-overdue', ' ')}` : ''} → ${d.escalateTo.join(', ')}\n`,
    );
  }
  if (allowed) {
    say(io, `  ${label('instance.allowed-now', ' ')}: ${allowed.join(', ') || `（${label('instance.none')}）`}\n`);
  }
}

export const workflowCommand: Command = {
  summary:
    '流程实例：发起、发送事件、查看、到期处理、审计核验、删除个人信息 / workflow instances in a SQLite or PostgreSQL database',
  usage: USAGE,
  options: `  --db        SQLite 流程数据库（start 以外须已存在） / the SQLite workflow database; must exist, except for start
  --database-url, --schema  改用 PostgreSQL / PostgreSQL instead (STORE above)
  --create    不存在时新建 / create --db (or --schema) or --keys when it does not exist (for an action other than start)
  --tenant    start、forget：租户（如区） / start, forget: the tenant (e.g. the district); run: fire this tenant's deadlines only
  --tick-every run：每隔多少秒处理到期期限 / run: fire passed deadlines every SECONDS (default 60); one
              worker per tenant fires, across the processes sharing the store; stop with SIGTERM
  --once      run：处理一次即停止 / run: fire what is due once, then stop
  --township  start、forget：乡镇 id（可选） / start, forget: the township id (optional)
  --village   start、forget：村 id / start, forget: the village id
  --household start、forget：农户 id / start, forget: the household id (poverty-monitoring)
  --event     事件（JSON/YAML 文件或内联 JSON） / an event {type, payload?, actor?, idempotencyKey?}: a JSON/YAML file or inline JSON
  --as        操作主体（文件或内联 JSON） / the principal {id, roles, tenant, township?, village?, ...}: file or inline JSON;
              show opens personal fields (个人信息) only for a principal whose role needs them
  --keys      个人信息密钥文件 / the keyring file of personal data (not the checkpoint --key),
              created 0600 by start or with --create; keep it apart from the database and
              its backups: events carrying personal fields need it; forget destroys a
              household's keys in it (supervisor)
  --at        以此时间操作 / act at this ISO 8601 date-time instead of now (simulations, back-office entry);
              not before the instance's last record, at most a day ahead of now
  --force     允许 --at 超过当前一天以上 / allow --at more than a day ahead of now
  --reason    forget：原因（如删除请求编号） / forget: why, e.g. the erasure request's reference (no personal details)
  --format    show、history、list、tasks：输出格式 / show, history, list, tasks: text (default) or json
  list        检索 --as 主体可见的实例（乡镇干部见本乡镇，村干部见本村，部门见本单位的，农户见自家的，
              督查见全租户），按到期日排序 / search the instances the --as principal's roles cover, by due date:
    --type, --state  流程类型、状态（逗号分隔） / workflow types, states (comma-separated)
    --village, --township, --household, --unit  村、乡镇、农户、单位（承办或督办） / village, township,
              household, unit (assigned, or escalated to)
    --overdue 只列逾期的 / only those with an overdue deadline
    --due-before, --due-after  最早期限早于、晚于此日期 / earliest deadline due before, after this date (YYYY-MM-DD)
    --updated-since  此时以来有变化的 / changed since this date or ISO 8601 date-time
    --limit, --cursor  每页条数（1–500，默认 50）、下一页游标 / results a page (1–500, default 50), the next page's cursor
    --counts  另按状态统计全部结果 / also count every page's results by state
  tasks       --as 主体的待办：现在可发送事件的实例，及督办到其单位的逾期实例 / the --as principal's task list: instances
              where it may send an event now, and overdue ones escalated to its unit (--type, --limit, --cursor)
  --key       checkpoint：签署链头的 Ed25519 私钥 / checkpoint: the Ed25519 private key (PEM) that signs the
              chain heads; keep it outside the database
  --export    checkpoint：另把检查点追加到此文件 / checkpoint: also append the checkpoints (JSON lines) to this file
  --audit-key 签署每条审计记录的 Ed25519 私钥 / start, send, tick, run, forget: the Ed25519 private key (PEM) that signs each audit
              entry (the service's audit key; once a chain is signed, every later writer needs it);
              checkpoint: signs with it when --key is not given
  --public-key verify：用此公钥核验签名 / verify: check the signatures of the checkpoints and entries with this public key
              (PEM); repeat with FILE@FROM..UNTIL (ISO 8601) for keys rotated at those times;
              checkpoint: the older keys, to verify what they signed before signing with --key
  --checkpoints verify：另核验导出到此文件的检查点 / verify: also check the checkpoints exported to this file
  --out       keygen：私钥文件，公钥写到 FILE.pub / keygen: the private key file to write (the public key goes to FILE.pub)
${PLAN_OPTIONS_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      ...storeOptions,
      ...planOptions,
      ...searchOptions,
      tenant: { type: 'string' },
      village: { type: 'string' },
      township: { type: 'string' },
      household: { type: 'string' },
      event: { type: 'string' },
      as: { type: 'string' },
      keys: { type: 'string' },
      at: { type: 'string' },
      format: { type: 'string' },
      reason: { type: 'string' },
      create: { type: 'boolean' },
      force: { type: 'boolean' },
      key: { type: 'string' },
      export: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
      'audit-key': { type: 'string' },
      checkpoints: { type: 'string' },
      out: { type: 'string' },
      'tick-every': { type: 'string' },
      once: { type: 'boolean' },
    });
    const [action, target] = positionals;
    const db = values.db as string | undefined;
    if (!action || !ACTIONS.includes(action)) {
      throw new UsageError(
        NAME,
        cliMessage('workflow.action-required', {
          actions: ACTIONS,
          action,
          suggestion: action ? suggest(action, ACTIONS) : undefined,
        }),
      );
    }
    const command = `${NAME} ${action}`;
    if (action === 'keygen') return keygen(command, values.out as string | undefined, io);
    const use = { action, create: values.create === true };
    checkStoreOptions(command, values, use);
    const plan = await planFromOptions(values);
    const types = workflowsFor(plan).types;
    if (!NO_TARGET.has(action) && !target) {
      throw new UsageError(
        command,
        action === 'start'
          ? cliMessage('workflow.type-required', { types })
          : cliMessage('workflow.instance-required', {}),
      );
    }
    const at =
      values.at === undefined ? undefined : parseAt(command, values.at as string, values.force === true, new Date());
    const keys = values.keys as string | undefined;
    if (keys !== undefined) checkKeyFile(command, keys, db, action === 'start' || values.create === true);
    const audit = action === 'verify' ? verifyOptions(command, values) : undefined;
    const format = oneOf(command, 'format', values.format, ['text', 'json'] as const, 'text');
    const worker = action === 'run' ? workerOptions(command, values) : undefined;
    const clock = at ? createManualClock(at.toISOString()) : undefined;

    const store = await openWorkflowStore(command, values, use, io);
    const maintenance = createMaintenance({
      store,
      ...(clock ? { clock } : {}),
      ...(typeof values['audit-key'] === 'string'
        ? { auditKey: readKey(command, 'audit-key', values['audit-key'], 'private') }
        : {}),
    });
    const runtime = createRuntime({
      plan,
      store,
      maintenance,
      ...(clock ? { clock } : {}),
      ...(keys ? { keys: fileKeys(keys) } : {}),
    });
    try {
      switch (action) {
        case 'start': {
          if (!types.includes(target!)) {
            throw new UsageError(
              command,
              cliMessage('workflow.unknown-type', { type: target!, types, suggestion: suggest(target!, types) }),
            );
          }
          if (!values.tenant || !values.village)
            throw new UsageError(command, cliMessage('workflow.subject-required', {}));
          const result = await runtime.start(target!, {
            tenant: values.tenant as string,
            subject: {
              village: values.village as string,
              ...(values.township ? { township: values.township as string } : {}),
              ...(values.household ? { household: values.household as string } : {}),
            },
            event: readEvent(values.event as string | undefined, values.as as string | undefined),
          });
          io.stdout(`${result.instanceId}\n`);
          const applied = { event: result.event, from: result.from, to: result.to, duplicate: result.duplicate };
          io.stderr(`ruralkit: ${inEnglish(cliMessage('event.applied', applied))}\n`);
          return 0;
        }
        case 'send': {
          if (at) checkNotBefore(command, at, target!, (await runtime.get(target!)).updatedAt);
          const result = await runtime.send(
            target!,
            readEvent(values.event as string | undefined, values.as as string | undefined),
          );
          const { event, from, to, version, duplicate } = result;
          io.stdout(`${inEnglish(cliMessage('event.applied', { event, from, to, version, duplicate }))}\n`);
          return 0;
        }
        case 'show':
          await show(runtime, target!, io, format === 'json', values.as as string | undefined);
          return 0;
        case 'history': {
          // the reasons said in words, as people and the HTTP service read them
          const entries = historySaid(await runtime.history(target!), runtime.workflows);
          if (format === 'json') io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
          else {
            for (const e of entries) {
              const reason = e.reason ? `  — ${e.reason.zh} / ${e.reason.en}` : '';
              say(
                io,
                `#${e.seq} ${formatTime(e.at)} ${e.outcome.padEnd(8)} ${e.event} ${e.stateBefore ?? '(start)'} → ${e.stateAfter} by ${e.actor.id}${reason}\n`,
              );
            }
          }
          return 0;
        }
        case 'tick': {
          // Maintenance handles a batch of due instances per tick: repeat until none is left.
          let total = 0;
          for (let batch = 1; ; batch++) {
            const fired = await maintenance.tick();
            if (fired.length === 0) break;
            total += fired.length;
            for (const f of fired) io.stdout(`${overdueLine(f)}\n`);
            io.stderr(`ruralkit: ${inBoth(cliMessage('tick.batch', { batch, fired: fired.length, total }))}\n`);
          }
          io.stderr(`ruralkit: ${inBoth(cliMessage('deadlines.overdue-total', { total }))}\n`);
          return 0;
        }
        case 'run':
          return await runWorker(worker!, maintenance, store, clock, io);
        case 'forget': {
          const missing = ['keys', 'tenant', 'village', 'as', 'reason'].filter((o) => values[o] === undefined);
          if (missing.length) {
            const options = missing.map((o) => `--${o}`);
            throw new UsageError(command, cliMessage('workflow.options-required', { options }));
          }
          const erased = await runtime.forget({
            tenant: values.tenant as string,
            subject: {
              village: values.village as string,
              ...(values.township ? { township: values.township as string } : {}),
              ...(values.household ? { household: values.household as string } : {}),
            },
            actor: readValue('as', values.as as string) as EventInput['actor'],
            reason: values.reason as string,
          });
          const counts = { keys: erased.keys, instances: erased.instances.length };
          io.stdout(`${inBoth(cliMessage('forget.erased', counts))}\n`);
          for (const id of erased.instances) io.stdout(`  ${id}\n`);
          return 0;
        }
        case 'list':
        case 'tasks': {
          const principal = readValue('as', values.as as string | undefined) as Principal;
          await (action === 'list' ? list : tasks)(runtime, principal, values, io, format === 'json');
          return 0;
        }
        case 'checkpoint':
          return await checkpoint(command, maintenance, values, io);
        default:
          return await verify(maintenance, audit!, io);
      }
    } catch (error) {
      if (error instanceof WorkflowError) {
        io.stderr(`ruralkit: ${error.message}\n`);
        return BAD_INPUT.has(error.code) ? 2 : 1;
      }
      throw error;
    } finally {
      await store.close();
    }
  },
};
