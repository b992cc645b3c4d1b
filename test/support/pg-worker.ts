// One workflow process of the PostgreSQL fault tests, run with tsx as a real child process.
// It opens the store in the schema it is given and does one job, printing one JSON line per
// outcome on stdout, so the test knows exactly what was acknowledged before it kills it.
//   send     FLAG events tagged `<name>-<i>` (their idempotency key) to the instances given, acknowledging each
//   tick     fire passed deadlines until none is left
//   claim    claim every passed deadline and undelivered event, then stream sends (and be killed)
import { createMaintenance, createRuntime, getPlan, type Principal } from '@ruralkit/core';
import { openPostgresStore } from '@ruralkit/store-postgres';

interface Job {
  job: 'send' | 'tick' | 'claim';
  schema: string;
  name: string;
  instances: string[];
  events: number;
  /** Where in `instances` this process starts, so processes collide on instances. */
  offset?: number;
  leaseMs?: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
const out = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const department: Principal = { id: `dept-${job.name}`, roles: ['department'], tenant: 'changjiang' };
const FAR = new Date('2030-01-01T00:00:00Z');

const store = await openPostgresStore({ schema: job.schema, poolSize: 2 });
const maintenance = createMaintenance({ store, lease: { owner: job.name, ms: job.leaseMs ?? 30_000 } });
const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store, maintenance });

async function stream(): Promise<void> {
  for (let i = 0; i < job.events; i += 1) {
    const tag = `${job.name}-${i}`;
    // every process walks the instances in its own order, so sends collide
    const instanceId = job.instances[(i * 7 + (job.offset ?? 0)) % job.instances.length]!;
    try {
      await runtime.send(instanceId, {
        type: 'FLAG',
        actor: department,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
        idempotencyKey: tag,
      });
      out({ ack: tag, instanceId });
    } catch (error) {
      out({ failed: tag, instanceId, code: (error as { code?: string }).code ?? 'error' });
      await new Promise((resolve) => setTimeout(resolve, 50)); // a caller backs off before the next try
    }
  }
}

if (job.job === 'send') {
  await stream();
} else if (job.job === 'tick') {
  for (let idle = 0; idle < 3;) {
    const fired = await maintenance.tick(FAR);
    for (const f of fired) out({ fired: f.instanceId, deadline: f.deadline.id });
    idle = fired.length ? 0 : idle + 1;
  }
} else {
  const lease = { owner: job.name, ms: job.leaseMs ?? 30_000 };
  const due = await store.claimDue(FAR.toISOString(), lease, 1000);
  const events = await store.claimOutbox(lease, 1000);
  out({ claimedDue: due.map((i) => i.id), claimedEvents: events.map((e) => e.id) });
  await stream();
}
out({ done: true });
await store.close();
