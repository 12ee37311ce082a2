/**
 * The page session in happy-dom: pre-scan → read → enrich → report, with the lazy modules and
 * the background stood in for. A page with no candidate term loads nothing; one the pre-scan
 * lets through brings in the reader; one that mentions something brings in the dataset, the
 * page UI and the analysis, and reports; stopping leaves no trace.
 */
import { describe, expect, it, vi } from 'vitest';
import { createAnalyzer } from '@/src/nlp/analyze';
import { toMatchIndex } from '@/src/dataset/match-index';
import { prepareMatchIndex } from '@/src/engine/matcher';
import { createAnnotator, type MentionMark } from '@/src/engine/annotator';
import type { PageReport } from '@/src/engine/report';
import type { SliceClock } from '@/src/engine/slices';
import type { LazyModuleName, LazyModules } from '@/src/extension/lazy-modules';
import { PageSession } from '@/src/extension/page-session';
import type { PageUi, PageUiOptions } from '@/src/ui/page-ui';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();
const index = prepareMatchIndex(toMatchIndex(dataset));
const clock: SliceClock = { sliceMs: 8, now: () => performance.now(), yieldToPage: () => Promise.resolve() };

function page(body: string): Document {
  document.title = 'Restless legs: what helped me';
  document.body.innerHTML = body; // eslint-disable-line no-restricted-properties -- test fixture
  return document;
}

function startSession(doc: Document, { readerFails = 0 } = {}) {
  const reports: PageReport[] = [];
  const ui: PageUi & { added: string[] } = {
    added: [],
    mentionsAdded: vi.fn((mentions: readonly MentionMark[]) => void ui.added.push(...mentions.map((m) => m.entryId))),
    focusNextMention: vi.fn(() => true),
    showMark: vi.fn(() => true),
    destroy: vi.fn(),
  };
  let uiOptions: PageUiOptions | undefined;
  const modules: Pick<LazyModules, LazyModuleName> = {
    reader: { createAnnotator },
    ui: { mountPageUi: (options) => ((uiOptions = options), ui) },
    nlp: { createAnalyzer },
  };
  let failures = readerFails;
  const loadModule = vi.fn((name: LazyModuleName) =>
    name === 'reader' && failures-- > 0 ? Promise.reject(new Error('not injected')) : Promise.resolve(modules[name]),
  );
  const fetchDataset = vi.fn(async () => dataset);
  const controller = new AbortController();
  const session = new PageSession({
    doc,
    index,
    tooltipTrigger: 'hover',
    signal: controller.signal,
    loadModule: loadModule as <N extends LazyModuleName>(name: N) => Promise<LazyModules[N]>,
    fetchDataset,
    sendReport: async (report) => void reports.push(report),
    clock,
    visibility: 'markup',
  });
  return { session, reports, ui, loadModule, fetchDataset, controller, uiOptions: () => uiOptions };
}

/** The last report, once the session has settled (reports are debounced). */
async function settledReport(reports: PageReport[]): Promise<PageReport> {
  await vi.waitFor(() => expect(reports.at(-1)?.modules).toEqual(expect.arrayContaining(['ui', 'nlp'])), { timeout: 3000 });
  // Labels are given in slices too, so the first report with the modules may precede the analysis.
  await vi.waitFor(() => expect(reports.at(-1)?.timing?.analysisMs).toBeGreaterThan(0), { timeout: 3000 });
  return reports.at(-1)!;
}

