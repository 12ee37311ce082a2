/** Where the popup's data comes from: the tab it describes, that tab's report, and the page itself. */
import { browser } from 'wxt/browser';
import type { PageReport } from '../../engine/report';
import { sendToBackground, sendToTab } from '../../extension/messages';

/** `popup.html?tabId=N` describes tab N (tests use this); else the active tab. */
export async function resolveTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isInteger(fromQuery)) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function loadTabReport(tabId: number): Promise<PageReport | null> {
  const { report } = await sendToBackground({ type: 'report:get', tabId });
  return report;
}

export { watchReport as watchTabReport } from '../../extension/report-store';

/** Asks the page to scroll to a mark (a mention or a claim sentence) and open its tooltip. */
export function showOnPage(tabId: number, markId: number): Promise<boolean> {
  return sendToTab(tabId, { type: 'mark:show', markId });
}
