/** The tooltip renders dataset and page text as text: markup in either never becomes DOM. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Entry } from '@/src/dataset/schema';
import { Tooltip } from '@/src/ui/tooltip/Tooltip';
import { loadTestDataset } from '../helpers/dataset';

const HOSTILE = '<img src=x onerror=alert(1)>';
const dataset = loadTestDataset();
const references = new Map(dataset.references.map((r) => [r.id, r]));

describe('Tooltip', () => {
  it('shows a dataset string holding markup as literal text', () => {
    const base = dataset.entries[0]!;
    // The schema refuses such text; the renderer must be safe even if a bad entry got through.
    const entry: Entry = { ...base, name: `${base.name} ${HOSTILE}`, summary: `Summary ${HOSTILE}` };
    const container = document.createElement('div');
    render(
      <Tooltip
        subject={{ kind: 'mention', entry, found: { context: undefined, doses: [], claims: [], aggravator: undefined }, claims: new Map() }}
        references={references}
        datasetVersion="test"
      />,
      container,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(`Summary ${HOSTILE}`);
    expect(container.querySelector('.name')!.textContent).toBe(`${base.name} ${HOSTILE}`);
  });

  it('quotes a page sentence holding markup as literal text', () => {
    const claim = dataset.claims[0] ?? {
      id: 'c',
      statement: 'A claim',
      patterns: ['claim'],
      entries: [],
      verdict: 'false' as const,
      explanation: 'Why.',
      provisional: false,
      citations: [dataset.references[0]!.id],
    };
    const sentence = `Magnesium cures everything ${HOSTILE}.`;
    const container = document.createElement('div');
    render(
      <Tooltip
        subject={{
          kind: 'claim',
          claim,
          finding: {
            claimId: claim.id,
            sentence: { start: 0, end: sentence.length },
            sentenceText: sentence,
            matchedText: sentence,
            mentionIds: [1],
            flagged: true,
            markId: 2,
          },
        }}
        references={references}
        datasetVersion="test"
      />,
      container,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.quote')!.textContent).toBe(sentence);
  });

  it('opens every citation in a new tab without giving the page a handle on ours', () => {
    const entry = dataset.entries.find((e) => e.citations.length > 1)!;
    const container = document.createElement('div');
    render(
      <Tooltip
        subject={{ kind: 'mention', entry, found: { context: undefined, doses: [], claims: [], aggravator: undefined }, claims: new Map() }}
        references={references}
        datasetVersion="test"
      />,
      container,
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    }
  });
});
