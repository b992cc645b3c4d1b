// The workflow walk-through runs end to end against the built packages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('./workflows.mjs', import.meta.url));

it('walks a 留阳村 household to risk elimination and 江联村 plan to publication', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ruralkit-example-')), 'example.db');
  expectWalkThrough(spawnSync('node', [script, db], { encoding: 'utf8' }));
});

it.skipIf(!process.env.DATABASE_URL)('walks the same on PostgreSQL (DATABASE_URL)', async () => {
  const schema = `rk_example_${process.pid}`;
  const url = process.env.DATABASE_URL!;
  try {
    expectWalkThrough(spawnSync('node', [script, url, schema], { encoding: 'utf8' }));
  } finally {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});

function expectWalkThrough(result: ReturnType<typeof spawnSync>) {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const out = String(result.stdout);
  expect(out).toContain('FLAG (department-alert)       → verifying   [income]');
  expect(out).toContain('个人信息 personal data: [个人信息 personal data] to anyone, 李建华 to the village cadre');
  expect(out).toContain('公示 public notice: 留阳村 李** ');
  expect(out).toContain('拒绝 refused');
  expect(out).toMatch(/ELIMINATION_APPROVE\s+eliminationApproval → riskEliminated/);
  expect(out).toContain('domain event: risk-eliminated');
  expect(out).toMatch(/APPROVE\s+districtReview → approved/);
  expect(out).toContain('escalate to natural-resources');
  expect(out).toMatch(/PUBLISH\s+approved → published/);
  expect(out).toMatch(/audit chain: intact, \d+ entries/);
}
