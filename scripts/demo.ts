/**
 * `npm run demo [-- page.html]`: builds the extension, serves the demo page (or the given
 * file) on 127.0.0.1 and opens it in Chromium with Evidence Lens loaded. With a display you
 * get a normal window; without one it runs headless, saves demo-output/annotated.png with a
 * tooltip open and prints the page summary.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { PageReport } from '../src/engine/report';
import { buildExtension } from './lib/build';
import { launchWithExtension, waitForReport } from './lib/chromium';
import { INSTALL_HINT, findChromium } from './lib/find-chromium';
import { startStaticServer } from './lib/static-server';
import { formatSummary } from './lib/summary';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_PAGE = resolve(ROOT, 'tests/fixtures/demo-blog.html');
const OUTPUT_DIR = resolve(ROOT, 'demo-output');

async function main(): Promise<void> {
  const page = resolve(process.argv[2] ?? DEFAULT_PAGE);
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  const headless = process.env.DEMO_HEADLESS === '1' || !hasDisplay();

  buildExtension();
  const server = await startStaticServer(dirname(page));
  const session = await launchWithExtension({ headless, executablePath });
  try {
    const url = server.url(basename(page));
    const tab = await session.context.newPage();
    await tab.goto(url);
    // The report that follows the language analysis carries the flags.
    const { report } = await waitForReport(session, url, {
      timeoutMs: 20_000,
      until: (r) => r.mentions.length === 0 || (r.timing?.analysisMs ?? 0) > 0,
    });
    console.log(`\n${formatSummary(report)}\n`);
    if (headless) {
      await screenshotWithTooltip(tab, report);
    } else {
      console.log('Chromium is open with Evidence Lens loaded. Close the window to finish.');
      await new Promise<void>((done) => session.context.on('close', () => done()));
    }
  } finally {
    await session.close().catch(() => undefined);
    await server.close();
  }
}

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * Hovers the most informative mention (a flagged dose if the page has one, else a drug) and
 * saves a screenshot.
 */
async function screenshotWithTooltip(tab: import('playwright-core').Page, report: PageReport): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = resolve(OUTPUT_DIR, 'annotated.png');
  const doses = report.flags.filter((flag) => flag.kind === 'dose');
  const flagged = doses.find((flag) => flag.status === 'over-rls-max') ?? doses[0];
  const preferred = report.entries.find((entry) => entry.kind === 'drug') ?? report.entries[0];
  const selector = flagged
    ? `evlens-mark[data-evlens-mention="${flagged.targetId}"]`
    : preferred && `evlens-mark[data-evlens-entry="${preferred.id}"]`;
  const name = flagged ? flagged.entryName : preferred?.name;
  if (selector) {
    const mention = tab.locator(selector).first();
    // Near the top of the window, so the tooltip opens below it at full height.
    await mention.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await tab.evaluate(() => window.scrollBy(0, -160));
    await mention.hover();
    await tab.locator('evlens-ui [role="tooltip"]').waitFor({ state: 'visible', timeout: 5000 });
    await tab.waitForTimeout(300); // let the fade-in finish
  }
  await tab.screenshot({ path });
  console.log(`Screenshot with ${name ? `the ${name} tooltip open` : 'no mentions'}: ${path}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