describe('PageSession', () => {
  it('loads nothing on a page that mentions nothing, and still reports', async () => {
    const doc = page('<article><p>A page about gardening and tomatoes.</p></article>');
    const { session, reports, loadModule, fetchDataset } = startSession(doc);
    await session.start();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.mentions).toEqual([]);
    expect(loadModule).not.toHaveBeenCalled();
    expect(fetchDataset).not.toHaveBeenCalled();
    expect(reports[0]!.timing?.preScan).toBe('no-candidate');
    session.stop();
  });

  it('loads only the reader where the pre-scan finds a candidate that turns out to be nothing', async () => {
    // "environment" holds "iron": a candidate for the substring pre-scan, no mention.
    const doc = page('<article><p>A page about the environment.</p></article>');
    const { session, reports, loadModule, fetchDataset } = startSession(doc);
    await session.start();
    expect(reports.at(-1)!.mentions).toEqual([]);
    expect(reports.at(-1)!.timing?.preScan).toBe('walk');
    expect(reports.at(-1)!.modules).toEqual(['reader']);
    expect(loadModule.mock.calls.map(([name]) => name)).toEqual(['reader']);
    expect(fetchDataset).not.toHaveBeenCalled();
    session.stop();
  });

  it('loads the reader when content the page adds later holds a candidate', async () => {
    const doc = page('<article><p>A page about gardening and tomatoes.</p></article>');
    const { session, reports, loadModule } = startSession(doc);
    await session.start();
    expect(loadModule).not.toHaveBeenCalled();
    const added = doc.createElement('p');
    added.textContent = 'Later: ropinirole for restless legs syndrome.';
    doc.querySelector('article')!.append(added);
    const report = await settledReport(reports);
    expect(report.mentions.map((m) => m.entryId)).toEqual(['ropinirole', 'restless-legs-syndrome']);
    expect(loadModule.mock.calls[0]![0]).toBe('reader');
    session.stop();
  });

  it('reports an unread page when the reader cannot be loaded, and tries again for the next content', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const doc = page('<article><p>Ropinirole helped my restless legs syndrome.</p></article>');
    const { session, reports } = startSession(doc, { readerFails: 1 });
    await session.start();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.mentions).toEqual([]);
    expect(doc.querySelector('evlens-mark')).toBeNull();
    expect(warn).toHaveBeenCalledWith('Evidence Lens could not read this page', expect.any(Error));
    const added = doc.createElement('p');
    added.textContent = 'Magnesium did nothing for my restless legs.';
    doc.querySelector('article')!.append(added);
    const report = await settledReport(reports);
    expect(report.mentions.length).toBeGreaterThan(0);
    session.stop();
    warn.mockRestore();
  });

  it('scans, enriches (dataset, page UI, analysis) and reports what it found', async () => {
    const doc = page('<article><p>My restless legs syndrome got worse. I take 12 mg of Requip three times a day.</p></article>');
    const { session, reports, ui, uiOptions } = startSession(doc);
    await session.start();
    const report = await settledReport(reports);

    expect(report.mentions.map((m) => m.entryId)).toEqual(['restless-legs-syndrome', 'ropinirole']);
    expect(report.flags.map((f) => f.kind)).toContain('dose');
    expect(ui.added).toEqual(['restless-legs-syndrome', 'ropinirole']);
    // The page UI reads the engine's marks and findings; it is handed them, never copies.
    const marks = uiOptions()!.marks;
    const requip = doc.querySelector('[data-evlens-entry="ropinirole"]')!;
    expect(marks.get(Number(requip.getAttribute('data-evlens-mention')))?.kind).toBe('mention');
    expect(requip.hasAttribute('data-evlens-flagged')).toBe(true);
    expect(await session.ui()).toBe(ui);
    session.stop();
  });

  it('stops when the content script ends: every mark gone, the page UI destroyed', async () => {
    const html = '<article><p>Magnesium for <em>restless legs</em>? I tried 500 mg of magnesium oxide.</p></article>';
    const doc = page(html);
    const pristine = doc.body.cloneNode(true);
    const { session, reports, ui, controller } = startSession(doc);
    await session.start();
    await settledReport(reports);
    expect(doc.querySelectorAll('evlens-mark').length).toBeGreaterThan(0);

    controller.abort();
    await vi.waitFor(() => expect(ui.destroy).toHaveBeenCalledOnce());
    expect(session.stopped).toBe(true);
    expect(doc.body.isEqualNode(pristine)).toBe(true);
  });
});
