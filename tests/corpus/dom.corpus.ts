/**
 * Every page of the real-page corpus, in the DOM tier (matching and language analysis): the
 * engine must not throw, must keep the text, must never write inside a never-touch element,
 * must be idempotent and fully reversible, and must not annotate context-only terms on pages
 * that are not about health.
 */
import { describe, expect, it } from 'vitest';
import { Annotator, type Mention } from '@/src/engine/annotator';
import { createAnalyzer } from '@/src/nlp/analyze';
import { bundledDataset, parsePage } from '../../scripts/lib/audit-file';
import { sameTree } from '../helpers/same-tree';
import { NEVER_TOUCH_SELECTOR, readCorpus, readPage } from './corpus';

const dataset = bundledDataset();
const analyzer = createAnalyzer(dataset);
const contextOnly = new Set(dataset.entries.filter((e) => e.match.scope === 'health-context').map((e) => e.id));
const pages = readCorpus();
const mentionsByPage = new Map<string, Mention[]>();

describe.each(pages)('$path', (page) => {
  it('annotates without breaking the page, and removes every trace', () => {
    const { document: doc, close } = parsePage(readPage(page), `https://corpus.example/${page.path}`);
    try {
      const pristine = doc.body.cloneNode(true);
      const textBefore = doc.body.textContent;
      const annotator = new Annotator(doc, dataset, { visibility: 'markup' });
      const mentions = annotator.scan();
      mentionsByPage.set(page.path, mentions);
      // The language analysis too: claim sentences are wrapped across our mention wrappers.
      annotator.analyze(analyzer);

      expect(doc.body.textContent).toBe(textBefore);
      expect(doc.body.querySelectorAll(NEVER_TOUCH_SELECTOR).length).toBe(0);

      const annotated = doc.body.cloneNode(true);
      expect(annotator.scan()).toEqual([]);
      expect(sameTree(doc.body, annotated)).toBe(true);

      // The readability pages are news, tech and culture: no context-only term belongs there.
      if (page.path.startsWith('readability/')) {
        expect(mentions.filter((m) => contextOnly.has(m.entryId)).map((m) => m.text)).toEqual([]);
      }

      annotator.clear();
      expect(sameTree(doc.body, pristine)).toBe(true);
    } finally {
      close();
    }
  });
});

describe('known traps in the corpus', () => {
  const entryTexts = (path: string) => (mentionsByPage.get(path) ?? []).map((m) => `${m.entryId}:${m.text}`);

  it('does not read "cast-iron mains" or "ductile iron" as iron supplements', () => {
    expect(entryTexts('readability/nytimes-3.html')).toEqual([]);
  });

  it('does not read "iron ore" as iron', () => {
    expect(entryTexts('readability/bug-1255978.html')).toEqual([]);
  });

  it('does not annotate terms that sit only in menus', () => {
    // "Restless Legs Syndrome" appears only in these sites' menus (an A-Z list, a clinic's services menu).
    expect(entryTexts('health/htmlparser-benchmark-7e2d19ccbb3b-medicalnewstoday.com.html')).toEqual([]);
    expect(entryTexts('health/htmlparser-benchmark-8d612a03fa42-medicalnewstoday.com.html')).toEqual([]);
    expect(entryTexts('health/wcxb-4576-vascularinstituteofchattanooga.com.html')).toEqual([]);
  });

  it('annotates terms where an article discusses them', () => {
    expect(entryTexts('health/wcxb-4561-health.harvard.edu.html')).toContain('oral-magnesium:magnesium');
    expect(entryTexts('health/wcxb-0002-tastewise.io.html').length).toBeGreaterThanOrEqual(4);
  });
});
