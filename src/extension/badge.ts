/**
 * The toolbar badge: how many mentions the tab's page holds, in a warning colour when the
 * page says something the evidence contradicts (a flagged claim, dose or aggravator).
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../engine/report';

const NEUTRAL = '#3b5b7a';
const WARNING = '#b3261e';

export function badgeFor(report: PageReport): { text: string; color: string } {
  const count = report.mentions.length;
  if (count === 0) return { text: '', color: NEUTRAL };
  return {
    text: count > 999 ? '999+' : String(count),
    color: report.flags.length > 0 ? WARNING : NEUTRAL,
  };
}

export async function showBadge(tabId: number, report: PageReport): Promise<void> {
  const { text, color } = badgeFor(report);
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color }).catch(() => undefined);
}

export async function clearBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
}
