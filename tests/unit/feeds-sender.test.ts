// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fromExtensionPage } from '@/src/extension/background-service';

describe('who may change the reader’s feeds', () => {
  it('the options page may; a page’s content script (any web URL) may not', () => {
    const options = browser.runtime.getURL('/options.html');
    expect(fromExtensionPage({ url: options, tab: { id: 3 } as never })).toBe(true);
    expect(fromExtensionPage({ url: 'https://evil.example/page', tab: { id: 4 } as never })).toBe(false);
    expect(fromExtensionPage({ url: `https://evil.example/?${options}` })).toBe(false);
    expect(fromExtensionPage({})).toBe(false);
  });
});
