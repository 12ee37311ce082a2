/**
 * Wires the page to the extension: asks the background what applies to this page (settings,
 * the dataset's match index), runs one annotation session for that configuration, and starts
 * it anew when the settings or the dataset change. Answers keyboard commands and the popup.
 * Everything hangs off one AbortSignal, so an extension update or removal leaves the page as
 * it was.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../dataset/schema';
import { buildReport, type PageReport } from '../engine/report';
import { createLazyLoader } from './lazy-modules';
import { parseTabMessage, sendToBackground, type PageConfig, type TabMessage } from './messages';
import { PageSession } from './page-session';

export async function startContentController(doc: Document, signal: AbortSignal): Promise<void> {
  if (!doc.body) return;
  const isFrame = isInFrame(doc);
  const controller = new ContentController(doc, signal);
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    const parsed = parseTabMessage(message);
    if (!parsed.ok) {
      sendResponse(parsed.answer);
      return false;
    }
    // The reader's commands and the popup's "show this mark" are the top document's (its report
    // is the one the popup shows); a frame stays silent so the top document's answer counts.
    if (isFrame && (parsed.message.type === 'command' || parsed.message.type === 'mark:show')) return false;
    void controller.handle(parsed.message).then(sendResponse, () => sendResponse(false));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
  await controller.configure();
}

class ContentController {
  private session: PageSession | null = null;
  private sessionKey = '';
  /** The reader hid the highlights on this page with the shortcut (until they show them again). */
  private hiddenByReader = false;
  private configuring: Promise<void> = Promise.resolve();
  private dataset: Promise<Dataset> | null = null;
  private readonly loadModule = createLazyLoader(async (name) => {
    const answer = await sendToBackground({ type: 'module:load', name });
    if (!answer.ok) throw new Error(answer.error);
  });

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {}

  /** Reads what applies to this page now; runs one configuration at a time. */
  configure(): Promise<void> {
    this.configuring = this.configuring.then(() => this.applyConfig()).catch((error: unknown) => {
      console.warn('Evidence Lens could not annotate this page:', error);
    });
    return this.configuring;
  }

  async handle(message: TabMessage): Promise<boolean> {
    switch (message.type) {
      case 'config:changed':
        void this.configure();
        return true;
      case 'dataset:changed':
        this.dataset = null;
        void this.configure();
        return true;
      case 'command':
        if (message.command === 'toggle-highlights') {
          this.hiddenByReader = !this.hiddenByReader;
          void this.configure();
          return true;
        }
        return (await this.session?.ui())?.focusNextMention() ?? false;
      case 'mark:show':
        return (await this.session?.ui())?.showMark(message.markId) ?? false;
    }
  }

  private async applyConfig(): Promise<void> {
    if (this.signal.aborted) return;
    const config = await sendToBackground({ type: 'page:config', host: hostOf(this.doc) });
    if (this.signal.aborted) return;
    const key = sessionKey(config, this.hiddenByReader);
    if (key === this.sessionKey && this.session && !this.session.stopped) return;
    this.session?.stop();
    this.session = null;
    this.sessionKey = key;
    if (!config.enabled || !config.index || this.hiddenByReader) {
      // Still report, so the popup and badge say why there are no highlights.
      await sendToBackground({ type: 'report:set', report: emptyReport(this.doc, config) }).catch(() => undefined);
      return;
    }
    this.session = new PageSession({
      doc: this.doc,
      index: config.index,
      tooltipTrigger: config.tooltipTrigger,
      signal: this.signal,
      loadModule: this.loadModule,
      fetchDataset: () => (this.dataset ??= sendToBackground({ type: 'dataset:get' }).then((r) => r.dataset)),
      sendReport: async (report) => {
        await sendToBackground({ type: 'report:set', report });
      },
    });
    void this.session.start();
  }
}

function sessionKey(config: PageConfig, hidden: boolean): string {
  return JSON.stringify([config.enabled, config.indexKey, config.tooltipTrigger, hidden]);
}

/** The report of a page we do not annotate (off for the site, or hidden with the shortcut). */
function emptyReport(doc: Document, config: PageConfig): PageReport {
  return {
    ...buildReport({
      url: doc.location?.href ?? '',
      title: doc.title,
      relevant: false,
      dataset: { version: config.index?.version ?? '', entries: [], claims: [] },
      mentions: [],
      note: config.enabled ? 'Highlights are hidden on this page (keyboard shortcut).' : null,
    }),
    disabled: !config.enabled,
  };
}

function isInFrame(doc: Document): boolean {
  const view = doc.defaultView;
  return !!view && view !== view.top;
}

/**
 * The site whose settings apply: the document's own host, or for an about:srcdoc or
 * about:blank frame (no host of its own) the host of the page that made it.
 */
function hostOf(doc: Document): string {
  const own = doc.location?.hostname ?? '';
  if (own) return own;
  const ancestor = doc.location?.ancestorOrigins?.[0];
  if (ancestor) {
    try {
      return new URL(ancestor).hostname;
    } catch {
      // not a URL: fall through
    }
  }
  try {
    return doc.defaultView?.parent?.location.hostname ?? '';
  } catch {
    return '';
  }
}
