/**
 * `npm run bench:stress`: only the stress cases of `npm run bench` (a mutation flood of 1,000
 * nodes a second for 20 s, a page with 10,000 mentions), with and without the extension.
 * Prints one line per case and writes bench-output/stress.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildExtension } from './lib/build';
import { benchStress, STRESS_PAGES } from './lib/bench-stress';
import { launchWithExtension } from './lib/chromium';
import { findChromium, INSTALL_HINT, QUIET_CHROMIUM_FLAGS } from './lib/find-chromium';
import { startStaticServer } from './lib/static-server';

const OUT = resolve(import.meta.dirname, '..', 'bench-output');

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  if (!process.argv.includes('--no-build')) buildExtension();
  for (const { name, html } of STRESS_PAGES) {
    mkdirSync(dirname(resolve(OUT, 'pages', name)), { recursive: true });
    writeFileSync(resolve(OUT, 'pages', name), html);
  }
  const server = await startStaticServer(resolve(OUT, 'pages'));
  const session = await launchWithExtension({ headless: true, executablePath });
  const plainBrowser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', ...QUIET_CHROMIUM_FLAGS] });
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const rows = await benchStress(session, plain, (name) => server.url(name));
    writeFileSync(resolve(OUT, 'stress.json'), JSON.stringify(rows, null, 2));
  } finally {
    await session.close();
    await plainBrowser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
