/**
 * `npm run demo`, headless, as a reader would run it: it builds against its own local signed feed
 * offering a newer dataset version, and prints and pictures the worker picking it up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import bundled from '../../src/dataset/generated/dataset.json';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run demo', () => {
  it('prints the update arriving from its local feed, and writes the tooltip and popup screenshots', () => {
    const started = Date.now();
    const result = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'scripts/demo.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DEMO_HEADLESS: '1' },
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    const version = `${bundled.version}.1`;
    expect(output).toMatch(new RegExp(`Dataset ${version.replace(/\./g, '\\.')}, updated from http://127\\.0\\.0\\.1:\\d+/feed/manifest\\.json at \\d\\d:\\d\\d:\\d\\d UTC`));
    expect(output).toContain(`dataset ${version}`);
    expect(output).toMatch(new RegExp(`popup\\.png \\("Evidence dataset ${version.replace(/\./g, '\\.')} · updated from 127\\.0\\.0\\.1:\\d+ just now"\\)`));
    for (const file of ['annotated.png', 'popup.png']) {
      const path = resolve(ROOT, 'demo-output', file);
      expect(existsSync(path) && statSync(path).mtimeMs).toBeGreaterThan(started - 1000);
    }
  }, 120_000);
});
