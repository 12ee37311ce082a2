/**
 * Messages between the content script, the background worker, the popup and the options
 * page. Listeners answer through `sendResponse` + `return true`, the one pattern that works
 * natively, with the polyfill and in WXT's fake browser (see ../shared/TOOLCHAIN.md §1b).
 * Every message is checked at the boundary (parseMessage, parseTabMessage): a malformed one
 * gets a clear error answer, never a crash.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { PreparedMatchIndex } from '../engine/matcher';
import type { Dataset } from '../dataset/schema';
import type { PageReport } from '../engine/report';
import type { TooltipTrigger } from '../settings/settings';
import type { UpdateStatus } from '../update/status';
import type { AddFeedResult, UserFeedStatus } from '../update/updater';
import { LAZY_MODULES, type LazyModuleName } from './lazy-modules';

/** Messages the background worker answers. */
export type Message =
  | { type: 'page:config'; host: string }
  | { type: 'dataset:get' }
  | { type: 'report:set'; report: PageReport }
  | { type: 'report:get'; tabId: number }
  | { type: 'module:load'; name: LazyModuleName }
  /** Dataset updates: the popup reads the status, or runs a check now and gets the status after it. */
  | { type: 'update:status' }
  | { type: 'update:check' }
  /** The reader's own feeds (options page): list, add (checked field by field), remove. */
  | { type: 'feeds:list' }
  | { type: 'feeds:add'; url: string; publicKey: string }
  | { type: 'feeds:remove'; url: string };

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
  'feeds:list': { feeds: UserFeedStatus[] };
  'feeds:add': AddFeedResult;
  'feeds:remove': { feeds: UserFeedStatus[] };
}

export type Response<M extends Message> = Responses[M['type']];

/** Messages a tab's content script answers (from the background or the popup). */
export type TabMessage =
  | { type: 'config:changed' }
  | { type: 'dataset:changed' }
  | { type: 'command'; command: CommandName }
  /** Scroll to a mark (a mention or a claim sentence) and open its tooltip. */
  | { type: 'mark:show'; markId: number };

export const COMMANDS = ['next-mention', 'toggle-highlights'] as const;
export type CommandName = (typeof COMMANDS)[number];

const markId = v.pipe(v.number(), v.integer(), v.minValue(1));
const MessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('page:config'), host: v.pipe(v.string(), v.maxLength(255)) }),
  v.strictObject({ type: v.literal('dataset:get') }),
  // Reports come from our own content script; the shape the background and the badge read is checked.
  v.strictObject({
    type: v.literal('report:set'),
    report: v.looseObject({ url: v.string(), title: v.string(), mentions: v.array(v.unknown()), flags: v.array(v.unknown()) }),
  }),
  v.strictObject({ type: v.literal('report:get'), tabId: v.pipe(v.number(), v.integer()) }),
  v.strictObject({ type: v.literal('module:load'), name: v.picklist(LAZY_MODULES) }),
  v.strictObject({ type: v.literal('update:status') }),
  v.strictObject({ type: v.literal('update:check') }),
  v.strictObject({ type: v.literal('feeds:list') }),
  // Length-capped here; every field rule is checked by the updater, with a message per field.
  v.strictObject({ type: v.literal('feeds:add'), url: v.pipe(v.string(), v.maxLength(4096)), publicKey: v.pipe(v.string(), v.maxLength(4096)) }),
  v.strictObject({ type: v.literal('feeds:remove'), url: v.pipe(v.string(), v.maxLength(4096)) }),
]);
const TabMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('config:changed') }),
  v.strictObject({ type: v.literal('dataset:changed') }),
  v.strictObject({ type: v.literal('command'), command: v.picklist(COMMANDS) }),
  v.strictObject({ type: v.literal('mark:show'), markId }),
]);

/** The answer to a message that failed the check. */
export interface MalformedAnswer {
  malformed: string;
}

export type Parsed<T> = { ok: true; message: T } | { ok: false; answer: MalformedAnswer };

function parseWith<T>(schema: v.GenericSchema<unknown, T>, value: unknown): Parsed<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return { ok: false, answer: { malformed: `Evidence Lens: malformed message${path ? ` at ${path}` : ''}: ${issue.message}` } };
}

/** A message for the background worker, checked. */
export function parseMessage(value: unknown): Parsed<Message> {
  return parseWith(MessageSchema as v.GenericSchema<unknown, Message>, value);
}

/** A message for a tab's content script, checked. */
export function parseTabMessage(value: unknown): Parsed<TabMessage> {
  return parseWith(TabMessageSchema as v.GenericSchema<unknown, TabMessage>, value);
}

function isMalformedAnswer(value: unknown): value is MalformedAnswer {
  return typeof value === 'object' && value !== null && typeof (value as { malformed?: unknown }).malformed === 'string';
}

export async function sendToBackground<M extends Message>(message: M): Promise<Response<M>> {
  const response: unknown = await browser.runtime.sendMessage(message);
  if (response === undefined) throw new Error(`No answer from the background worker to ${message.type}`);
  if (isMalformedAnswer(response)) throw new Error(response.malformed);
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
