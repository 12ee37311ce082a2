import { describe, expect, it } from 'vitest';
import { Annotator } from '@/src/engine/annotator';
import { PageWatcher, type PageWatcherOptions } from '@/src/engine/page-watcher';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(overrides: Partial<PageWatcherOptions> = {}) {
  const doc = new DOMParser().parseFromString(
    '<!doctype html><html><head><title>RLS forum</title></head><body><main id="main"><p id="p">RLS and magnesium.</p></main></body></html>',
    'text/html',
  );
  const batches: string[][] = [];
  const pending: Array<() => void> = [];
  let rescans = 0;
  let clock = 0;
  const watcher = new PageWatcher({
    root: doc.body,
    onBatch: async (roots) => {
      batches.push(roots.map((r) => r.id || r.tagName.toLowerCase()));
      return 1;
    },
    onFullRescan: async () => {
      rescans++;
      return 1;
    },
    schedule: (flush) => pending.push(flush),
    minBatchIntervalMs: 0,
    now: () => clock,
    ...overrides,
  });
  const flush = async () => {
    await settle(); // MutationObserver callbacks are microtasks
    while (pending.length) pending.shift()!();
    await settle();
  };
  return { doc, watcher, batches, flush, rescans: () => rescans, tick: (ms: number) => (clock += ms) };
}

function paragraph(doc: Document, id: string, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.id = id;
  p.textContent = text;
  return p;
}

describe('PageWatcher', () => {
  it('batches added nodes and drops those whose ancestor is queued', async () => {
    const { doc, watcher, batches, flush } = setUp();
    watcher.start();
    const section = doc.createElement('section');
    section.id = 'section';
    doc.getElementById('main')!.append(section);
    section.append(paragraph(doc, 'inner', 'Requip'));
    doc.getElementById('main')!.append(paragraph(doc, 'other', 'iron'));
    expect(batches).toEqual([]); // nothing happens inside the observer callback
    await flush();
    expect(batches).toEqual([['section', 'other']]);
  });

  it('does not see its own edits made through the guard', async () => {
    const { doc, watcher, batches, flush } = setUp();
    watcher.start();
    watcher.guard(() => doc.getElementById('main')!.append(paragraph(doc, 'ours', 'magnesium')));
    await flush();
    expect(batches).toEqual([]);
    // ...but page edits made before our edit are kept.
    doc.getElementById('main')!.append(paragraph(doc, 'page', 'RLS'));
    watcher.guard(() => doc.getElementById('main')!.append(paragraph(doc, 'ours-2', 'magnesium')));
    await flush();
    expect(batches).toEqual([['page']]);
  });

  it('switches to one full rescan above the threshold', async () => {
    const { doc, watcher, batches, flush, rescans } = setUp({ fullRescanThreshold: 3 });
    watcher.start();
    for (let i = 0; i < 5; i++) doc.body.append(paragraph(doc, `p${i}`, 'RLS'));
    await flush();
    expect(batches).toEqual([]);
    expect(rescans()).toBe(1);
  });

  it('trips the circuit breaker when a page keeps us busy, and stops watching', async () => {
    let tripped = '';
    const { doc, watcher, flush, batches } = setUp({
      breaker: { windowMs: 1000, maxBusyMs: 5 },
      onBatch: async (roots) => {
        batches.push(roots.map((r) => r.id));
        return 2;
      },
      onTrip: (reason) => (tripped = reason),
    });
    watcher.start();
    for (let i = 0; i < 5; i++) {
      doc.body.append(paragraph(doc, `p${i}`, 'RLS'));
      await flush();
    }
    expect(tripped).toMatch(/keeps changing/);
    expect(watcher.tripped).toBe(tripped);
    expect(batches.length).toBe(3);
    doc.body.append(paragraph(doc, 'after', 'RLS'));
    await flush();
    expect(batches.length).toBe(3);
  });

  it('lets the annotator give a rewritten text node back whole', async () => {
    const doc = new DOMParser().parseFromString(
      '<!doctype html><html><head><title>Restless legs forum</title></head><body><p id="p">RLS and magnesium today.</p></body></html>',
      'text/html',
    );
    const held = doc.getElementById('p')!.firstChild as Text;
    const pending: Array<() => void> = [];
    const watcher: PageWatcher = new PageWatcher({
      root: doc.body,
      onBatch: async (roots) => {
        for (const root of roots) annotator.scan(root);
        return 1;
      },
      onFullRescan: async () => 1,
      onTextRewritten: (node) => annotator.releaseRewritten(node),
      schedule: (flush) => pending.push(flush),
      minBatchIntervalMs: 0,
    });
    const annotator = new Annotator(doc, dataset, { visibility: 'markup', editGuard: watcher.guard });
    watcher.start();
    annotator.scan();
    expect(doc.querySelectorAll('evlens-mark')).toHaveLength(2);
    held.data = 'Iron helped my RLS.'; // what a framework does with the node it holds
    await settle();
    while (pending.length) pending.shift()!();
    await settle();
    expect(doc.getElementById('p')!.textContent).toBe('Iron helped my RLS.');
    expect([...doc.querySelectorAll('#p evlens-mark')].map((m) => m.textContent)).toEqual(['Iron', 'RLS']);
  });

  it('counts work charged outside its batches (the language analysis, the report) against the breaker', async () => {
    const trips: string[] = [];
    const { watcher, tick } = setUp({ breaker: { windowMs: 10_000, maxBusyMs: 100 }, onTrip: (reason) => trips.push(reason) });
    watcher.start();
    watcher.charge(60);
    tick(1000);
    expect(watcher.tripped).toBeNull();
    watcher.charge(60);
    expect(watcher.tripped).not.toBeNull();
    expect(trips).toHaveLength(1);
  });
});
