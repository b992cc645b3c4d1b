// The guides stand alone: a newcomer has the repository, not the project's internal specification.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const guides = readdirSync(join(root, 'docs/guides')).filter((f) => f.endsWith('.md'));
const read = (file: string) => readFileSync(join(root, 'docs/guides', file), 'utf8');

describe('the guides', () => {
  it.each(guides)('%s cites no document a user does not have', (file) => {
    expect(read(file)).not.toMatch(/catalog §|§\d|the specification|spec\/catalog/i);
  });

  it('getting-started builds the checkout before the first ruralkit command', () => {
    const text = read('getting-started.md');
    const build = text.indexOf('pnpm build');
    expect(build).toBeGreaterThan(-1);
    expect(build).toBeLessThan(text.indexOf('pnpm ruralkit'));
  });
});
