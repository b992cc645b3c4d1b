// Personal data of households (个人信息, PIPL): marked in the payload schemas, sealed in the
// instance, hashed in the audit, opened only for the roles that need it, erased by destroying
// its key; free text holding an ID, phone or bank-card number is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createMemoryStore,
  createRuntime,
  findIdentifiers,
  matchesHashed,
  memoryKeys,
  povertyMonitoringPayloadsFor,
  monitoringVocabulary,
  PERSONAL_ERASED,
  PERSONAL_MASK,
  type HashedValue,
  type OutboxEntry,
  type PersonalDataKeys,
} from '../../src/index.js';
import { personalDataOwner } from '../../src/workflows/privacy/keys.js';
import { personalFields } from '../../src/workflows/privacy/personal.js';
import { isSealed } from '../../src/workflows/privacy/seal.js';
import {
  cadre,
  committee,
  countyApprover,
  department,
  harness,
  official,
  PERSONAL,
  PERSONAL_PATH,
  plan,
  principal,
  START_AT,
  supervisor,
  refusal,
  TENANT,
  walk,
  type Harness,
} from './fixtures.js';

const { name: NAME, note: NOTE, objection: OBJECTION } = PERSONAL;
const HOUSEHOLD = PERSONAL_PATH.subject as { village: string; household: string };
const ID_NUMBER = '320106198506121235';
const OWN = principal('household', 'liuyang'); // household lh-003
const NEIGHBOUR = principal('household', 'liuyang', { id: 'neighbour', household: 'lh-004' });
const OTHER_CADRE = principal('village-cadre', 'jianglian');

const caseWithObjection = (h: Harness) => walk(h, PERSONAL_PATH);

const PLAINTEXT = [NAME, NOTE, OBJECTION, '尿毒症', '透析'];
const expectNoPlaintext = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const secret of PLAINTEXT) expect(text).not.toContain(secret);
};

describe('personal fields of the payload schemas', () => {
  it('are marked in one place, the schemas, with their kind', () => {
    const payloads = povertyMonitoringPayloadsFor(monitoringVocabulary(plan));
    expect(personalFields(payloads.FLAG)).toEqual([
      { path: ['note'], kind: 'case-note' },
      { path: ['householdHead'], kind: 'name' },
    ]);
    expect(personalFields(payloads.CONFIRM_RISK)).toEqual([{ path: ['householdHead'], kind: 'name' }]);
    expect(personalFields(payloads.OBJECTION)).toEqual([{ path: ['content'], kind: 'case-note' }]);
    expect(personalFields(payloads.RECORD_INCOME)).toEqual([]);
  });
});

describe('the audit and the store', () => {
  it('keep a keyed hash of each personal value in the audit entry, never the value', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const history = await h.runtime.history(id);
    expectNoPlaintext(history);
    const flag = history[0]!.payload as { householdHead: HashedValue; note: HashedValue; riskTypes: string[] };
    expect(flag.riskTypes).toEqual(['medical']); // what is not personal stays as given
    expect(flag.householdHead).toMatchObject({ $personal: 'name', hmac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // whoever holds the key can tell which value was given, and nothing else
    expect(await matchesHashed(h.keys, flag.householdHead, NAME)).toBe(true);
    expect(await matchesHashed(h.keys, flag.householdHead, '王建华')).toBe(false);
    expect(await h.maintenance.verify()).toMatchObject({ ok: true, entries: 4 });
  });

  it('keep the actor by id, not by a villager’s name', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const named = { ...OWN, name: '王建国' };
    await h.runtime.start('poverty-monitoring', {
      tenant: TENANT,
      subject: HOUSEHOLD,
      event: { type: 'FLAG', actor: named, payload: { channel: 'self-declaration', riskTypes: ['income'], note: '' } },
    });
    const entries = await h.store.readAudit();
    expect(entries[0]!.actor).toEqual({
      id: OWN.id,
      roles: ['household'],
      tenant: TENANT,
      township: 'nianyushan',
      village: 'liuyang',
      household: 'lh-003',
    });
    expectNoPlaintext(entries);
  });

  it('store personal values only sealed (AES-256-GCM) in the instance', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const record = await h.store.load(id);
    expectNoPlaintext(record);
    const context = record!.envelope.snapshot.context as { householdHead: unknown; objections: { content: unknown }[] };
    expect(isSealed(context.householdHead)).toBe(true);
    expect(isSealed(context.objections[0]!.content)).toBe(true);
  });

  it('keep the outbox and the public notice clean of personal values (beyond the masked name)', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const events: OutboxEntry[] = [];
    h.runtime.subscribe((e) => void events.push(e));
    const id = await caseWithObjection(h);
    await h.maintenance.deliver();
    expect(events.length).toBeGreaterThan(3);
    expectNoPlaintext(events);
    const notice = await h.runtime.publicNotice(id);
    expect(notice.householdHead).toBe('王**');
    expectNoPlaintext(notice);
  });
});

