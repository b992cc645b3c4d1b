#!/usr/bin/env node
/**
 * The consumer test (使用者测试): what a county integrator does with ruralkit, from the tarballs
 * that would be published, in an empty folder, with plain npm and nothing from the workspace.
 *
 * 1. Pack every publishable package; publint and attw (are the types wrong) must find nothing.
 * 2. Follow docs/guides/county-plugin.md: install core, testing and the CLI (nothing compiled,
 *    no echarts or exceljs), write the guide's files, run its commands, `ruralkit test` and vitest.
 * 3. A command that needs a missing optional package names it; once installed, the command works.
 * 4. Every export loads with import() and require(); a TypeScript program that uses every export
 *    and every package README's example compiles under node16 (ESM and CJS) and bundler, without
 *    skipLibCheck.
 * 5. Every tarball has README.md and LICENSE, and ships each source module once per format.
 * 6. Clients generated from the /openapi.json of a running `ruralkit serve` (PostgreSQL store,
 *    a database of its own on DATABASE_URL's server) with openapi-typescript + openapi-fetch and with @hey-api/openapi-ts compile
 *    strict with no cast and evaluate over the socket: the same report as `ruralkit evaluate`.
 *
 * `pnpm test:consumer` (after `pnpm build`). Ends with `N passed, M failed`; exit 1 on a failure.
 * Keeps its folder when RURALKIT_KEEP is set.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { packPackages, root } from '../../scripts/pack-packages.mjs';

const work = mkdtempSync(join(tmpdir(), 'ruralkit-consumer-'));
const results = [];

/** Run `command args` in `cwd`; returns status and output, never throws. */
function sh(command, args, cwd, env = {}) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', output: `${r.stdout}${r.stderr}` };
}

/** One named check: `fn` throws (or returns a string) to fail; a promise when `fn` is async. */
function check(name, fn) {
  const start = Date.now();
  const report = (problem) => {
    results.push({ name, ok: !problem });
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    console.log(
      `${problem ? '✗' : '✓'} ${name} (${seconds} s)${problem ? `\n    ${String(problem).trim().split('\n').join('\n    ')}` : ''}`,
    );
  };
  const failure = (error) => (error instanceof Error ? error.message : String(error));
  let outcome;
  try {
    outcome = fn();
  } catch (error) {
    return report(failure(error));
  }
  if (!(outcome instanceof Promise)) return report(outcome);
  return outcome.then(report, (error) => report(failure(error)));
}

