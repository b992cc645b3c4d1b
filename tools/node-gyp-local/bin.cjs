#!/usr/bin/env node
// node-gyp, pointed at the headers of the Node that runs it (本机 Node 头文件).
//
// pnpm puts the workspace's node_modules/.bin ahead of its own node-gyp, so native dependencies
// (better-sqlite3) run this first. Node installs ship their headers in <prefix>/include/node;
// node-gyp would otherwise download them, which fails on machines without internet access.
// When no nodedir is configured and those headers exist, this adds --nodedir=<prefix>, then
// runs the next node-gyp on PATH (pnpm's or npm's) with the same arguments.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, realpathSync } = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const prefix = path.resolve(path.dirname(process.execPath), '..');
const configured = process.env.npm_config_nodedir || args.some((a) => a.startsWith('--nodedir'));
if (!configured && existsSync(path.join(prefix, 'include', 'node', 'common.gypi'))) {
  args.push(`--nodedir=${prefix}`);
}

const names = process.platform === 'win32' ? ['node-gyp.cmd', 'node-gyp.exe', 'node-gyp'] : ['node-gyp'];
const next = (process.env.PATH || '')
  .split(path.delimiter)
  .filter(Boolean)
  .flatMap((dir) => names.map((name) => path.join(dir, name)))
  .find((file) => existsSync(file) && !isSelf(file));

if (!next) {
  console.error('node-gyp not found on PATH / 在 PATH 中找不到 node-gyp (install it: npm i -g node-gyp)');
  process.exit(1);
}
const result = spawnSync(next, args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);

/** True for this wrapper itself, or a package manager's shim that runs it. */
function isSelf(file) {
  try {
    return realpathSync(file) === realpathSync(__filename) || readFileSync(file, 'utf8').includes('node-gyp-local');
  } catch {
    return false;
  }
}
