#!/usr/bin/env node
/**
 * Pack every publishable package (可发布的包: each folder under packages/ whose package.json is
 * not private) into one folder, as the registry would receive it: `pnpm pack:packages [DIR]`
 * (default `packed/`). Build first (`pnpm build`). Prints the tarballs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The publishable packages: `{ dir, manifest }`, by folder name. */
export function publishablePackages() {
  const base = join(root, 'packages');
  return readdirSync(base)
    .sort()
    .map((name) => join(base, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private);
}

/** Pack each publishable package into `dest`; returns `{ dir, manifest, tarball }` for each. */
export function packPackages(dest) {
  mkdirSync(dest, { recursive: true });
  return publishablePackages().map((pkg) => {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', dest, '--json'], {
      cwd: pkg.dir,
      encoding: 'utf8',
    });
    return { ...pkg, tarball: JSON.parse(out).filename };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { tarball } of packPackages(resolve(process.argv[2] ?? join(root, 'packed')))) console.log(tarball);
}
