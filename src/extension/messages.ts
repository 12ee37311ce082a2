/**
 * Messages between the content script, the background worker and the popup. Listeners answer
 * through `sendResponse` + `return true`, the one pattern that works natively, with the
 * polyfill and in WXT's fake browser (see ../shared/TOOLCHAIN.md §1b).
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../dataset/schema';
import type { PageReport } from '../engine/report';

export type Message =
  | { type: 'dataset:get' }
  | { type: 'report:set'; report: PageReport }
  | { type: 'report:get'; tabId: number };

export interface Responses {
  'dataset:get': { dataset: Dataset };
  'report:set': { ok: true };
  'report:get': { report: PageReport | null };
}

export type Response<M extends Message> = Responses[M['type']];

export async function sendToBackground<M extends Message>(message: M): Promise<Response<M>> {
  const response: unknown = await browser.runtime.sendMessage(message);
  if (response === undefined) throw new Error(`No answer from the background worker to ${message.type}`);
  return response as Response<M>;
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
