/**
 * Messages between the content script, the background worker, the popup and the options
 * page. Listeners answer through `sendResponse` + `return true`, the one pattern that works
 * natively, with the polyfill and in WXT's fake browser (see ../shared/TOOLCHAIN.md §1b).
 */
import { browser } from 'wxt/browser';
import type { PreparedMatchIndex } from '../engine/matcher';
import type { Dataset } from '../dataset/schema';
import type { PageReport } from '../engine/report';
import type { TooltipTrigger } from '../settings/settings';
import type { UpdateStatus } from '../update/status';
import type { LazyModuleName } from './lazy-modules';

/** Messages the background worker answers. */
export type Message =
  | { type: 'page:config'; host: string }
  | { type: 'dataset:get' }
  | { type: 'report:set'; report: PageReport }
  | { type: 'report:get'; tabId: number }
  | { type: 'module:load'; name: LazyModuleName }
  /** Dataset updates: the popup reads the status, or runs a check now and gets the status after it. */
  | { type: 'update:status' }
  | { type: 'update:check' };

/** What applies to one page: whether we run there, how, and what to look for. */
export interface PageConfig {
  enabled: boolean;
  /** The site as the settings name it ("example.com"). */
  site: string;
  tooltipTrigger: TooltipTrigger;
  /** The dataset's match index without hidden kinds; null where we do not run. */
  index: PreparedMatchIndex | null;
  /** Changes whenever the index would (dataset version, hidden kinds). */
  indexKey: string;
}

export interface Responses {
  'page:config': PageConfig;
  'dataset:get': { dataset: Dataset };
  'report:set': { ok: true };
  'report:get': { report: PageReport | null };
  'module:load': { ok: true } | { ok: false; error: string };
  'update:status': UpdateStatus;
  'update:check': UpdateStatus;
}

export type Response<M extends Message> = Responses[M['type']];

/** Messages a tab's content script answers (from the background or the popup). */
export type TabMessage =
  | { type: 'config:changed' }
  | { type: 'dataset:changed' }
  | { type: 'command'; command: CommandName }
  | { type: 'mention:show'; mentionId: number };

export const COMMANDS = ['next-mention', 'toggle-highlights'] as const;
export type CommandName = (typeof COMMANDS)[number];

export async function sendToBackground<M extends Message>(message: M): Promise<Response<M>> {
  const response: unknown = await browser.runtime.sendMessage(message);
  if (response === undefined) throw new Error(`No answer from the background worker to ${message.type}`);
  return response as Response<M>;
}

/** Sends to one tab's content script; false when the tab has none (a browser page, say). */
export async function sendToTab(tabId: number, message: TabMessage): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message);
    return true;
  } catch {
    return false;
  }
}

/** Tells every open tab's content script; tabs without one are skipped. */
export async function broadcastToTabs(message: TabMessage): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? false : sendToTab(tab.id, message))));
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function isTabMessage(value: unknown): value is TabMessage {
  return isMessage(value);
}