/** Throw with the command's output unless it exited 0. */
function ok(r, what) {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.output.slice(-3000)}`);
  return r;
}

/** npm as a user runs it; what its cache holds is not fetched again. */
const npm = (cwd, ...args) =>
  sh('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], cwd);
const ruralkit = (cwd, ...args) => sh(join(cwd, 'node_modules/.bin/ruralkit'), args, cwd);

// 1. The tarballs, checked by publint and attw.
const packages = packPackages(join(work, 'packed'));
const tarball = Object.fromEntries(packages.map((p) => [p.manifest.name, p.tarball]));
for (const { dir, manifest, tarball: file } of packages) {
  check(`publint ${manifest.name}`, () => {
    const r = sh(join(root, 'node_modules/.bin/publint'), ['run', dir, '--strict'], root);
    ok(r, 'publint');
    if (!/All good!/.test(r.output)) return r.output;
  });
  check(`attw ${manifest.name}`, () => {
    ok(sh(join(root, 'node_modules/.bin/attw'), [file, '--format', 'ascii'], root), 'attw');
  });
}

// 2. The county-plugin guide, step by step.
const guide = readFileSync(join(root, 'docs/guides/county-plugin.md'), 'utf8');
const blocks = [...guide.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang, body]) => ({ lang, body }));
const project = join(work, 'my-county');
const cli = packages.find((p) => p.manifest.name === '@ruralkit/cli').manifest;
const optionalPeers = Object.keys(cli.peerDependenciesMeta ?? {}).filter((n) => cli.peerDependenciesMeta[n].optional);

check('guide: its install commands, with the tarballs for the package names', () => {
  const lines = blocks
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.body.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => /^(mkdir|npm) /.test(l));
  if (!lines.some((l) => /^npm i .*@ruralkit\/cli/.test(l))) return 'the guide installs no @ruralkit/cli';
  mkdirSync(work, { recursive: true });
  let cwd = work;
  for (const line of lines) {
    const cd = /^mkdir (\S+) && cd \1$/.exec(line);
    if (cd) {
      cwd = join(cwd, cd[1]);
      mkdirSync(cwd);
      continue;
    }
    const args = line.split(/\s+/).slice(1);
    const named = args.map((a) => (a.startsWith('@ruralkit/') ? tarball[a] : a));
    if (named.includes(undefined)) return `the guide installs a package that is not packed: ${line}`;
    ok(npm(cwd, ...named), line);
  }
  if (cwd !== project) return `the guide works in ${cwd}, not my-county`;
});

check('guide: installing the CLI compiles nothing and brings no optional package', () => {
  const present = ['better-sqlite3', 'echarts', 'exceljs', ...optionalPeers].filter((n) =>
    existsSync(join(project, 'node_modules', n)),
  );
  if (present.length) return `installed: ${present.join(', ')}`;
  const r = sh('find', ['node_modules', '-name', 'binding.gyp'], project);
  if (r.stdout.trim()) return `native addons: ${r.stdout}`;
});

check('guide: the files it shows (a YAML plugin, a code plugin, scenarios, a vitest file)', () => {
  const files = [];
  for (const { body } of blocks) {
    const name = /^(?:#|\/\/) ([\w./-]+\.(?:ya?ml|json|ts|js))\n/.exec(body)?.[1];
    if (!name) continue;
    mkdirSync(dirname(join(project, name)), { recursive: true });
    writeFileSync(join(project, name), body);
    files.push(name);
  }
  const want = [/\.plugin\.ya?ml$/, /\.plugin\.ts$/, /^scenarios\/.+\.ya?ml$/, /\.test\.ts$/];
  const missing = want.filter((re) => !files.some((f) => re.test(f)));
  if (missing.length) return `found ${files.join(', ')}; none matches ${missing.join(', ')}`;
});

check('guide: its ruralkit commands', () => {
  const lines = blocks
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.body.split('\n'))
    .filter((l) => l.startsWith('npx ruralkit '));
  if (lines.length === 0) return 'the guide runs no ruralkit command';
  for (const line of lines) ok(ruralkit(project, ...line.split(/\s+/).slice(2)), line);
});

check('guide: ruralkit test runs the scenarios', () => {
  // The guide's scenarios name the plugins beside their folder, one of them code.
  const args = ['test', 'scenarios', '--plugin-root', '.', '--allow-code-plugins'];
  const r = ok(ruralkit(project, ...args), `ruralkit ${args.join(' ')}`);
  if (!/^[1-9]\d* passed, 0 failed$/m.test(r.stdout)) return r.output;
});

check('guide: vitest runs the scenarios', () => {
  ok(sh(join(project, 'node_modules/.bin/vitest'), ['run'], project, { CI: 'true' }), 'vitest run');
});

check('ruralkit evaluate and plan need nothing else', () => {
  writeFileSync(
    join(project, 'data.yaml'),
    [
      'villages:',
      '  - id: liuyang',
      '    attributes: { needsExpressPoint: true, hasEcommerceConditions: true }',
      "    indicators: { '2025': { tapWaterRate: 0.93 } }",
    ].join('\n'),
  );
  const r = ok(ruralkit(project, 'evaluate', 'data.yaml', '--as-of', '2025-12-31', '--format', 'md'), 'evaluate');
  if (!r.stdout.includes('93%')) return r.output;
  ok(ruralkit(project, 'plan', 'show'), 'plan show');
});

// 3. Optional packages: named when missing, working once installed.
/** A command that needs each optional peer of the CLI, and the file it writes. */
const NEEDS = {
  '@ruralkit/xlsx': { args: ['template', '--out', 'template.xlsx'], writes: 'template.xlsx' },
  '@ruralkit/store-sqlite': { args: ['workflow', 'tick', '--db', 'workflows.db', '--create'] },
  // Refused before any connection: the store package is loaded first.
  '@ruralkit/store-postgres': { args: ['workflow', 'tick', '--database-url', 'postgres://127.0.0.1:1/none'] },
  '@ruralkit/http': { args: ['serve', '--db', 'serve.db', '--port', '0'] },
  // Refused before the store is opened or a broker reached: the relay package is loaded first.
  '@ruralkit/relay': { args: ['relay', '--db', 'relay.db', '--to', 'nats://127.0.0.1:1'] },
  '@ruralkit/report': {
    args: ['evaluate', 'data.yaml', '--format', 'html', '--out', 'report.html'],
    writes: 'report.html',
  },
};
for (const name of optionalPeers) {
  check(`a command that needs ${name}, without it: exit 2, naming it in Chinese and English`, () => {
    if (!NEEDS[name]) return `no command is known to need ${name}: add it to NEEDS`;
    const r = ruralkit(project, ...NEEDS[name].args);
    if (r.status !== 2 || !r.stderr.includes(`npm i ${name}`) || !/需要/.test(r.stderr)) {
      return `exit ${r.status}: ${r.output}`;
    }
  });
}
check('the optional packages install (scripts off: no SQLite build) and their commands work', () => {
  const specs = optionalPeers.map((n) => tarball[n] ?? `${n}@${cli.peerDependencies[n]}`);
  ok(npm(project, 'i', '--ignore-scripts', ...specs), 'npm i optional packages');
  for (const name of optionalPeers) {
    const { args, writes } = NEEDS[name];
    if (!writes) continue; // the SQLite store: imported below, not opened
    ok(ruralkit(project, ...args), `ruralkit ${args.join(' ')}`);
    if (!existsSync(join(project, writes))) return `ruralkit ${args.join(' ')} wrote no ${writes}`;
  }
  ok(ruralkit(project, 'evaluate', 'template.xlsx', '--as-of', '2025-12-31'), 'evaluate template.xlsx');
});

// 4. Imports from ESM and CJS, and TypeScript under three module resolutions.
const exportsOf = (manifest) =>
  Object.keys(manifest.exports)
    .filter((k) => k !== './package.json')
    .map((k) => (k === '.' ? manifest.name : `${manifest.name}/${k.slice(2)}`));
const specifiers = packages.flatMap((p) => exportsOf(p.manifest));

check('every export loads with import()', () => {
  const code = `for (const s of ${JSON.stringify(specifiers)}) await import(s);`;
  ok(sh('node', ['--input-type=module', '-e', code], project), 'import()');
});
check('every export loads with require() (vitest itself refuses require: its message is accepted)', () => {
  const code = `for (const s of ${JSON.stringify(specifiers)}) {
    try { require(s); } catch (e) { if (!/Vitest cannot be imported in a CommonJS module/.test(e.message)) throw e; }
  }`;
  ok(sh('node', ['-e', code], project), 'require()');
});

ok(npm(project, 'i', '-D', 'typescript@~5.9.0', '@types/node@^20.19.0'), 'npm i typescript');
const readmeExamples = packages
  .map((p) => ({ name: p.manifest.name, text: readFileSync(join(p.dir, 'README.md'), 'utf8') }))
  .map(({ name, text }) => ({ name, code: /^```ts\n([\s\S]*?)^```$/m.exec(text)?.[1] }))
  .filter((e) => e.code);
/** A program importing every export (and, in ESM, running each README's example), type-checked. */
function typecheck(mode, { module, moduleResolution, type }) {
  const dir = join(project, `ts-${mode}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
  const compilerOptions = {
    module,
    moduleResolution,
    target: 'ES2022',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['node'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
  const imports = specifiers.map((s, i) => `import * as m${i} from '${s}';\nconsole.log(Object.keys(m${i}));`);
  writeFileSync(join(dir, 'exports.ts'), `${imports.join('\n')}\nexport {};\n`);
  if (type === 'module') {
    readmeExamples.forEach(({ code }, i) => writeFileSync(join(dir, `readme-${i}.ts`), `${code}\nexport {};\n`));
  }
  ok(sh(join(project, 'node_modules/.bin/tsc'), ['-p', dir], project), `tsc (${mode})`);
}
check('TypeScript: node16, ESM (every export, every README example)', () =>
  typecheck('node16-esm', { module: 'node16', moduleResolution: 'node16', type: 'module' }),
);
check('TypeScript: node16, CJS (every export)', () =>
  typecheck('node16-cjs', { module: 'node16', moduleResolution: 'node16', type: 'commonjs' }),
);
check('TypeScript: bundler (every export, every README example)', () =>
  typecheck('bundler', { module: 'esnext', moduleResolution: 'bundler', type: 'module' }),
);

// 5. What ships.
for (const { manifest } of packages) {
  check(`${manifest.name}: README.md, LICENSE, each source module once per format, import.meta shimmed in CJS`, () => {
    const dir = join(project, 'node_modules', manifest.name);
    const missing = ['README.md', 'LICENSE'].filter((f) => !existsSync(join(dir, f)));
    if (missing.length) return `missing ${missing.join(', ')}`;
    const seen = new Map();
    for (const file of readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.cjs'))) {
      // esbuild's stand-in for import.meta in CJS is an empty object: import.meta.url undefined.
      if (readFileSync(join(dir, 'dist', file), 'utf8').includes('import_meta = {}')) {
        return `${file} uses import.meta, which is empty in CommonJS`;
      }
    }
    for (const map of readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.map'))) {
      const format = map.endsWith('.cjs.map') ? 'cjs' : 'esm';
      for (const source of JSON.parse(readFileSync(join(dir, 'dist', map), 'utf8')).sources) {
        const key = `${format} ${source}`;
        if (seen.has(key)) return `${source} is in both ${seen.get(key)} and ${map}`;
        seen.set(key, map);
      }
    }
  });
}

// 6. Typed clients generated from the served document, as an integrator in TypeScript makes them.
const rootDevDependencies = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
const databaseUrl =
  process.env.DATABASE_URL ?? (process.env.CI ? undefined : 'postgres://postgres@127.0.0.1:5432/test');
/** `ruralkit serve` on a free port; resolves with the child and the URL it printed. */
function serve(args) {
  const child = spawn(join(project, 'node_modules/.bin/ruralkit'), ['serve', '--port', '0', ...args], {
    cwd: project,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s: ${stderr}`), child.kill()), 30_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      if (url) resolve({ child, url }, clearTimeout(timer));
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`), clearTimeout(timer)));
  });
}
/** One village of the example, typed by each client's generated input types. */
const CLIENT_INPUT = `{
  villages: [
    {
      id: 'liuyang',
      attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
      indicators: { '2025': { tapWaterRate: 0.93 } },
    },
  ],
}`;
// No cast anywhere: evaluate's 200 is the report alone, so data.results[0] type-checks as it is.
const CLIENT_PROGRAMS = {
  'openapi-fetch.ts': `import createClient from 'openapi-fetch';
import type { paths } from './openapi-typescript/api';

const client = createClient<paths>({
  baseUrl: process.env.BASE_URL,
  headers: { authorization: \`Bearer \${process.env.TOKEN}\` },
});
const { data, error } = await client.POST('/plans/{plan}/evaluate', {
  params: { path: { plan: 'changjiang-2021' }, query: { asOf: '2025-12-31' } },
  body: ${CLIENT_INPUT.replace(/\n/g, '\n  ')},
});
if (!data) throw new Error(JSON.stringify(error));
const page = await client.POST('/plans/{plan}/evaluate/report.html', {
  params: { path: { plan: 'changjiang-2021' }, query: { asOf: '2025-12-31' } },
  body: { villages: [] },
  parseAs: 'text',
});
const html: string | undefined = page.data;
const first = data.results[0];
console.log(JSON.stringify({ results: data.results.length, first: [first.ruleId, first.status], overall: data.summary.overall, html: html?.startsWith('<!doctype html>') }));
`,
  'hey-api.ts': `import { client } from './hey-api/client.gen';
import { evaluate, evaluateHtml } from './hey-api/sdk.gen';

client.setConfig({ baseUrl: process.env.BASE_URL, auth: () => process.env.TOKEN });
const { data, error } = await evaluate({
  path: { plan: 'changjiang-2021' },
  query: { asOf: '2025-12-31' },
  body: ${CLIENT_INPUT.replace(/\n/g, '\n  ')},
});
if (!data) throw new Error(JSON.stringify(error));
const page = await evaluateHtml({ path: { plan: 'changjiang-2021' }, query: { asOf: '2025-12-31' }, body: { villages: [] }, parseAs: 'text' });
const html: string | undefined = page.data;
const first = data.results[0];
console.log(JSON.stringify({ results: data.results.length, first: [first.ruleId, first.status], overall: data.summary.overall, html: html?.startsWith('<!doctype html>') }));
`,
};
const clients = join(project, 'clients');
// A database of this run's own, dropped at the end: DATABASE_URL's may hold others' schemas.
const database = `ruralkit_consumer_${process.pid}_${Date.now()}`;
/** Run one statement on DATABASE_URL's server. */
async function admin(sql) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
let served;
await check('typed clients: ruralkit serve answers with the PostgreSQL store', async () => {
  if (!databaseUrl) return 'DATABASE_URL is not set: the served clients need PostgreSQL';
  ok(ruralkit(project, 'keygen', '--jwt', '--out', 'jwt.pem'), 'keygen --jwt');
  const minted = ok(
    ruralkit(project, 'token', '--key', 'jwt.pem', '--tenant', 'changjiang', '--roles', 'department'),
    'token',
  );
  await admin(`CREATE DATABASE "${database}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  served = {
    ...(await serve(['--database-url', url.href, '--jwt-key', 'jwt.pem.pub'])),
    token: minted.stdout.trim(),
  };
  ok(npm(project, 'i', '-D', `openapi-fetch@${rootDevDependencies['openapi-fetch']}`), 'npm i openapi-fetch');
});
check('typed clients: generated from /openapi.json by openapi-typescript and @hey-api/openapi-ts', () => {
  if (!served) return 'no service';
  const document = `${served.url}/openapi.json`;
  const bin = (name) => join(root, 'node_modules/.bin', name);
  ok(
    sh(bin('openapi-typescript'), [document, '-o', join(clients, 'openapi-typescript/api.d.ts')], root),
    'openapi-typescript',
  );
  ok(sh(bin('openapi-ts'), ['-i', document, '-o', join(clients, 'hey-api')], root), 'openapi-ts');
});
check('typed clients: strict programs using each compile with tsc --noEmit, no cast', () => {
  if (!served) return 'no service';
  writeFileSync(join(clients, 'package.json'), JSON.stringify({ type: 'module' }));
  const compilerOptions = {
    module: 'esnext',
    moduleResolution: 'bundler',
    target: 'ES2022',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['node'],
  };
  writeFileSync(join(clients, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['**/*.ts'] }));
  for (const [name, code] of Object.entries(CLIENT_PROGRAMS)) writeFileSync(join(clients, name), code);
  ok(sh(join(project, 'node_modules/.bin/tsc'), ['-p', clients], project), 'tsc');
});
check('typed clients: each evaluates over the socket, the same report as ruralkit evaluate', () => {
  if (!served) return 'no service';
  const local = JSON.parse(
    ok(ruralkit(project, 'evaluate', 'data.yaml', '--as-of', '2025-12-31', '--format', 'json'), 'evaluate').stdout,
  );
  const want = {
    results: local.results.length,
    first: [local.results[0].ruleId, local.results[0].status],
    overall: local.summary.overall,
    html: true,
  };
  for (const name of Object.keys(CLIENT_PROGRAMS)) {
    const r = ok(
      sh(join(root, 'node_modules/.bin/tsx'), [join(clients, name)], clients, {
        BASE_URL: served.url,
        TOKEN: served.token,
      }),
      name,
    );
    if (r.stdout.trim() !== JSON.stringify(want)) return `${name}: ${r.stdout.trim()}, want ${JSON.stringify(want)}`;
  }
});
if (served && served.child.exitCode === null) {
  const exited = new Promise((resolve) => served.child.once('exit', resolve));
  served.child.kill();
  await exited;
}
if (databaseUrl) {
  await check('typed clients: their database is dropped', () =>
    admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  );
}

const failed = results.filter((r) => !r.ok).length;
console.log(`\nconsumer: ${results.length - failed} passed, ${failed} failed`);
if (process.env.RURALKIT_KEEP) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
