/** Where the popup's data comes from: the tab it describes and that tab's report. */
import { browser } from 'wxt/browser';
import type { PageReport } from '../../engine/report';
import { sendToBackground } from '../../extension/messages';

/** `popup.html?tabId=N` describes tab N (tests and the options page use this); else the active tab. */
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
