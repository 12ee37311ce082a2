/** The tooltip renders dataset and page text as text: markup in either never becomes DOM. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Entry } from '@/src/dataset/schema';
import type { MentionFindings } from '@/src/ui/tooltip/mention-findings';
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

describe('Tooltip, dataset v2', () => {
  const renderEntry = (id: string, doses: MentionFindings['doses'] = []) => {
    const entry = dataset.entries.find((e) => e.id === id)!;
    const container = document.createElement('div');
    render(
      <Tooltip
        subject={{ kind: 'mention', entry, found: { context: undefined, doses, claims: [], aggravator: undefined }, claims: new Map() }}
        references={references}
        datasetVersion="test"
      />,
      container,
    );
    return container;
  };

  it('says whom the verdict is for and puts the prescriber caveat first on a prescription drug', () => {
    const levodopa = renderEntry('levodopa');
    expect(levodopa.querySelector('.verdict')!.textContent).toMatch(/For RLS: Not recommended \(conditional\)/);
    expect(levodopa.querySelector('.caveats li')!.className).toBe('prescriber');
    expect(levodopa.querySelector('.caveats li')!.textContent).toMatch(/without talking to your prescriber/);
    expect(renderEntry('vitamin-c-hemodialysis').querySelector('.verdict')!.textContent).toMatch(/For RLS on haemodialysis:/);
  });

  it("names the children's limit, the US label and the provisional mark in dose text", () => {
    const mg = dataset.entries.find((e) => e.id === 'oral-magnesium')!;
    const limit = mg.numbers.find((n) => n.role === 'upper-intake-daily' && n.population === 'ages 4-8')!;
    const container = renderEntry('oral-magnesium', [
      {
        mentionId: 0, entryId: 'oral-magnesium', phrase: { start: 0, end: 6 }, phraseText: '300 mg', sentence: { start: 0, end: 10 },
        sentenceText: 'I give my 5 year old 300 mg magnesium.', amount: 300, unit: 'mg', timesPerDay: 1, dailyMg: 300,
        indication: 'unstated', status: 'over-upper-limit', limit, ratio: 2.7, flagged: true, population: { age: 5 },
      },
    ]);
    expect(container.querySelector('.on-page')!.textContent).toContain(
      'That is above the US upper intake limit for supplements, 110 mg/day for ages 4-8 (provisional).',
    );
    const rop = dataset.entries.find((e) => e.id === 'ropinirole')!;
    const dialysis = rop.numbers.find((n) => n.population === 'ESRD on dialysis')!;
    const ropinirole = renderEntry('ropinirole', [
      {
        mentionId: 0, entryId: 'ropinirole', phrase: { start: 0, end: 4 }, phraseText: '4 mg', sentence: { start: 0, end: 10 },
        sentenceText: 'On dialysis, 4 mg ropinirole.', amount: 4, unit: 'mg', timesPerDay: 1, dailyMg: 4,
        indication: 'rls', status: 'over-rls-max', limit: dialysis, ratio: 1.333, flagged: true, population: { dialysis: true },
      },
    ]);
    expect(ropinirole.querySelector('.on-page')!.textContent).toContain("the US label's RLS maximum of 3 mg/day for ESRD on dialysis (provisional)");
  });
});
