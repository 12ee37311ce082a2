/**
 * The background worker's job: tell each page what applies to it (settings and the dataset's
 * match index), hand the full dataset to pages that mention something, inject the lazily
 * loaded modules, keep each tab's page report for the popup and the toolbar badge, and pass
 * keyboard commands to the page. Reports also go to storage.session, because the browser may
 * stop the worker between a page load and the popup opening.
 */
import { browser, type Browser } from 'wxt/browser';
import bundledDataset from '../dataset/generated/dataset.json';
import { toMatchIndex } from '../dataset/match-index';
import { prepareMatchIndex, type PreparedMatchIndex } from '../engine/matcher';
import { parseDataset, type Dataset } from '../dataset/schema';
import { isEnabledForHost, loadSettings, settingsItem, siteOf } from '../settings/settings';
import { builtInFeedSettings } from '../update/feed-settings';
import { startDatasetUpdates, type DatasetUpdater } from '../update/updater';
import { clearBadge, showBadge } from './badge';
import { LAZY_MODULE_FILES } from './lazy-modules';
import { forgetReport, loadReport, saveReport } from './report-store';
import { broadcastToTabs, COMMANDS, parseMessage, sendToTab, type Message, type Responses } from './messages';

export function startBackgroundService(): void {
  const datasets = new DatasetSource(loadBundledDataset());
  // Signed dataset updates (src/update): the newest verified dataset, never older than the bundled one.
  const updates = startDatasetUpdates({
    bundled: datasets.current(),
    settings: builtInFeedSettings(),
    extensionVersion: () => browser.runtime.getManifest().version,
    onDatasetChanged: (dataset, { applied }) => {
      datasets.replace(dataset);
      if (applied) void broadcastToTabs({ type: 'dataset:changed' });
    },
    automaticChecks: async () => (await loadSettings()).automaticUpdates,
  });

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void) => {
      const parsed = parseMessage(message);
      if (!parsed.ok) {
        sendResponse(parsed.answer);
        return false;
      }
      handle(parsed.message, sender, datasets, updates).then(sendResponse, (error: unknown) => {
        console.error('Evidence Lens: background message failed', error);
        sendResponse(undefined);
      });
      return true;
    },
  );

  browser.tabs.onRemoved.addListener((tabId) => void forgetReport(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading: the old report and badge no longer describe the tab.
    if (change.status === 'loading') {
      void forgetReport(tabId);
      void clearBadge(tabId);
    }
  });

  // Settings changed (options page, popup switch): every tab re-reads what applies to it.
  settingsItem.watch(() => void broadcastToTabs({ type: 'config:changed' }));

  browser.commands?.onCommand.addListener((command, tab) => void forwardCommand(command, tab));
}

/** The dataset in use, and its match index per set of hidden kinds (built once each). */
class DatasetSource {
  private indexes = new Map<string, PreparedMatchIndex>();

  constructor(private dataset: Dataset) {}

  current(): Dataset {
    return this.dataset;
  }

  replace(dataset: Dataset): void {
    this.dataset = dataset;
    this.indexes.clear();
  }

  index(hiddenKinds: readonly Dataset['entries'][number]['kind'][]): PreparedMatchIndex {
    const key = hiddenKinds.join(',');
    let index = this.indexes.get(key);
    if (!index) {
      // The matcher's trie is built here once, not on every page the reader opens.
      index = prepareMatchIndex(toMatchIndex(this.dataset, hiddenKinds));
      this.indexes.set(key, index);
    }
    return index;
  }
}

async function handle(
  message: Message,
  sender: Browser.runtime.MessageSender,
  datasets: DatasetSource,
  updates: DatasetUpdater,
): Promise<Responses[Message['type']]> {
  // A stored update may be the dataset in use: read it (once per worker start) before answering.
  await updates.dataset();
  switch (message.type) {
    case 'page:config': {
      const settings = await loadSettings();
      const enabled = isEnabledForHost(settings, message.host);
      return {
        enabled,
        site: siteOf(message.host),
        tooltipTrigger: settings.tooltipTrigger,
        index: enabled ? datasets.index(settings.hiddenKinds) : null,
        indexKey: `${datasets.current().version}|${settings.hiddenKinds.join(',')}`,
      };
    }
    case 'dataset:get':
      return { dataset: datasets.current() };
    case 'report:set': {
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.frameId === 0) {
        await saveReport(tabId, message.report);
        await showBadge(tabId, message.report);
      }
      return { ok: true };
    }
    case 'report:get':
      return { report: await loadReport(message.tabId) };
    case 'module:load':
      return injectModule(sender, message.name);
    case 'update:status':
      return updates.status();
    case 'update:check':
      return updates.checkNow();
    case 'feeds:list':
      return { feeds: await updates.feeds() };
    case 'feeds:add':
      // Only the extension's own pages (the options page) may change the feeds, never a page's content script.
      if (!fromExtensionPage(sender)) return { ok: false, problems: [{ field: 'url', message: 'Feeds can only be added from the options page.' }], feeds: [] };
      return updates.addFeed(message.url, message.publicKey);
    case 'feeds:remove':
      if (!fromExtensionPage(sender)) return { feeds: [] };
      return { feeds: await updates.removeFeed(message.url) };
  }
}

/** Only the extension's own pages (options, popup) may change the reader's feeds; a content script never. */
export function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** The dataset that ships in the extension; the build guarantees it validates. */
export function loadBundledDataset(): Dataset {
  const result = parseDataset(bundledDataset);
  if (!result.ok) throw new Error(`Bundled dataset is invalid: ${result.errors.slice(0, 5).join('; ')}`);
  return result.dataset;
}

/** Injects a lazily loaded module into the frame that asked, in the content script's world. */
async function injectModule(
  sender: Browser.runtime.MessageSender,
  name: keyof typeof LAZY_MODULE_FILES,
): Promise<Responses['module:load']> {
  const tabId = sender.tab?.id;
  const file = LAZY_MODULE_FILES[name];
  if (tabId === undefined || !file) return { ok: false, error: 'not asked from a page' };
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [file],
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A keyboard shortcut goes to the page it was pressed on. */
async function forwardCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const name = COMMANDS.find((known) => known === command);
  if (!name) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await sendToTab(tabId, { type: 'command', command: name });
}
