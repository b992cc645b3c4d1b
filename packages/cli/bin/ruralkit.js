#!/usr/bin/env node
// The `ruralkit` command: runs the built CLI, or, in a checkout that is not built yet (尚未构建),
// says how to build it instead of failing with Node's stack trace.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'ruralkit: 尚未构建：请在仓库根目录先运行 pnpm install && pnpm build\n' +
      'ruralkit: not built yet: run pnpm install && pnpm build in the repository first\n',
  );
  process.exitCode = 2;
}
