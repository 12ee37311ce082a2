import { describe, expect, it } from 'vitest';
import { Annotator } from '@/src/engine/annotator';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();

function page(body: string, title = 'Restless legs and magnesium'): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'text/html');
}

function annotate(doc: Document) {
  const annotator = new Annotator(doc, dataset, { visibility: 'markup' });
  const mentions = annotator.scan();
  return { annotator, mentions, found: mentions.map((m) => [m.entryId, m.text]) };
}

describe('Annotator', () => {
  it('wraps each mention with the DOM contract attributes', () => {
    const doc = page('<p>I take magnesium for my RLS.</p>');
    const { found } = annotate(doc);
    expect(found).toEqual([
      ['oral-magnesium', 'magnesium'],
      ['restless-legs-syndrome', 'RLS'],
    ]);
    const marks = doc.querySelectorAll('evlens-mark');
    expect([...marks].map((m) => [m.getAttribute('data-evlens-entry'), m.getAttribute('data-evlens-mention')])).toEqual([
      ['oral-magnesium', '1'],
      ['restless-legs-syndrome', '2'],
    ]);
    expect(doc.body.textContent).toBe('I take magnesium for my RLS.');
  });

  it('prefers the longest alias and joins mentions across inline elements', () => {
    const doc = page('<p><b>Magnesium</b> oil and restless <em>legs</em>\n syndrome</p>');
    const { mentions } = annotate(doc);
    expect(mentions.map((m) => [m.entryId, m.elements.length])).toEqual([
      ['transdermal-magnesium', 2],
      ['restless-legs-syndrome', 3],
    ]);
    const second = doc.querySelectorAll('[data-evlens-mention="2"]');
    expect(second).toHaveLength(3);
  });

  it('keeps case-sensitive acronyms exact and accepts plurals and possessives', () => {
    // "RLS" and the forum spelling "rls" are listed; "Rls" and "WeD" are neither.
    const { found } = annotate(page('<p>Rls is not RLS or rls. WeD. Requip’s label. iron supplements help.</p>'));
    expect(found).toEqual([
      ['restless-legs-syndrome', 'RLS'],
      ['restless-legs-syndrome', 'rls'],
      ['ropinirole', 'Requip’s'],
      ['oral-iron-ferrous-sulfate', 'iron supplements'],
    ]);
  });

  it('skips false friends and context-only terms outside health pages', () => {
    const health = annotate(page('<main><p>Cast iron pans. Iron helps RLS. Magnesium stearate (excipient).</p></main>'));
    expect(health.found).toEqual([
      ['iron', 'Iron'],
      ['restless-legs-syndrome', 'RLS'],
    ]);
    const other = annotate(page('<p>The iron bridge was built in 1779.</p>', 'Bridges of England'));
    expect(other.found).toEqual([]);
  });

  it('does not annotate context-only terms in navigation', () => {
    const { found } = annotate(page('<nav>Iron deficiency</nav><article><p>Magnesium and iron.</p></article>'));
    expect(found).toEqual([
      ['oral-magnesium', 'Magnesium'],
      ['iron', 'iron'],
    ]);
  });

  it('reads through its own wrappers on a second scan, so a false friend stays one', () => {
    const doc = page(
      '<main><p>From breath meditation to yoga nidra, every practice aims to calm you before bed.</p></main>',
      'Restless legs: meditation for better sleep',
    );
    const { annotator, found } = annotate(doc);
    expect(found).toEqual([['yoga', 'yoga']]);
    // "yoga" is wrapped now; "nidra" alone would be the Nidra device.
    expect(annotator.scan()).toEqual([]);
  });

  it('does not annotate context-only terms in lists of links to other articles', () => {
    const { found } = annotate(
      page(
        '<main><p>Iron and RLS.</p><ol><li>9. <a href="/a">Iron pans for beginners</a></li>' +
          '<li><a href="/b">Yoga retreats</a></li></ol></main>',
      ),
    );
    expect(found).toEqual([
      ['iron', 'Iron'],
      ['restless-legs-syndrome', 'RLS'],
    ]);
  });

  it('does not annotate menus built from link lists or teaser blocks, whatever their class names', () => {
    const { found } = annotate(
      page(
        '<div class="navDivide"><ol><li><a href="/rls">Restless Legs Syndrome</a></li><li><a href="/x">Sleep</a></li></ol></div>' +
          '<main><p>Magnesium and RLS.</p>' +
          '<div class="suggestedReadingContainer"><a href="/c"><span>Cannabis and sleep</span></a></div></main>',
      ),
    );
    expect(found).toEqual([
      ['oral-magnesium', 'Magnesium'],
      ['restless-legs-syndrome', 'RLS'],
    ]);
  });

  it('never touches form fields, code, scripts, editable or hidden text', () => {
    const doc = page(
      '<textarea>magnesium</textarea><input value="magnesium"><code>magnesium</code><pre>RLS</pre>' +
        '<script>var magnesium = 1;</script><div contenteditable>magnesium</div>' +
        '<p hidden>magnesium</p><p style="display: none">RLS</p><svg><text>RLS</text></svg><p>RLS</p>',
    );
    const { found } = annotate(doc);
    expect(found).toEqual([['restless-legs-syndrome', 'RLS']]);
    expect(doc.querySelector('textarea')!.value).toBe('magnesium');
  });

  it('marks nothing on a page not about human health, however often it is scanned', () => {
    const doc = page(
      '<main><p>The RLS trim adds magnesium alloy wheels, heated seats and a massage function.</p>' +
        '<p>Its engine makes 250 horsepower; we drank coffee at the dealer.</p></main>',
      'Road test: the Carrow Vista RLS',
    );
    const { annotator, found } = annotate(doc);
    expect(found).toEqual([]);
    expect(annotator.scan()).toEqual([]);
    expect(annotator.scan()).toEqual([]);
    expect(annotator.pageRelevant).toBe(false);
  });

  it('marks an ambiguous word only in its health sense on a health page', () => {
    const doc = page(
      '<main><p>My doctor suggested 200 mg of magnesium at bedtime for my restless legs syndrome.</p>' +
        '<p>Unrelated aside: magnesium burns with a bright white flame in the chemistry lab experiment.</p></main>',
    );
    const { found } = annotate(doc);
    expect(found).toEqual([
      ['oral-magnesium', 'magnesium'],
      ['restless-legs-syndrome', 'restless legs syndrome'],
    ]);
  });

  it('restores an equal DOM when cleared, and never double-wraps', () => {
    const html = '<article><p>Magnesium <i>citrate</i> for restless <em>legs</em> syndrome; ask about ropinirole and RLS.</p><p>RLS.</p></article>';
    const doc = page(html);
    const pristine = page(html);
    const first = annotate(doc);
    expect(first.mentions.map((m) => m.entryId)).toEqual([
      'oral-magnesium',
      'restless-legs-syndrome',
      'ropinirole',
      'restless-legs-syndrome',
      'restless-legs-syndrome',
    ]);
    expect(first.annotator.scan()).toEqual([]);
    expect(doc.querySelectorAll('evlens-mark evlens-mark')).toHaveLength(0);
    first.annotator.clear();
    expect(doc.body.isEqualNode(pristine.body)).toBe(true);
    expect(doc.querySelector('evlens-mark')).toBeNull();
  });
});
