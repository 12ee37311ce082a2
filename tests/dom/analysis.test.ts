/**
 * The engine's side of the language analysis: what it hands the analyzer, how it records the
 * findings, and how it wraps claim sentences (which may cross our own mention wrappers)
 * without changing the page's text, and removes them exactly.
 */
import { describe, expect, it } from 'vitest';
import { Annotator, type Analyzer } from '@/src/engine/annotator';
import type { Analysis, AnalysisInput } from '@/src/nlp/analyze';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Restless legs</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

/** Claims the first sentence of every run that mentions magnesium; flags every dose of 500 mg. */
function fakeAnalyzer(seen: AnalysisInput[]): Analyzer {
  return {
    analyze(input): Analysis {
      seen.push(input);
      const end = input.text.indexOf('.') + 1 || input.text.length;
      const sentence = { start: 0, end };
      const magnesium = input.mentions.filter((m) => m.entryId === 'oral-magnesium');
      const dose = input.text.indexOf('500 mg');
      return {
        contexts: input.mentions.map((m) => ({ mentionId: m.id, sentence, negated: false, hedged: false })),
        doses:
          dose >= 0 && magnesium[0]
            ? [
                {
                  mentionId: magnesium[0].id,
                  entryId: 'oral-magnesium',
                  phrase: { start: dose, end: dose + 6 },
                  phraseText: '500 mg',
                  sentence,
                  sentenceText: input.text.slice(0, end),
                  amount: 500,
                  unit: 'mg',
                  timesPerDay: 1,
                  dailyMg: 500,
                  indication: 'unstated',
                  status: 'over-upper-limit',
                  flagged: true,
                },
              ]
            : [],
        claims: magnesium.length
          ? [
              {
                claimId: 'test-claim',
                sentence,
                sentenceText: input.text.slice(0, end),
                matchedText: input.text.slice(0, end),
                mentionIds: input.mentions.map((m) => m.id),
                flagged: true,
              },
            ]
          : [],
        aggravators: [],
      };
    },
  };
}

describe('Annotator.analyze', () => {
  it('hands each run with mentions to the analyzer once, with exact offsets', () => {
    const doc = page('<p>I take <b>magnesium</b> for RLS. Nothing else.</p><p>No topics here.</p>');
    const annotator = new Annotator(doc, dataset, { visibility: 'markup' });
    annotator.scan();
    const seen: AnalysisInput[] = [];
    annotator.analyze(fakeAnalyzer(seen));
    annotator.analyze(fakeAnalyzer(seen));
    expect(seen).toHaveLength(1);
    const [input] = seen;
    expect(input!.text).toBe('I take magnesium for RLS. Nothing else.');
    expect(input!.mentions.map((m) => input!.text.slice(m.start, m.end))).toEqual(['magnesium', 'RLS']);
    expect(input!.pageAboutRls).toBe(true);
  });

  it('wraps a claim sentence across our mention wrappers and the page’s inline elements, text unchanged', () => {
    const html = '<article><p>Take <i>500 mg</i> of magnesium for <em>restless legs</em> syndrome. Then sleep.</p></article>';
    const doc = page(html);
    const pristine = page(html);
    const annotator = new Annotator(doc, dataset, { visibility: 'markup' });
    annotator.scan();
    annotator.analyze(fakeAnalyzer([]));

    const claimText = [...doc.querySelectorAll('evlens-claim')].map((el) => el.textContent).join('');
    expect(claimText).toBe('Take 500 mg of magnesium for restless legs syndrome.');
    expect(doc.body.textContent).toBe(pristine.body.textContent);
    // One mark number per claim, shared by its pieces; flagged as the analyzer said.
    const ids = new Set([...doc.querySelectorAll('evlens-claim')].map((el) => el.getAttribute('data-evlens-mark')));
    expect(ids.size).toBe(1);
    expect(doc.querySelector('evlens-claim')!.getAttribute('data-evlens-claim')).toBe('test-claim');
    expect(doc.querySelector('evlens-claim')!.hasAttribute('data-evlens-flagged')).toBe(true);
    expect(doc.querySelector('evlens-mark[data-evlens-entry="oral-magnesium"]')!.hasAttribute('data-evlens-flagged')).toBe(true);
    expect(annotator.marks.claims).toHaveLength(1);
    expect(annotator.findings.claims[0]!.markId).toBe(annotator.marks.claims[0]!.markId);

    annotator.clear();
    expect(doc.body.isEqualNode(pristine.body)).toBe(true);
    expect(annotator.findings.claims).toEqual([]);
  });

  it('skips a run the page rewrote after wrapping, and forgets findings of removed mentions', () => {
    const doc = page('<p id="a">Magnesium works.</p><p id="b">Magnesium again.</p>');
    const annotator = new Annotator(doc, dataset, { visibility: 'markup' });
    annotator.scan();
    doc.querySelector('#a evlens-mark')!.firstChild!.textContent = 'Changed';
    const seen: AnalysisInput[] = [];
    annotator.analyze(fakeAnalyzer(seen));
    expect(seen.map((s) => s.text)).toEqual(['Magnesium again.']);
    doc.querySelector('#b')!.remove();
    annotator.pruneDetached();
    expect(annotator.findings.claims).toEqual([]);
    expect(annotator.marks.claims).toEqual([]);
  });
});
