/**
 * Waits for the extension's per-tab report on a page, as the background keeps it in
 * `storage.session` (`report:<tab id>`). Each browser tier supplies how to read that storage
 * (Chromium through its service worker, Firefox through an extension page), so tests need no
 * "tabs" permission the product does not need.
 */
import type { PageReport } from '../../src/engine/report';

export async function waitForStoredReport(
  readSession: () => Promise<Record<string, unknown>>,
  url: string,
  options: { timeoutMs?: number; until?: (report: PageReport) => boolean } = {},
): Promise<{ tabId: number; report: PageReport }> {
  const { timeoutMs = 10_000, until = () => true } = options;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = Object.entries(await readSession()).find(
      ([key, value]) => key.startsWith('report:') && (value as { url?: string }).url === url,
    );
    if (found && until(found[1] as PageReport)) {
      return { tabId: Number(found[0].slice('report:'.length)), report: found[1] as PageReport };
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`The extension did not report on ${url} within ${timeoutMs} ms.`);
}
