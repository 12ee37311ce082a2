/**
 * The reader's experience in the built extension: the tooltip (dwell, keyboard, screen
 * readers, isolation from page CSS, dark mode, reduced motion), the keyboard shortcuts, the
 * popup summary, the toolbar badge and the options page, with axe checks and screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitForReport } from '../../scripts/lib/chromium';
import type { PageReport } from '../../src/engine/report';
import { openBrowser, type BrowserFixture } from './fixtures';
import {
  TOOLTIP,
  axeViolations,
  badgeOf,
  bodyMarkup,
  commandShortcuts,
  openOptions,
  openPopup,
  pressCommand,
  saveScreenshot,
  seriousOrCritical,
} from './helpers';

let browser: BrowserFixture;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Back to the default settings after each test, so tests do not leak into each other. */
afterEach(async () => {
  await browser.session.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { remove(k: string[]): Promise<void> } } } };
    await chrome.storage.local.remove(['settings', 'settings$']);
  });
});

let opened = 0;

async function openDemo(): Promise<{ page: Page; tabId: number; report: PageReport; url: string }> {
  const page = await browser.session.context.newPage();
  // A URL of its own, so the report (found by URL) is this tab's and no other's.
  const url = `${browser.server.url('demo-blog.html')}?tab=${++opened}`;
  await page.goto(url);
  // The report that follows the language analysis carries the flags.
  const { tabId, report } = await waitForReport(browser.session, url, {
    until: (r) => (r.modules ?? []).includes('nlp') && r.flags.length > 0,
  });
  return { page, tabId, report, url };
}

describe('the tooltip', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    ({ page, tabId } = await openDemo());
  });
  afterAll(async () => {
    await page.close();
  });

  it('opens after a short dwell, stays while the pointer is inside it, and closes after the pointer leaves', async () => {
    await page.mouse.move(0, 0);
    const mention = page.locator('evlens-mark[data-evlens-entry="ropinirole"]').first();
    await mention.scrollIntoViewIfNeeded();
    await mention.hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible', timeout: 2000 });
    const box = (await tooltip.boundingBox())!;
    // Through the gap into the tooltip, then linger: it stays.
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 4 });
    await page.waitForTimeout(700);
    await expect(tooltip.isVisible()).resolves.toBe(true);
    await page.mouse.move(2, 2);
    await tooltip.waitFor({ state: 'detached', timeout: 2000 });
  });

  it('is announced: role tooltip, aria-describedby on the mention, and the verdict on every mention', async () => {
    const first = page.locator('evlens-mark[tabindex="0"]').first();
    await first.focus();
    await page.locator(TOOLTIP).waitFor({ state: 'visible' });
    await expect(first.getAttribute('aria-describedby')).resolves.toBe('evlens-tooltip');
    await expect(first.getAttribute('aria-description')).resolves.toMatch(/^Evidence Lens: .+, .+/);
    await page.keyboard.press('Escape');
    await page.locator(TOOLTIP).waitFor({ state: 'detached' });
    await expect(first.getAttribute('aria-describedby')).resolves.toBeNull();
    // Chromium's accessibility tree carries the description to screen readers.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{ name?: { value?: string }; description?: { value?: string } }>;
    };
    await cdp.detach();
    expect(nodes.some((n) => /Ropinirole, for RLS: Not recommended/.test(n.description?.value ?? ''))).toBe(true);
  });

  it("shows what this page says about the mention: a dose nine times the US label's maximum", async () => {
    await page.mouse.move(0, 0);
    const requip = page.locator('.comment evlens-mark[data-evlens-entry="ropinirole"]').first();
    await requip.scrollIntoViewIfNeeded();
    await requip.hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    const onPage = await tooltip.locator('.on-page').textContent();
    expect(onPage).toContain('36 mg a day');
    expect(onPage).toContain("9 times the US label's RLS maximum");
    await page.mouse.move(2, 2);
    await tooltip.waitFor({ state: 'detached' });
  });

  it('follows the colour scheme and reduced motion, and stays inside the viewport', async () => {
    const mention = page.locator('evlens-mark[data-evlens-entry="ropinirole"]').first();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: colorScheme === 'dark' ? 'reduce' : 'no-preference' });
      await page.mouse.move(0, 0);
      await mention.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -150));
      await mention.hover();
      const tip = page.locator(TOOLTIP);
      await tip.waitFor({ state: 'visible' });
      await page.waitForTimeout(250); // let the fade-in finish before the picture
      const style = await tip.evaluate((el) => {
        const s = getComputedStyle(el);
        return { background: s.backgroundColor, animation: s.animationName };
      });
      expect(style.background).toBe(colorScheme === 'dark' ? 'rgb(31, 33, 36)' : 'rgb(255, 255, 255)');
      expect(style.animation).toBe(colorScheme === 'dark' ? 'none' : 'evlens-in');
      const box = (await tip.boundingBox())!;
      const viewport = page.viewportSize()!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      await saveScreenshot(page, `tooltip-${colorScheme}.png`);
    }
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await page.mouse.move(2, 2);
  });

  it('has no serious or critical accessibility violations while open', async () => {
    const mention = page.locator('evlens-mark[data-evlens-entry="oral-magnesium"]').first();
    await mention.focus();
    await page.locator(TOOLTIP).waitFor({ state: 'visible' });
    expect(seriousOrCritical(await axeViolations(page, ['evlens-ui', 'evlens-mark']))).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('keeps the badge count and colours it when the page says something contradicted', async () => {
    const report = (await waitForReport(browser.session, page.url())).report;
    const badge = await badgeOf(browser, tabId);
    expect(badge.text).toBe(String(report.mentions.length));
    expect(badge.color.slice(0, 3)).toEqual([0xb3, 0x26, 0x1e]);
  });
});

