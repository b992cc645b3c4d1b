// The operations guide's webhook verification, run verbatim in Python against a real delivery
// of the relay: the signature checks out, and a changed body is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { createRelay, openTransport } from '../src/index.js';
import { commitEvents, SECRET } from './support.js';

const guide = readFileSync(new URL('../../../docs/guides/operations.md', import.meta.url), 'utf8');

it("verifies a real delivery with the guide's Python snippet, verbatim", async () => {
  const snippet = /^```python\n([\s\S]*?)^```$/m.exec(guide)?.[1];
  expect(snippet, 'the guide has a Python block').toBeDefined();

  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'ruralkit-guide-'));
  const store = openSqliteStore(join(dir, 'workflows.db'));
  try {
    await commitEvents(store, ['a'], 1);
    const transport = await openTransport(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, {
      secret: SECRET,
    });
    await createRelay({ store, transport }).deliverPending();
  } finally {
    await store.close();
    await new Promise((resolve) => server.close(resolve));
  }
  const [request] = requests;
  const program = join(dir, 'verify.py');
  writeFileSync(
    program,
    `${snippet}
import sys
given = json.load(sys.stdin)
body = given["body"].encode()
print(verify_webhook(given["secret"], given["headers"], body)["id"])
try:
    verify_webhook(given["secret"], given["headers"], body.replace(b"transitioned", b"transitionex"))
    print("changed body accepted")
except ValueError as error:
    print("changed body refused:", error)
`,
  );
  const result = spawnSync('python3', [program], {
    input: JSON.stringify({ secret: SECRET, ...request }),
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('a/1\nchanged body refused: no valid signature\n');
});
