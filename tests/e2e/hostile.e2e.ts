/**
 * Hostile pages (docs/security.md): a page that registers our element names as custom
 * elements, a page that makes highlighted text editable after load, frames and
 * `display: contents`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForReport } from '../../scripts/lib/chromium';
import { openBrowser, type BrowserFixture } from './fixtures';

let browser: BrowserFixture;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The page's text as a plain browser shows it (a page without the extension: the same file from file://). */
async function plainText(file: string, selector = 'body'): Promise<string> {
  const page = await browser.session.context.newPage();
  await page.goto(`file://${new URL(`../fixtures/${file}`, import.meta.url).pathname}`);
  const text = await page.locator(selector).innerText();
  await page.close();
  return text;
}

describe('a page that registers our element names as custom elements', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.session.context.newPage();
    await page.goto(browser.server.url('custom-elements.html'));
    await page.waitForSelector('[data-evlens-entry="ropinirole"]', { state: 'attached' });
    await page.waitForSelector('[data-evlens-claim]', { state: 'attached' });
  });

  it('never runs the page code for our elements, which carry no name the page registered', async () => {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __hijack: { constructed: number; connected: number; seen: string[] } };
      const ours = [...document.querySelectorAll('[data-evlens-mention], [data-evlens-claim]')];
      return {
        hijack: w.__hijack,
        ours: ours.length,
        names: [...new Set(ours.map((el) => el.localName))].sort(),
        defined: ours.filter((el) => el.matches(':defined') && el.localName.includes('-')).length,
      };
    });
    expect(state.ours).toBeGreaterThan(4);
    expect(state.names).toEqual(['evlensclaim', 'evlensmark']);
    expect(state.defined).toBe(0);
    // No element of ours was ever connected under a registered name, and no page code saw an entry id.
    expect(state.hijack.connected).toBe(0);
    expect(state.hijack.seen).toEqual([]);
    // At most one empty, detached probe per name (the check itself): nothing of ours in it.
    expect(state.hijack.constructed).toBeLessThanOrEqual(2);
  });

  it('keeps the reader\'s text exactly', async () => {
    expect(await page.locator('body').innerText()).toBe(await plainText('custom-elements.html'));
  });

  it('shows the tooltip from a host the page cannot upgrade', async () => {
    await page.locator('[data-evlens-entry="ropinirole"]').first().hover();
    const tooltip = page.locator('#evlens-tooltip [role="tooltip"]');
    await tooltip.waitFor({ state: 'visible' });
    await expect(tooltip.textContent()).resolves.toMatch(/ropinirole/i);
    const host = await page.evaluate(() => document.getElementById('evlens-tooltip')!.localName);
    expect(host).toBe('div');
    await page.mouse.move(0, 0);
  });
});

/** Puts the caret inside the first text node of the mark for `entry` under `scope`, `at` characters in. */
function caretIntoMark(page: Page, scope: string, entry: string, at: number) {
  return page.evaluate(
    ({ scope, entry, at }) => {
      const mark = document.querySelector(`${scope} [data-evlens-entry="${entry}"]`)!;
      const text = mark.firstChild as Text;
      document.getSelection()!.setBaseAndExtent(text, at, text, at);
    },
    { scope, entry, at },
  );
}

/** Where the caret is, as characters from the start of `scope`'s text, and the text around it. */
function caretState(page: Page, scope: string) {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope)!;
    const selection = document.getSelection()!;
    const range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(selection.anchorNode!, selection.anchorOffset);
    return {
      offset: range.toString().length,
      collapsed: selection.isCollapsed,
      marks: root.querySelectorAll('[data-evlens-mention], [data-evlens-claim], evlens-item, evlensitem').length,
      markup: new XMLSerializer().serializeToString(root),
      nodes: [...(root.querySelector('p') ?? root).childNodes].map((n) => `${n.nodeName}:${n.textContent}`),
    };
  }, scope);
}

