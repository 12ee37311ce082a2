/**
 * The content script's wiring, in happy-dom with WXT's fake browser: it asks the background
 * what applies, annotates, answers the popup and the keyboard commands, and answers a
 * malformed message with a clear error instead of crashing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toMatchIndex } from '@/src/dataset/match-index';
import { createAnnotator } from '@/src/engine/annotator';
import { prepareMatchIndex } from '@/src/engine/matcher';
import { startContentController } from '@/src/extension/content-controller';
import { provideLazyModule } from '@/src/extension/lazy-modules';
import type { Message, PageConfig } from '@/src/extension/messages';
import { createAnalyzer } from '@/src/nlp/analyze';
import type { PageUi } from '@/src/ui/page-ui';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();
const config: PageConfig = {
  enabled: true,
  site: 'example.com',
  tooltipTrigger: 'hover',
  index: prepareMatchIndex(toMatchIndex(dataset)),
  indexKey: dataset.version,
};

let ui: PageUi;
let lifetime: AbortController;

beforeEach(() => {
  fakeBrowser.reset();
  ui = { mentionsAdded: vi.fn(), focusNextMention: vi.fn(() => true), showMark: vi.fn(() => true), destroy: vi.fn() };
  // The lazy modules as the background's injection would leave them.
  provideLazyModule('reader', { createAnnotator });
  provideLazyModule('ui', { mountPageUi: () => ui });
  provideLazyModule('nlp', { createAnalyzer });
  // The background worker, stood in for.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message) => {
    switch (message.type) {
      case 'page:config':
        return config;
      case 'dataset:get':
        return { dataset };
      default:
        return { ok: true };
    }
  }) as never);
  document.title = 'Restless legs';
  document.body.innerHTML = '<article><p>Requip helped my restless legs syndrome at first.</p></article>'; // eslint-disable-line no-restricted-properties -- test fixture
  lifetime = new AbortController();
});

afterEach(() => {
  lifetime.abort();
  vi.restoreAllMocks();
});

/** Sends a message as a tab would receive it and resolves to the content script's answer. */
function toTab(message: unknown): Promise<unknown> {
  return new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, {}, resolve));
}

describe('content controller', () => {
  it('annotates with what the background says applies, and shows a mark the popup asks for', async () => {
    await startContentController(document, lifetime.signal);
    await vi.waitFor(() => expect(ui.mentionsAdded).toHaveBeenCalled());
    const requip = document.querySelector('[data-evlens-entry="ropinirole"]')!;
    const markId = Number(requip.getAttribute('data-evlens-mention'));

    expect(await toTab({ type: 'mark:show', markId })).toBe(true);
    expect(ui.showMark).toHaveBeenCalledWith(markId);
    expect(await toTab({ type: 'command', command: 'next-mention' })).toBe(true);
    expect(ui.focusNextMention).toHaveBeenCalledOnce();
  });

  it('answers a malformed message with a clear error, and keeps working', async () => {
    await startContentController(document, lifetime.signal);
    for (const bad of [{ type: 'mark:show', markId: 'one' }, { type: 'command', command: 'format-disk' }, { type: 'nope' }, null, 'mark:show']) {
      expect(await toTab(bad)).toEqual({ malformed: expect.stringMatching(/^Evidence Lens: malformed message/) });
    }
    await vi.waitFor(() => expect(document.querySelectorAll('evlens-mark').length).toBeGreaterThan(0));
  });

  it('hides every highlight with the shortcut and shows them again', async () => {
    await startContentController(document, lifetime.signal);
    await vi.waitFor(() => expect(document.querySelectorAll('evlens-mark').length).toBe(2));
    await toTab({ type: 'command', command: 'toggle-highlights' });
    await vi.waitFor(() => expect(document.querySelectorAll('evlens-mark').length).toBe(0));
    await toTab({ type: 'command', command: 'toggle-highlights' });
    await vi.waitFor(() => expect(document.querySelectorAll('evlens-mark').length).toBe(2));
  });
});
