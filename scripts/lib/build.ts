/** Builds the Chromium extension with WXT, streaming its output. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** `env` adds build-time settings (a test feed, another output folder) to this build only. */
export function buildExtension(args: string[] = [], env: Record<string, string> = {}): void {
  const result = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`wxt build ${args.join(' ')} failed (exit ${result.status})`);
}
