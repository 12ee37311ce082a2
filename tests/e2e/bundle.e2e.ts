/**
 * What every page pays for: in the build the browser tests load, the always-injected content
 * script stays within its budget (docs/performance.md), and each lazily loaded module is a
 * file of its own, injected by the background (no web-accessible resource for pages to probe).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/chromium';
import { LAZY_MODULE_FILES } from '../../src/extension/lazy-modules';

describe('the built extension', () => {
  it('keeps the always-injected content script within 20 KB gzipped (gzip -9, as npm run bench measures it)', () => {
    const script = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/content.js'));
    expect(gzipSync(script, { level: 9 }).length / 1024).toBeLessThanOrEqual(20);
  });

  it('builds every lazily loaded module as a file of its own, not web-accessible', () => {
    for (const file of Object.values(LAZY_MODULE_FILES)) expect(existsSync(resolve(EXTENSION_DIR, `.${file}`)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