describe('views of an instance', () => {
  it('open personal values for the roles that handle the case and the household itself', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    for (const reader of [cadre('liuyang'), committee('liuyang'), official('liuyang'), countyApprover, OWN]) {
      const { context } = await h.runtime.get(id, { principal: reader });
      expect(context.householdHead, reader.id).toBe(NAME);
      expect((context.flags as { note: string }[])[0]!.note).toBe(NOTE);
      expect((context.objections as { content: string }[])[0]!.content).toBe(OBJECTION);
    }
  });

  it('mask them for everyone else, and for a view asked without a principal', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const others = [undefined, supervisor, department, OTHER_CADRE, official('jianglian')];
    for (const other of others) {
      const view = await h.runtime.get(id, other ? { principal: other } : {});
      expectNoPlaintext(view);
      expect(view.context.householdHead, other?.id ?? 'no principal').toBe(PERSONAL_MASK);
      expect((view.context.flags as { note: string }[])[0]!.note).toBe(PERSONAL_MASK);
      expect(view.state).toBe('democraticReview'); // the rest of the view is unchanged
      expect(view.context.confirmedRisks).toEqual(['medical']);
    }
  });

  it('answer another household’s case, and another tenant’s, as a missing instance on every read', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    for (const principal of [NEIGHBOUR, { ...countyApprover, tenant: 'elsewhere' }]) {
      for (const read of [
        h.runtime.get(id, { principal }),
        h.runtime.history(id, { principal }),
        h.runtime.publicNotice(id, { principal }),
        h.runtime.allowedEvents(id, principal),
      ]) {
        expect((await refusal(read)).code, principal.id).toBe('unknown-instance');
      }
    }
  });

  it('refuses a principal that is not one, naming the instance', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const error = await refusal(h.runtime.get(id, { principal: { id: 'x' } as never }));
    expect(error.code).toBe('invalid-principal');
    expect(error.message).toContain(id);
  });
});

describe('erasure by destroying the key (crypto-shredding)', () => {
  it('shows personal values as erased everywhere; history, audit verification and the case go on', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const before = await h.runtime.history(id);
    const flag = before[0]!.payload as { householdHead: HashedValue };
    const events: OutboxEntry[] = [];
    h.runtime.subscribe((e) => void events.push(e));

    const erased = await h.runtime.forget({
      tenant: TENANT,
      subject: HOUSEHOLD,
      actor: supervisor,
      reason: '申请 2022-17',
    });
    expect(erased).toEqual({ keys: 1, instances: [id] });
    await h.maintenance.deliver();
    const announced = events.filter((e) => e.type === 'personal-data-erased');
    expect(announced.map((e) => [e.instanceId, e.data])).toEqual([[id, {}]]);

    for (const who of [cadre('liuyang'), OWN, supervisor, undefined]) {
      const { context } = await h.runtime.get(id, who ? { principal: who } : {});
      expect(context.householdHead).toBe(PERSONAL_ERASED);
      expect((context.objections as { content: string }[])[0]!.content).toBe(PERSONAL_ERASED);
    }
    expect((await h.runtime.publicNotice(id)).householdHead).toBeNull();
    const after = await h.runtime.history(id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({
      event: 'FORGET',
      outcome: 'erased',
      actor: { id: supervisor.id },
      payload: { keys: 1, reason: '申请 2022-17' },
    });
    expect(await h.maintenance.verify()).toMatchObject({ ok: true, entries: 5 });
    expect(await matchesHashed(h.keys, flag.householdHead, NAME)).toBeUndefined();

    // The case goes on: a new personal value gets a new key, the erased ones stay erased.
    await h.runtime.send(id, { type: 'REVIEW_FAILED', actor: committee('liuyang'), payload: { reason: '家有轿车' } });
    const { context } = await h.runtime.get(id, { principal: cadre('liuyang') });
    expect(context.closedReason).toBe('家有轿车');
    expect(context.householdHead).toBe(PERSONAL_ERASED);
  });

  it('is the supervisor’s, within the tenant, with a reason holding no identifier, and needs a keyring', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const forget = (actor = supervisor, reason = '申请 2022-17') =>
      refusal(h.runtime.forget({ tenant: TENANT, subject: HOUSEHOLD, actor, reason }));
    expect(await forget(cadre('liuyang'))).toMatchObject({ code: 'forbidden' });
    expect((await forget(cadre('liuyang'))).reasons[0]!.en).toContain('needs the supervisor role');
    expect(await forget({ ...supervisor, tenant: 'elsewhere' })).toMatchObject({ code: 'forbidden' });
    expect((await forget(supervisor, '户主电话 13812345678')).reasons[0]!.en).toContain('reason holds a phone number');
    const keyless = createRuntime({ plan, store: h.store });
    const error = await refusal(keyless.forget({ tenant: TENANT, subject: HOUSEHOLD, actor: supervisor, reason: 'x' }));
    expect(error.reasons[0]!.en).toContain('no keyring');
    // nothing was destroyed by the refusals
    expect((await h.runtime.get(id, { principal: cadre('liuyang') })).context.householdHead).toBe(NAME);
  });

  it('refuses a sealed value changed in the store instead of calling it erased', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const record = (await h.store.load(id))!;
    const context = record.envelope.snapshot.context as { householdHead: { sealed: string } };
    const bytes = Buffer.from(context.householdHead.sealed, 'base64url');
    bytes[14] = bytes[14]! ^ 1;
    context.householdHead.sealed = bytes.toString('base64url');
    await h.store.save({ ...record, version: record.version + 1 }, record.version, { audit: [], outbox: [] });
    await expect(h.runtime.get(id, { principal: cadre('liuyang') })).rejects.toMatchObject({
      code: 'personal-data-changed',
      message: expect.stringContaining('changed in the store'),
    });
  });
});

