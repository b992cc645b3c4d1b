import { Writable } from 'node:stream';
import { it } from 'vitest';
import { example, startService, who } from './helpers.js';

it('exp', async () => {
  let logs = '';
  const stream = new Writable({ write(chunk, _e, cb) { logs += chunk.toString(); cb(); } });
  const service = await startService({ logger: { level: 'info', stream } as never });
  for (const accept of ['text/html', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
    const r = await fetch(`${service.url}/plans/changjiang-2021/evaluate?asOf=2025-12-31`, {
      method: 'POST',
      headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json', accept },
      body: JSON.stringify(example),
    });
    console.log(r.status, r.headers.get('content-type'));
  }
  await service.close();
  console.log(logs.slice(0, 3000));
});
