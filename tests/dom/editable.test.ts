/** Marks in a region the page makes editable: removed once, text nodes re-joined, caret kept. */
import { describe, expect, it } from 'vitest';
import { Annotator } from '@/src/engine/annotator';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();

describe('releasing an editable region', () => {
  it('removes our marks there only, re-joins the text and keeps the caret on the same character', () => {
    document.title = 'Restless legs';
    document.body.replaceChildren();
    const note = document.createElement('div');
    const p = document.createElement('p');
    p.append('I take magnesium for my RLS every night.');
    note.append(p);
    const other = document.createElement('p');
    other.append('Ropinirole helped my RLS.');
    document.body.append(note, other);
    const original = p.firstChild as Text;

    const annotator = new Annotator(document, dataset, { visibility: 'markup' });
    annotator.scan();
    const mark = p.querySelector('[data-evlens-entry="oral-magnesium"]')!;
    const inMark = mark.firstChild as Text;
    document.getSelection()!.setBaseAndExtent(inMark, 4, inMark, 4); // magn|esium

    note.setAttribute('contenteditable', 'true');
    expect(annotator.releaseEditable(note)).toBe(true);

    expect(note.querySelector('[data-evlens-mention]')).toBeNull();
    expect([...p.childNodes]).toEqual([original]);
    expect(original.data).toBe('I take magnesium for my RLS every night.');
    const selection = document.getSelection()!;
    expect(selection.anchorNode).toBe(original);
    expect(selection.anchorOffset).toBe('I take magn'.length);
    // The rest of the page keeps its marks; the region is never marked again.
    expect(other.querySelectorAll('[data-evlens-mention]').length).toBe(2);
    expect(annotator.releaseEditable(note)).toBe(false);
    note.removeAttribute('contenteditable');
    annotator.scan();
    expect(note.querySelector('[data-evlens-mention]')).toBeNull();
  });
});
