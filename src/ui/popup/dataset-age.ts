/** Plain words for how old the dataset is and how the last update check went. */
import type { LastCheck, UpdateStatus } from '../../update/status';

/**
 * "updated from updates.evidence-lens.org 3 hours ago" for an installed update; "bundled,
 * published 2 days ago" for the shipped one.
 */
export function describeAge(status: Pick<UpdateStatus, 'source' | 'installedAt' | 'version'> & { feedUrl?: string | null }, now: number): string {
  if (status.source === 'update' && status.installedAt !== null) {
    const from = status.feedUrl ? ` from ${feedHost(status.feedUrl)}` : '';
    return `updated${from} ${timeAgo(status.installedAt, now)}`;
  }
  const published = versionDate(status.version);
  return published ? `bundled, published ${timeAgo(published, now)}` : 'bundled with the extension';
}

export function describeLastCheck(check: LastCheck | null, now: number): string {
  if (!check) return 'Not checked for updates yet.';
  const when = timeAgo(check.at, now);
  switch (check.outcome) {
    case 'updated':
      return `Updated ${when}.`;
    case 'up-to-date':
      return `Up to date (checked ${when}).`;
    case 'failed':
      return `Last check ${when} failed: ${check.message ?? check.reason ?? 'unknown reason'} The dataset in use is unchanged.`;
  }
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function timeAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const units: Array<[number, string]> = [
    [60 * 60 * 24 * 365, 'year'],
    [60 * 60 * 24 * 30, 'month'],
    [60 * 60 * 24, 'day'],
    [60 * 60, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    const count = Math.round(seconds / size);
    if (count >= 1 && seconds >= size * 0.9) return `${count} ${name}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** The date a calendar version ("2026.11.28" or "2026.11.28.1") names, as ms since epoch. */
export function versionDate(version: string): number | null {
  const match = /^(\d{4})\.(\d{2})\.(\d{2})/.exec(version);
  if (!match) return null;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(at) ? at : null;
}

/** The host (and port) of a feed URL, as the reader would recognise it. */
export function feedHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