describe('a page that makes highlighted text editable after load', () => {
  it('contenteditable: removes our marks there once, caret kept, before the reader types', async () => {
    const page = await browser.session.context.newPage();
    await page.goto(browser.server.url('editable.html'));
    await page.waitForSelector('#note [data-evlens-entry="oral-magnesium"]');
    await page.waitForSelector('#other [data-evlens-entry="ropinirole"]');

    await caretIntoMark(page, '#note', 'oral-magnesium', 4); // magn|esium
    const caret = await caretState(page, '#note');
    expect(caret.marks).toBeGreaterThan(0);
    await page.evaluate(() => {
      document.getElementById('note')!.contentEditable = 'true';
      document.getElementById('note')!.focus();
    });
    const after = await caretState(page, '#note');
    expect(after.marks).toBe(0);
    expect(after.markup).not.toContain('evlens');
    // The text nodes we split are whole again: the paragraph is as the page wrote it.
    expect(after.nodes).toEqual(['#text:I take magnesium every night for my ', 'B:restless legs', '#text: syndrome, as my doctor said.']);
    expect(after.offset).toBe(caret.offset);
    expect(after.collapsed).toBe(true);

    await page.keyboard.type('XYZ');
    await page.waitForTimeout(600); // past a watcher batch
    await expect(page.locator('#note').textContent()).resolves.toBe(
      'I take magnXYZesium every night for my restless legs syndrome, as my doctor said.',
    );
    // Never touched again: text added in the editable region is not marked; the rest of the page still is.
    await page.keyboard.type(' and iron for RLS');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Later I added ropinirole to the list.';
      document.getElementById('note')!.append(p);
      const q = document.createElement('p');
      q.id = 'late-outside';
      q.textContent = 'Outside the note: ropinirole again.';
      document.querySelector('article')!.append(q);
    });
    await page.waitForSelector('#late-outside [data-evlens-entry="ropinirole"]');
    const final = await caretState(page, '#note');
    expect(final.marks).toBe(0);
    expect(await page.locator('#note').textContent()).toContain('magnXYZ and iron for RLSesium every night');
    expect(await page.locator('#other [data-evlens-entry="ropinirole"]').count()).toBe(1);
    await page.close();
  });

  it('design mode: removes every mark before the reader types, caret kept', async () => {
    const page = await browser.session.context.newPage();
    await page.goto(browser.server.url('editable.html'));
    await page.waitForSelector('#other [data-evlens-entry="ropinirole"]');
    await caretIntoMark(page, '#other', 'ropinirole', 5); // ropin|irole
    const caret = await caretState(page, '#other');
    await page.evaluate(() => {
      document.designMode = 'on';
    });
    await page.keyboard.type('Q');
    const after = await caretState(page, '#other');
    expect(await page.evaluate(() => document.querySelectorAll('[data-evlens-mention], [data-evlens-claim]').length)).toBe(0);
    expect(await page.evaluate(() => new XMLSerializer().serializeToString(document.body).includes('evlens'))).toBe(false);
    await expect(page.locator('#other').textContent()).resolves.toBe(
      'My neurologist suggested ropinQirole at bedtime, and my ferritin was checked for iron.',
    );
    expect(after.offset).toBe(caret.offset + 1);
    await page.close();
  });
});

describe('frames and display: contents', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.session.context.newPage();
    await page.goto(browser.server.url('iframes.html'));
    await page.waitForSelector('#top [data-evlens-entry="ropinirole"]');
  });

  it('annotates text inside display: contents elements', async () => {
    await page.waitForSelector('#in-contents [data-evlens-entry="oral-magnesium"]', { timeout: 5000 });
    await page.waitForSelector('#contents > [data-evlens-entry="ropinirole"]', { timeout: 5000 });
    expect(await page.locator('#contents').innerText()).toBe(await plainText('iframes.html', '#contents'));
  });

  it('annotates a same-origin iframe', async () => {
    const frame = page.frameLocator('#same-origin');
    await frame.locator('#post [data-evlens-entry="iron"]').waitFor({ state: 'attached', timeout: 5000 });
    await expect(frame.locator('#post').textContent()).resolves.toBe('I take iron and magnesium for restless legs syndrome.');
  });

  it('annotates a srcdoc iframe', async () => {
    const frame = page.frameLocator('#srcdoc');
    await frame.locator('#post [data-evlens-entry="ropinirole"]').waitFor({ state: 'attached', timeout: 5000 });
    await expect(frame.locator('#post').textContent()).resolves.toBe('My neurologist suggested ropinirole for restless legs syndrome.');
  });

  it('the top document alone answers the popup: its report names only its own mentions', async () => {
    const { report } = await waitForReport(browser.session, page.url(), { until: (r) => r.mentions.length > 0 });
    expect(report.title).toBe('Restless legs syndrome: a forum thread with embedded posts');
  });
});