describe('on a page with hostile styles and markup in its text', () => {
  it('the page cannot restyle or hide the tooltip, and text that looks like HTML stays text', async () => {
    const page = await browser.session.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const url = browser.server.url('hostile.html');
    await page.goto(url);
    const { tabId, report } = await waitForReport(browser.session, url, { until: (r) => r.flags.length > 0 });
    const before = await page.evaluate(() => getComputedStyle(document.querySelector('#drug')!).fontSize);

    const mention = page.locator('#drug evlens-mark');
    await mention.hover();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    const look = await tooltip.evaluate((el) => {
      const name = el.querySelector('.name')!;
      const s = getComputedStyle(name);
      return { color: s.color, font: s.fontFamily, visibility: s.visibility, size: s.fontSize };
    });
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.font).not.toContain('Comic');
    expect(look.visibility).toBe('visible');
    expect(look.size).not.toBe('30px');
    // Our stylesheet stays in our shadow root: the page looks as it did.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#drug')!).fontSize)).toBe(before);

    // The claim sentence quotes "<img src=x onerror=alert(1)>" as text, in the tooltip and the popup.
    const claimFlag = report.flags.find((f) => f.kind === 'claim');
    expect(claimFlag?.sentence).toContain('<img src=x onerror=alert(1)>');
    await page.mouse.move(2, 2);
    // A piece of the sentence outside any mention: its tooltip is the claim's.
    const claim = page.locator('#claim > evlens-claim').first();
    await claim.hover();
    await tooltip.waitFor({ state: 'visible' });
    await expect(tooltip.locator('.quote').textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('evlens-ui img, #claim img').count()).toBe(0);

    const popup = await openPopup(browser, tabId);
    await popup.locator('.flag-sentence').first().waitFor();
    await expect(popup.locator('.flag-sentence').first().textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
    expect(await popup.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('the keyboard path', () => {
  it('registers both shortcuts, which the reader can change at chrome://extensions/shortcuts', async () => {
    await expect(commandShortcuts(browser)).resolves.toMatchObject({
      'next-mention': 'Alt+Shift+J',
      'toggle-highlights': 'Alt+Shift+H',
    });
  });

  it('the shortcut moves to the next mention and opens its tooltip; Tab reads on to a citation', async () => {
    const { page } = await openDemo();
    await page.bringToFront();
    await page.locator('h1').click();
    await pressCommand(browser, page, 'next-mention');
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-evlens-mention'));
    expect(first).toBeTruthy();
    await pressCommand(browser, page, 'next-mention');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-evlens-mention')))
      .not.toBe(first);
    await tooltip.waitFor({ state: 'visible' });

    // Tab moves into the tooltip, onto its first source.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return { host: host?.localName, tag: inner?.localName, href: inner?.getAttribute('href'), text: inner?.textContent };
    });
    expect(focused.host).toBe('evlens-ui');
    expect(focused.tag).toBe('a');
    expect(focused.href).toMatch(/^https:\/\//);
    // The machine has no network: answer the citation's address ourselves.
    const host = new URL(focused.href!).origin;
    await browser.session.context.route(`${host}/**`, (route) => route.fulfill({ body: 'citation', contentType: 'text/plain' }));
    const newTab = browser.session.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const citation = await newTab;
    await citation.waitForLoadState();
    expect(citation.url()).toBe(focused.href);
    await citation.close();
    await browser.session.context.unrouteAll();

    // Escape from inside the tooltip closes it and returns to the mention.
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('evlens-mark');
    await page.close();
  });

  it('the other shortcut hides every highlight, restoring the page, and shows them again', async () => {
    const { page } = await openDemo();
    await page.bringToFront();
    const pristine = await pristineBody();
    await pressCommand(browser, page, 'toggle-highlights');
    await expect.poll(() => page.locator('evlens-mark, evlens-claim').count()).toBe(0);
    expect(await bodyMarkup(page)).toBe(pristine);
    await pressCommand(browser, page, 'toggle-highlights');
    await page.locator('evlens-mark').first().waitFor();
    await page.close();
  });
});

describe('the popup', () => {
  let page: Page;
  let tabId: number;
  let report: PageReport;

  beforeAll(async () => {
    ({ page, tabId, report } = await openDemo());
  });
  afterAll(async () => {
    await page.close();
  });

  it('lists counts by verdict, flagged items first with their sentences, then topics by verdict', async () => {
    const popup = await openPopup(browser, tabId);
    await popup.locator('.entries').waitFor();
    const sections = await popup.$$eval('main > *, main section', (els) => els.map((el) => el.className));
    expect(sections.indexOf('flags')).toBeGreaterThan(-1);
    const order = await popup.evaluate(() => {
      const flags = document.querySelector('.flags')!;
      const topics = document.querySelector('.entries')!;
      return flags.compareDocumentPosition(topics) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    const flags = await popup.$$eval('.flag', (items) =>
      items.map((li) => ({ kind: li.getAttribute('data-flag'), text: li.textContent ?? '' })),
    );
    expect(flags.some((f) => f.kind === 'dose' && f.text.includes('12 mg three times a day'))).toBe(true);
    expect(flags.some((f) => f.kind === 'claim')).toBe(true);
    const chips = await popup.$$eval('.chip', (items) => items.map((li) => li.textContent));
    const chipTotal = chips.reduce((sum, text) => sum + Number(/(\d+)$/.exec(text ?? '')?.[1] ?? 0), 0);
    expect(chipTotal).toBe(report.mentions.length);
    await saveScreenshot(popup, 'popup.png', { fullPage: true });
    expect(seriousOrCritical(await axeViolations(popup))).toEqual([]);
    await popup.close();
  });

  it('takes the reader to a topic on the page and opens its tooltip', async () => {
    const popup = await openPopup(browser, tabId);
    const row = popup.locator('.entry[data-entry="ropinirole"] button');
    await row.click();
    await page.bringToFront();
    const tooltip = page.locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    await expect(tooltip.locator('.name').textContent()).resolves.toBe('Ropinirole');
    const inView = await page.evaluate(() => {
      const rect = document.activeElement!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await page.keyboard.press('Escape');
    await popup.close();
  });

  it('shows the dataset version, its age and the update status', async () => {
    const popup = await openPopup(browser, tabId);
    const dataset = popup.locator('.dataset');
    await dataset.locator('[data-dataset-version]').waitFor();
    const text = await dataset.textContent();
    expect(text).toContain(`Evidence dataset ${report.datasetVersion}`);
    expect(text).toMatch(/bundled, published .* ago|updated .* ago/);
    expect(text).toMatch(/updates|Up to date|Not checked|failed/i);
    await popup.close();
  });

  it('the site switch removes every highlight and restores the page, and brings them back', async () => {
    const pristine = await pristineBody();
    const popup = await openPopup(browser, tabId);
    const toggle = popup.getByRole('switch');
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.click();
    await expect.poll(() => page.locator('evlens-mark, evlens-claim').count()).toBe(0);
    expect(await bodyMarkup(page)).toBe(pristine);
    await popup.locator('.state', { hasText: 'off for this site' }).waitFor();
    await expect.poll(async () => (await badgeOf(browser, tabId)).text).toBe('');
    await toggle.click();
    await page.locator('evlens-mark').first().waitFor();
    await popup.locator('.entries').waitFor();
    await popup.close();
  });

  it('says plainly when a page has nothing to annotate', async () => {
    const plain = await browser.session.context.newPage();
    const url = browser.server.url('no-mentions.html');
    await plain.goto(url);
    const { tabId: plainTab, report: plainReport } = await waitForReport(browser.session, url);
    expect(plainReport.mentions).toEqual([]);
    // Nothing matched: neither the tooltip UI nor the language analysis was loaded.
    expect(plainReport.modules).toEqual([]);
    const popup = await openPopup(browser, plainTab);
    await expect(popup.locator('.empty').textContent()).resolves.toContain('Nothing to annotate on this page');
    await expect(badgeOf(browser, plainTab)).resolves.toMatchObject({ text: '' });
    await popup.close();
    await plain.close();
  });
});

describe('the badge', () => {
  it('counts the mentions and clears when the tab navigates', async () => {
    const { page, tabId, report } = await openDemo();
    await expect(badgeOf(browser, tabId)).resolves.toMatchObject({ text: String(report.mentions.length) });
    await page.goto(browser.server.url('no-mentions.html'));
    await expect.poll(async () => (await badgeOf(browser, tabId)).text).toBe('');
    await page.close();
  });
});

describe('the options page', () => {
  it('hides a kind of topic in an open tab without a reload', async () => {
    const { page } = await openDemo();
    expect(await page.locator('evlens-mark[data-evlens-entry="ropinirole"]').count()).toBeGreaterThan(0);
    const options = await openOptions(browser);
    await saveScreenshot(options, 'options.png', { fullPage: true });
    expect(seriousOrCritical(await axeViolations(options))).toEqual([]);
    await options.locator('input[name="kind"][value="drug"]').uncheck();
    await options.locator('.saved', { hasText: 'Saved' }).waitFor();
    await expect.poll(() => page.locator('evlens-mark[data-evlens-entry="ropinirole"]').count()).toBe(0);
    expect(await page.locator('evlens-mark[data-evlens-entry="oral-magnesium"]').count()).toBeGreaterThan(0);
    await options.close();
    await page.close();
  });

  it('opens tooltips on click instead of hover when the reader prefers', async () => {
    const options = await openOptions(browser);
    await options.locator('input[name="trigger"][value="click"]').check();
    await options.locator('.saved', { hasText: 'click' }).waitFor();
    const { page } = await openDemo();
    const mention = page.locator('evlens-mark[data-evlens-entry="oral-magnesium"]').first();
    await mention.scrollIntoViewIfNeeded();
    await mention.hover();
    await page.waitForTimeout(600);
    expect(await page.locator(TOOLTIP).count()).toBe(0);
    await mention.click();
    await page.locator(TOOLTIP).waitFor({ state: 'visible' });
    await options.close();
    await page.close();
  });

  it('runs only on allowed sites when the reader chooses that, in open tabs too', async () => {
    const { page } = await openDemo();
    const options = await openOptions(browser);
    await options.locator('input[name="site-mode"][value="allowed-only"]').check();
    await expect.poll(() => page.locator('evlens-mark').count()).toBe(0);
    await options.locator('#new-site').fill('127.0.0.1');
    await options.locator('.add-site button').click();
    await options.locator('.sites', { hasText: '127.0.0.1' }).waitFor();
    await page.locator('evlens-mark').first().waitFor();
    await options.close();
    await page.close();
  });
});

/** The demo page's body as a browser without the extension builds it. */
async function pristineBody(): Promise<string> {
  const { pathToFileURL } = await import('node:url');
  const { resolve } = await import('node:path');
  const { FIXTURES_DIR } = await import('./fixtures');
  const original = await browser.session.context.newPage();
  await original.goto(pathToFileURL(resolve(FIXTURES_DIR, 'demo-blog.html')).href);
  const markup = await bodyMarkup(original);
  await original.close();
  return markup;
}
