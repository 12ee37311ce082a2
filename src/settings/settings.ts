/**
 * The reader's settings: where Evidence Lens runs, which kinds of topic it annotates, how the
 * tooltip opens, and whether the dataset updates itself. One versioned storage item (local
 * storage: the site list is the reader's browsing, so it never goes to a sync server), read
 * by the background (which tells each tab what applies to it), the popup and the options page.
 */
import { storage } from '@wxt-dev/storage';
import { ENTRY_KINDS, type EntryKind } from '../dataset/schema';

export type SiteMode = 'everywhere' | 'allowed-only';
export type TooltipTrigger = 'hover' | 'click';

export interface Settings {
  /** `everywhere`: every site except `blockedSites`; `allowed-only`: only `allowedSites`. */
  siteMode: SiteMode;
  blockedSites: string[];
  allowedSites: string[];
  /** Kinds of topic not annotated (empty: every kind). */
  hiddenKinds: EntryKind[];
  tooltipTrigger: TooltipTrigger;
  automaticUpdates: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  siteMode: 'everywhere',
  blockedSites: [],
  allowedSites: [],
  hiddenKinds: [],
  tooltipTrigger: 'hover',
  automaticUpdates: true,
};

/**
 * Versioned: a change of shape bumps `version` and adds a migration from the previous shape
 * (`migrations: { 2: (v1) => v2 }`), which the library runs once, before any read.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Repairs anything a stored value could get wrong (hand edits, older builds). */
export function sanitizeSettings(value: Partial<Settings> | null | undefined): Settings {
  const v = value ?? {};
  return {
    siteMode: v.siteMode === 'allowed-only' ? 'allowed-only' : 'everywhere',
    blockedSites: normalizeSiteList(v.blockedSites ?? []),
    allowedSites: normalizeSiteList(v.allowedSites ?? []),
    hiddenKinds: ENTRY_KINDS.filter((kind) => v.hiddenKinds?.includes(kind)),
    tooltipTrigger: v.tooltipTrigger === 'click' ? 'click' : 'hover',
    automaticUpdates: v.automaticUpdates !== false,
  };
}

/** Whether Evidence Lens runs on a page of this host. */
export function isEnabledForHost(settings: Settings, host: string): boolean {
  const site = siteOf(host);
  if (!site) return false;
  if (settings.siteMode === 'allowed-only') return settings.allowedSites.includes(site);
  return !settings.blockedSites.includes(site);
}

/** Turns Evidence Lens on or off for one site, whatever the mode. */
export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const site = siteOf(host);
  if (!site) return settings;
  const without = (list: string[]) => list.filter((s) => s !== site);
  const withSite = (list: string[]) => normalizeSiteList([...list, site]);
  return settings.siteMode === 'allowed-only'
    ? { ...settings, allowedSites: enabled ? withSite(settings.allowedSites) : without(settings.allowedSites) }
    : { ...settings, blockedSites: enabled ? without(settings.blockedSites) : withSite(settings.blockedSites) };
}

/**
 * The site a host belongs to, as the reader thinks of it: lower case, no "www.", no port.
 * Returns "" for anything that is not a host name.
 */
export function siteOf(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return '';
    }
  }
  host = host.replace(/^www\./, '').replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9.-]+$/.test(host) && /[a-z0-9]/.test(host) ? host : '';
}

function normalizeSiteList(list: readonly string[]): string[] {
  return [...new Set(list.map(siteOf).filter(Boolean))].sort();
}
