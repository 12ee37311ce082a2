/**
 * Property tests: on any generated DOM, annotation keeps the text, never writes inside a
 * never-touch element, never double-wraps, and removal restores an equal DOM.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Annotator } from '@/src/engine/annotator';
import { loadTestDataset } from '../helpers/dataset';

const dataset = loadTestDataset();

const WORDS = [
  'magnesium', 'Magnesium', 'oil', 'citrate', 'RLS', 'rls', 'restless', 'legs', 'syndrome', 'Requip', 'ropinirole',
  'iron', 'cast', 'ore', 'stearate', 'the', 'and', 'my', 'legs,', 'night.', ' ', '\n', '—', 'é', '5 mg', "'s",
];
const INLINE = ['span', 'b', 'em', 'a', 'i', 'strong', 'mark', 'sub'];
const BLOCK = ['p', 'div', 'li', 'section', 'blockquote', 'td', 'article', 'nav', 'aside', 'footer'];
const NEVER = ['textarea', 'script', 'code', 'pre', 'kbd', 'style', 'svg', 'button', 'select'];

type Node = { kind: 'text'; text: string } | { kind: 'element'; tag: string; attrs: string; children: Node[] };

// Composed arbitraries (no fc.sample inside): a failure replays from its seed and shrinks.
const text = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '', '  '))
  .map(([words, separator]) => ({ kind: 'text' as const, text: words.join(separator) }));

const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constantFrom(...INLINE, ...BLOCK, ...NEVER),
      attrs: fc.constantFrom('', ' hidden', ' contenteditable', ' style="display:none"', ' class="menu"'),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
})).node;

function render(node: Node, doc: Document): globalThis.Node {
  if (node.kind === 'text') return doc.createTextNode(node.text);
  const element = doc.createElement(node.tag);
  const [, name, value] = /^ ?([a-z-]*)(?:="(.*)")?$/.exec(node.attrs) ?? [];
  if (name) element.setAttribute(name, value ?? '');
  // Raw-text elements keep their content as text, as a parser would.
  if (['textarea', 'script', 'style'].includes(node.tag)) element.textContent = flatten(node);
  else for (const child of node.children) element.append(render(child, doc));
  return element;
}

function flatten(node: Node): string {
  return node.kind === 'text' ? node.text : node.children.map(flatten).join('');
}

function build(nodes: Node[]): Document {
  const doc = new DOMParser().parseFromString(
    '<!doctype html><html><head><title>Restless legs health notes</title></head><body></body></html>',
    'text/html',
  );
  for (const node of nodes) doc.body.append(render(node, doc));
  return doc;
}

const NEVER_SELECTOR = [...NEVER, '[contenteditable]', '[hidden]', 'evlens-mark'].map((t) => `${t} evlens-mark`).join(', ');

describe('engine invariants on generated DOMs', () => {
  it('keeps text, respects never-touch, is idempotent and fully reversible', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), (nodes) => {
        const doc = build(nodes);
        const pristine = doc.body.cloneNode(true);
        const before = doc.body.textContent;
        const annotator = new Annotator(doc, dataset, { visibility: 'markup' });
        const mentions = annotator.scan();

        expect(doc.body.textContent).toBe(before);
        expect(doc.body.querySelectorAll(NEVER_SELECTOR)).toHaveLength(0);
        for (const mention of mentions) {
          expect(mention.elements.length).toBeGreaterThan(0);
          const ids = new Set(mention.elements.map((e) => e.getAttribute('data-evlens-mention')));
          expect(ids).toEqual(new Set([String(mention.markId)]));
        }

        const annotated = doc.body.cloneNode(true);
        expect(annotator.scan()).toEqual([]);
        expect(doc.body.isEqualNode(annotated)).toBe(true);

        annotator.clear();
        expect(doc.body.isEqualNode(pristine)).toBe(true);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);
});
