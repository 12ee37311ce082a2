/**
 * Each tab's page report, kept in storage.session: the browser may stop the background worker
 * between a page load and the popup opening, and the popup follows changes as they land.
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../engine/report';

const KEY_PREFIX = 'report:';

const keyOf = (tabId: number) => KEY_PREFIX + tabId;

export async function saveReport(tabId: number, report: PageReport): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: report });
}

export async function loadReport(tabId: number): Promise<PageReport | null> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  return (stored[keyOf(tabId)] as PageReport | undefined) ?? null;
}

export async function forgetReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** Calls back with each new report for the tab; returns a function that stops watching. */
export function watchReport(tabId: number, onReport: (report: PageReport | null) => void): () => void {
  const key = keyOf(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) onReport((changes[key]!.newValue as PageReport | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
