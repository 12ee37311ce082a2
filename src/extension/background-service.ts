/**
 * The background worker's job: hand the current dataset to content scripts, and keep each
 * tab's page report so the popup can read it. Reports also go to storage.session, because
 * the browser may stop the worker between a page load and the popup opening.
 */
import { browser, type Browser } from 'wxt/browser';
import bundledDataset from '../dataset/generated/dataset.json';
import { parseDataset, type Dataset } from '../dataset/schema';
import type { PageReport } from '../engine/report';
import { isMessage, type Message, type Responses } from './messages';

const REPORT_KEY_PREFIX = 'report:';

export function startBackgroundService(): void {
  const dataset = loadBundledDataset();

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void) => {
      if (!isMessage(message)) return false;
      handle(message, sender, dataset).then(sendResponse, (error: unknown) => {
        console.error('Evidence Lens: background message failed', error);
        sendResponse(undefined);
      });
      return true;
    },
  );

  browser.tabs.onRemoved.addListener((tabId) => void forgetReport(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading: the old report no longer describes the tab.
    if (change.status === 'loading') void forgetReport(tabId);
  });
}

async function handle(
  message: Message,
  sender: Browser.runtime.MessageSender,
  dataset: Dataset,
): Promise<Responses[Message['type']]> {
  switch (message.type) {
    case 'dataset:get':
      return { dataset };
    case 'report:set': {
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.frameId === 0) await saveReport(tabId, message.report);
      return { ok: true };
    }
    case 'report:get':
      return { report: await loadReport(message.tabId) };
  }
}

/** The dataset that ships in the extension; the build guarantees it validates. */
export function loadBundledDataset(): Dataset {
  const result = parseDataset(bundledDataset);
  if (!result.ok) throw new Error(`Bundled dataset is invalid: ${result.errors.slice(0, 5).join('; ')}`);
  return result.dataset;
}

async function saveReport(tabId: number, report: PageReport): Promise<void> {
  await browser.storage.session.set({ [REPORT_KEY_PREFIX + tabId]: report });
}

async function loadReport(tabId: number): Promise<PageReport | null> {
  const key = REPORT_KEY_PREFIX + tabId;
  const stored = await browser.storage.session.get(key);
  return (stored[key] as PageReport | undefined) ?? null;
}

async function forgetReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(REPORT_KEY_PREFIX + tabId);
}
