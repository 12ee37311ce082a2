import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  isEnabledForHost,
  loadSettings,
  sanitizeSettings,
  saveSettings,
  siteOf,
  withSiteEnabled,
} from '@/src/settings/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('start with Evidence Lens on everywhere, every kind shown, hover tooltips, updates on', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(isEnabledForHost(DEFAULT_SETTINGS, 'www.example.com')).toBe(true);
  });

  it('name sites the way a reader does', () => {
    expect(siteOf('WWW.Example.com')).toBe('example.com');
    expect(siteOf('https://www.healthline.com/a/b?c')).toBe('healthline.com');
    expect(siteOf('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(siteOf('not a site')).toBe('');
    expect(siteOf('')).toBe('');
  });

  it('switch one site off and on again in either mode', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'www.forum.example', false);
    expect(off.blockedSites).toEqual(['forum.example']);
    expect(isEnabledForHost(off, 'forum.example')).toBe(false);
    expect(isEnabledForHost(off, 'other.example')).toBe(true);
    expect(withSiteEnabled(off, 'forum.example', true).blockedSites).toEqual([]);

    const allowedOnly = { ...DEFAULT_SETTINGS, siteMode: 'allowed-only' as const };
    expect(isEnabledForHost(allowedOnly, 'forum.example')).toBe(false);
    const on = withSiteEnabled(allowedOnly, 'forum.example', true);
    expect(on.allowedSites).toEqual(['forum.example']);
    expect(isEnabledForHost(on, 'www.forum.example')).toBe(true);
  });

  it('persist changes and repair anything malformed', async () => {
    await saveSettings({ tooltipTrigger: 'click', hiddenKinds: ['drug'] });
    expect(await loadSettings()).toMatchObject({ tooltipTrigger: 'click', hiddenKinds: ['drug'] });
    expect(
      sanitizeSettings({
        siteMode: 'nonsense' as never,
        blockedSites: ['Example.com', 'example.com', ''],
        hiddenKinds: ['drug', 'unknown' as never],
        tooltipTrigger: 'wiggle' as never,
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, blockedSites: ['example.com'], hiddenKinds: ['drug'] });
  });
});
