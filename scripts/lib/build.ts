/** Builds the Chromium extension with WXT, streaming its output. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export function buildExtension(args: string[] = []): void {
  const result = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`wxt build ${args.join(' ')} failed (exit ${result.status})`);
}