describe('free text', () => {
  const flag = (note: string, extra: Record<string, unknown> = {}) => ({
    tenant: TENANT,
    subject: HOUSEHOLD,
    event: {
      type: 'FLAG',
      actor: department,
      payload: { channel: 'department-alert', riskTypes: ['income'], note, ...extra },
    },
  });

  it('is refused when it holds an ID number, naming the event, the field and the kind, never the number', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const error = await refusal(h.runtime.start('poverty-monitoring', flag(`身份证 ${ID_NUMBER}，收入骤降`)));
    expect(error.code).toBe('invalid-payload');
    expect(error.event).toBe('FLAG');
    expect(error.message).toContain('FLAG');
    expect(error.reasons).toEqual([
      {
        zh: expect.stringContaining('payload.note 含有身份证号'),
        en: expect.stringContaining('payload.note holds an ID number'),
      },
    ]);
    expect(JSON.stringify(error)).not.toContain(ID_NUMBER);
    expect(error.message).not.toContain(ID_NUMBER);
    // the refusal is audited, without the number; nothing was started
    const entries = await h.store.readAudit();
    expect(entries.map((e) => e.outcome)).toEqual(['refused']);
    expect(JSON.stringify(entries)).not.toContain(ID_NUMBER);
    expect(
      await h.store.findBySubject({ type: 'poverty-monitoring', tenant: TENANT, subjectKey: 'liuyang/lh-003' }),
    ).toEqual([]);
  });

  it('is refused with phone and bank-card numbers, in every workflow and field', async () => {
    const h = harness(START_AT.rectification);
    const report = (description: string) =>
      refusal(
        h.runtime.start('rectification', {
          tenant: TENANT,
          subject: { village: 'jianglian' },
          event: {
            type: 'REPORT',
            actor: principal('household', 'jianglian', { household: 'jh-001' }),
            payload: { source: 'complaint', category: 'toilet-quality', description },
          },
        }),
      );
    expect((await report('漏水，请联系 138 1234 5678')).reasons[0]!.en).toContain(
      'payload.description holds a phone number',
    );
    expect((await report('补贴打到卡号 6222 0212 3456 7890 128')).reasons[0]!.en).toContain('a bank-card number');
    const both = await report(`电话+86-13812345678，卡号6228480012345671`);
    expect(both.reasons.map((r) => r.en)).toEqual([
      expect.stringContaining('a phone number'),
      expect.stringContaining('a bank-card number'),
    ]);
  });

  it('accepts dates, amounts, household ids and numbers that are no identifier', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const note =
      '2022-01-05 入户，lh-003 户 2021 年人均收入 4800 元，卡号尾号 5678，订单 20220105123，编号 6228480012345678';
    await h.runtime.start('poverty-monitoring', flag(note));
  });

  it('finds each kind, in full-width digits and groups too', () => {
    expect(findIdentifiers('11010519491231002X')).toEqual(['id-number']);
    expect(findIdentifiers('110105 19491231 002x')).toEqual(['id-number']);
    expect(findIdentifiers('旧证 110105491231002')).toEqual(['id-number']);
    expect(findIdentifiers('３２０１０６１９８５０６１２１２３５')).toEqual(['id-number']);
    expect(findIdentifiers('手机１３８１２３４５６７８')).toEqual(['phone']);
    expect(findIdentifiers('6222021234567890128')).toEqual(['bank-card']);
    expect(findIdentifiers('320106198506121234')).not.toContain('id-number'); // wrong check character
    expect(findIdentifiers('12812345678')).toEqual([]); // 12x is no mobile prefix
    expect(findIdentifiers('a13812345678b')).toEqual([]); // part of a longer token
  });

  it('finds every generated ID, phone and card number inside any text (property)', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const idNumber = fc
      .record({
        area: fc.integer({ min: 110000, max: 659999 }),
        born: fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        serial: digits(3),
      })
      .map(({ area, born, serial }) => {
        const body = `${area}${born.toISOString().slice(0, 10).replaceAll('-', '')}${serial.join('')}`;
        const sum = weights.reduce((total, w, i) => total + w * Number(body[i]), 0);
        return body + '10X98765432'[sum % 11]!;
      });
    const phone = fc
      .tuple(fc.integer({ min: 3, max: 9 }), digits(9))
      .map(([second, rest]) => `1${second}${rest.join('')}`);
    const card = fc.tuple(fc.constantFrom('62', '4', '5'), digits(14)).map(([prefix, rest]) => {
      const body = prefix + rest.join('');
      for (let check = 0; ; check++) {
        const candidate = body + check;
        const sum = [...candidate]
          .reverse()
          .map((d, i) => (i % 2 ? (Number(d) * 2 > 9 ? Number(d) * 2 - 9 : Number(d) * 2) : Number(d)))
          .reduce((a, b) => a + b, 0);
        if (sum % 10 === 0) return candidate;
      }
    });
    const around = fc.string({ unit: fc.constantFrom('收', '入', '，', ' ', '：', '(', ')') });
    fc.assert(
      fc.property(around, fc.oneof(idNumber, phone, card), around, (before, number, after) => {
        expect(findIdentifiers(`${before}${number}${after}`).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a migration reason with an identifier', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await caseWithObjection(h);
    const error = await refusal(h.runtime.migrate(id, { actor: supervisor, reason: '应户主 13812345678 要求' }));
    expect(error.code).toBe('invalid-payload');
    expect(error.reasons[0]!.en).toContain('reason holds a phone number');
  });
});

describe('without a keyring', () => {
  it('refuses a personal value, saying how to configure one; an empty note needs none', async () => {
    const runtime = createRuntime({
      plan,
      store: createMemoryStore(),
      clock: createManualClock(START_AT['poverty-monitoring']),
    });
    const start = (note: string, householdHead?: string) =>
      runtime.start('poverty-monitoring', {
        tenant: TENANT,
        subject: HOUSEHOLD,
        event: {
          type: 'FLAG',
          actor: department,
          payload: {
            channel: 'department-alert',
            riskTypes: ['income'],
            note,
            ...(householdHead ? { householdHead } : {}),
          },
        },
      });
    const error = await refusal(start('', NAME));
    expect(error.code).toBe('invalid-payload');
    expect(error.reasons).toEqual([
      {
        zh: expect.stringContaining('payload.householdHead 是个人信息'),
        en: expect.stringContaining('createRuntime({ keys })'),
      },
    ]);
    expect(error.reasons[0]!.en).toContain('--keys FILE');
    expect((await start('')).to).toBe('verifying');
  });
});

describe('keyrings', () => {
  it('keep one key per owner in memory, and forget it', async () => {
    const keys: PersonalDataKeys = memoryKeys();
    const a = await keys.keyOf('t/v/h1');
    expect(await keys.keyOf('t/v/h1')).toBe(a);
    expect((await keys.keyOf('t/v/h2')).id).not.toBe(a.id);
    expect(await keys.forget('t/v/h1')).toBe(1);
    expect(await keys.find(a.id)).toBeUndefined();
    expect(await keys.forget('t/v/h1')).toBe(0);
    expect(personalDataOwner(TENANT, HOUSEHOLD)).toBe('changjiang/liuyang/lh-003');
    expect(personalDataOwner(TENANT, { village: 'jianglian' })).toBe('changjiang/jianglian');
  });
});
