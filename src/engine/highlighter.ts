/**
 * Puts a mark's elements around a stretch of a text run and takes them away exactly.
 * Text is only ever split and wrapped, never changed. Removal puts every node we split back
 * together, so the page's DOM is equal (isEqualNode) to what it was and the original text
 * node objects (which page scripts may hold) stay in place.
 */
import {
  CLAIM_ATTR,
  DEFAULT_TAGS,
  ENTRY_ATTR,
  FALLBACK_TAGS,
  isClaimElement,
  isUnclaimed,
  MARK_ATTR,
  MENTION_ATTR,
  type OwnElementKind,
} from './dom-rules';
import type { TextRun, TextSegment } from './text-runs';

/** What a mark's elements say about it: a mention of an entry, or a sentence making a claim. */
export type MarkTarget = { kind: 'mention'; entryId: string } | { kind: 'claim'; claimId: string };

export class Highlighter {
  /**
   * The one record of our splits: each page text node we split, mapped to its chain (the
   * node itself, then every piece split off it, in text order). Every piece points at the
   * same chain.
   */
  private readonly chains = new Map<Text, Text[]>();
  private readonly elements = new Set<Element>();
  /**
   * The display of the elements our text sits in, read before we wrap anything: reading styles
   * between our DOM edits would make the browser recompute them once per mark.
   */
  private readonly displays = new WeakMap<Element, string | null>();

  /** The names our elements take on this page (see OwnElements). */
  readonly names = new OwnElements();

  /** `layout`: the page is rendered (a browser), so flex and grid containers matter. */
  constructor(private readonly options: { layout: boolean } = { layout: false }) {}

  /** Reads, while the page is untouched by us, how the run's containers lay out text. */
  noteContainers(run: TextRun): void {
    if (!this.options.layout) return;
    for (const { node } of run.segments) {
      const parent = node.parentElement;
      if (parent && !this.displays.has(parent)) this.displays.set(parent, itemContainerDisplay(parent));
    }
  }

  /**
   * Wraps run.text[start, end) and returns the mark's elements in document order (one per
   * text node the stretch crosses). Mentions of one run are wrapped from last to first, so the
   * run's own nodes still hold every earlier offset (a split keeps the head in the node).
   * A claim sentence spans mentions already wrapped: its run's nodes are read as they stand
   * now, pieces included.
   */
  wrap(run: TextRun, start: number, end: number, target: MarkTarget, markId: number): Element[] {
    const segments = target.kind === 'mention' ? run.segments : this.currentSegments(run);
    const created: Element[] = [];
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i]!;
      const nodeStart = segment.start;
      const nodeEnd = nodeStart + segment.node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      // Whitespace between inline elements stays outside: an element there could land in a <tr>.
      if (!segment.node.data.slice(from, to).trim()) continue;
      // An inline flex or grid container's text: any element there, even one standing in for
      // its anonymous item, would add line breaks to the page's innerText. Left unmarked.
      if (this.containerDisplay(segment.node.parentElement)?.startsWith('inline-')) continue;
      created.unshift(this.wrapText(segment.node, from, to, target, markId));
    }
    return created;
  }

  /** Whether part of run.text[start, end) already sits in a claim sentence's element. */
  hasClaimIn(run: TextRun, start: number, end: number): boolean {
    return this.currentSegments(run).some(
      ({ node, start: at }) => at < end && start < at + node.data.length && !!node.parentElement && isClaimElement(node.parentElement),
    );
  }

  /** The run's text as its nodes hold it now (differs from run.text once the page edits it). */
  currentText(run: TextRun): string {
    return this.currentSegments(run)
      .map((segment) => segment.node.data)
      .join('');
  }

  /** Removes every element of ours and re-joins the text nodes we split. */
  unwrapAll(): void {
    for (const element of this.elements) unwrap(element);
    this.elements.clear();
    for (const [origin, chain] of this.chains) {
      if (chain[0] === origin) joinChain(origin, chain); // each chain once, through its first node
    }
    this.chains.clear();
  }

  /**
   * Removes every element of ours inside `region` and re-joins the text nodes we split there,
   * keeping the reader's selection and caret on the same characters (a page made the region
   * editable: our marks must not be in the HTML it saves, nor be unwrapped under the caret
   * while the reader types). Returns whether anything of ours was there.
   */
  releaseWithin(region: Node): boolean {
    const elements = [...this.elements].filter((element) => region.contains(element));
    const chains = [...this.chains].filter(([origin, chain]) => chain[0] === origin && region.contains(origin));
    if (elements.length === 0 && chains.length === 0) return false;
    const doc = region.ownerDocument ?? (region as Document);
    const selection = doc.getSelection?.() ?? null;
    const anchor = selection?.anchorNode ? this.stablePoint(selection.anchorNode, selection.anchorOffset) : null;
    const focus = selection?.focusNode ? this.stablePoint(selection.focusNode, selection.focusOffset) : null;
    for (const element of elements) {
      unwrap(element);
      this.elements.delete(element);
    }
    for (const [origin, chain] of chains) {
      joinChain(origin, chain);
      for (const member of chain) this.chains.delete(member);
    }
    if (selection && anchor && focus) {
      const a = resolvePoint(anchor);
      const f = resolvePoint(focus);
      if (a && f && (a.node !== selection.anchorNode || a.offset !== selection.anchorOffset || f.node !== selection.focusNode || f.offset !== selection.focusOffset)) {
        selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
      }
    }
    return true;
  }

  /**
   * A selection boundary in terms that survive our unwrapping: a character of a text node
   * after re-joining (our pieces join their origin), or a page node to stand before.
   */
  private stablePoint(node: Node, offset: number): StablePoint {
    if (node.nodeType === 3) return this.textPoint(node as Text, offset);
    const after = node.childNodes[offset] ?? null;
    if (after && this.isOursOrPiece(after)) {
      const text = edgeText(after, 'first');
      if (text) return this.textPoint(text, 0);
    }
    const before = offset > 0 ? node.childNodes[offset - 1] : null;
    if (before && this.isOursOrPiece(before)) {
      const text = edgeText(before, 'last');
      if (text) return this.textPoint(text, text.data.length);
    }
    return { container: node, after };
  }

  private textPoint(text: Text, offset: number): StablePoint {
    const chain = this.chains.get(text);
    if (!chain) return { text, offset };
    let prefix = 0;
    for (const piece of chain) {
      if (piece === text) break;
      prefix += piece.data.length;
    }
    return { text: chain[0]!, offset: prefix + offset };
  }

  private isOursOrPiece(node: Node): boolean {
    return this.elements.has(node as Element) || this.chains.has(node as Text);
  }

  /**
   * The page rewrote a text node we had split (frameworks set `data` on the node they hold).
   * Its new text is the truth: unwrap it, and drop the pieces we had split off, which now
   * hold stale text. Returns false when the node is none of ours.
   */
  releaseRewritten(node: Text): boolean {
    const chain = this.chains.get(node);
    if (!chain && !this.elements.has(node.parentNode as Element)) return false;
    for (const member of chain ?? [node]) this.unwrapAround(member);
    if (chain) {
      const [origin, ...pieces] = chain;
      for (const piece of pieces) {
        this.chains.delete(piece);
        // The page wrote the whole text into the node it holds; our split-off tails are stale.
        if (node === origin) piece.remove();
      }
      this.chains.delete(origin!);
    }
    return true;
  }

  /**
   * The run's text nodes as they stand now: each of its nodes followed by the pieces we split
   * off it. Their text joins to the run's text while the page has not changed it.
   */
  private currentSegments(run: TextRun): TextSegment[] {
    const segments: TextSegment[] = [];
    let offset = 0;
    for (const { node } of run.segments) {
      for (const piece of this.chains.get(node) ?? [node]) {
        segments.push({ node: piece, start: offset });
        offset += piece.data.length;
      }
    }
    return segments;
  }

  /** Unwraps every element of ours around the node (a claim sentence may hold a mention). */
  private unwrapAround(node: Text): void {
    for (let element = node.parentNode as Element | null; element && this.elements.has(element); ) {
      const parent = element.parentNode as Element | null;
      unwrap(element);
      this.elements.delete(element);
      element = parent;
    }
  }

  private wrapText(node: Text, from: number, to: number, target: MarkTarget, markId: number): Element {
    let piece = node;
    // Split the tail first so `node` keeps its head and its identity.
    if (to < piece.data.length) this.recordSplit(piece, piece.splitText(to));
    if (from > 0) {
      const head = piece;
      piece = head.splitText(from);
      this.recordSplit(head, piece);
    }
    const doc = piece.ownerDocument;
    if (this.containerDisplay(piece.parentElement)) this.wrapTextItem(piece);
    const element = this.names.create(doc, target.kind);
    if (target.kind === 'mention') {
      element.setAttribute(ENTRY_ATTR, target.entryId);
      element.setAttribute(MENTION_ATTR, String(markId));
    } else {
      element.setAttribute(CLAIM_ATTR, target.claimId);
      element.setAttribute(MARK_ATTR, String(markId));
    }
    piece.parentNode!.insertBefore(element, piece);
    element.appendChild(piece);
    this.elements.add(element);
    return element;
  }

  /**
   * Wraps the run of text siblings around `node` (the container's anonymous flex or grid item)
   * in one item element, so the mark inside it does not become an item of its own.
   */
  private wrapTextItem(node: Text): void {
    let first: Node = node;
    while (first.previousSibling && isItemText(first.previousSibling)) first = first.previousSibling;
    let last: Node = node;
    while (last.nextSibling && isItemText(last.nextSibling)) last = last.nextSibling;
    const item = this.names.create(node.ownerDocument, 'item');
    first.parentNode!.insertBefore(item, first);
    for (let next: Node | null = first; next; ) {
      const after: Node | null = next === last ? null : next.nextSibling;
      item.appendChild(next);
      next = after;
    }
    this.elements.add(item);
  }

  /** The display of a flex or grid container holding our text, else null (remembered, see noteContainers). */
  private containerDisplay(element: Element | null): string | null {
    if (!this.options.layout || !element || this.elements.has(element)) return null;
    let display = this.displays.get(element);
    if (display === undefined) {
      display = itemContainerDisplay(element);
      this.displays.set(element, display);
    }
    return display;
  }

  /** `tail` was split off the end of `source`: it follows source in source's chain. */
  private recordSplit(source: Text, tail: Text): void {
    let chain = this.chains.get(source);
    if (!chain) {
      chain = [source];
      this.chains.set(source, chain);
    }
    chain.splice(chain.indexOf(source) + 1, 0, tail);
    this.chains.set(tail, chain);
  }
}

/**
 * Creates our elements under the public names (`evlens-mark`, `evlens-claim`, `evlens-item`)
 * until the page turns out to have registered any of them as a custom element; from then on,
 * on this page, under the fallback names, which no page can register (no hyphen). Each element
 * is checked as it is created, before it carries an attribute or text, so a page that
 * registers our names late still never gets one of ours that holds anything.
 */
export class OwnElements {
  private fallback = false;

  /** Whether the page claimed a name of ours and we use the fallback names. */
  get usingFallback(): boolean {
    return this.fallback;
  }

  create(doc: Document, kind: OwnElementKind): Element {
    if (!this.fallback) {
      const element = doc.createElement(DEFAULT_TAGS[kind]);
      if (isUnclaimed(element)) return element;
      this.fallback = true;
    }
    return doc.createElement(FALLBACK_TAGS[kind]);
  }

  /**
   * Checks every public name again (the page may have registered one since our last scan).
   * Returns true when this call switched to the fallback names.
   */
  recheck(doc: Document): boolean {
    if (this.fallback) return false;
    for (const name of Object.values(DEFAULT_TAGS)) {
      if (!isUnclaimed(doc.createElement(name))) return (this.fallback = true);
    }
    return false;
  }
}

/** Unwrapped, a split node's pieces sit right after it as siblings: join them back into it. */
function joinChain(origin: Text, chain: Text[]): void {
  let next = origin.nextSibling;
  for (const piece of chain.slice(1)) {
    if (next !== piece) break;
    next = piece.nextSibling;
    origin.appendData(piece.data);
    piece.remove();
  }
}

/** A selection boundary that survives unwrapping (see Highlighter.stablePoint). */
type StablePoint = { text: Text; offset: number } | { container: Node; after: Node | null };

function resolvePoint(point: StablePoint): { node: Node; offset: number } | null {
  if ('text' in point) {
    return point.text.isConnected ? { node: point.text, offset: Math.min(point.offset, point.text.data.length) } : null;
  }
  const { container, after } = point;
  if (!after) return { node: container, offset: container.childNodes.length };
  if (after.parentNode !== container) return null;
  return { node: container, offset: Array.prototype.indexOf.call(container.childNodes, after) };
}

/** The first or last text node inside a node (or the node itself). */
function edgeText(node: Node, edge: 'first' | 'last'): Text | null {
  if (node.nodeType === 3) return node as Text;
  const children = [...node.childNodes];
  if (edge === 'last') children.reverse();
  for (const child of children) {
    const text = edgeText(child, edge);
    if (text) return text;
  }
  return null;
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

const ITEM_CONTAINER_DISPLAYS = new Set(['flex', 'inline-flex', 'grid', 'inline-grid']);

/** The display of a flex or grid container (its direct text is laid out as anonymous items), else null. */
function itemContainerDisplay(element: Element | null): string | null {
  const view = element?.ownerDocument.defaultView;
  if (!element || !view || typeof view.getComputedStyle !== 'function') return null;
  let display = view.getComputedStyle(element).display;
  // A `display: contents` element's text is laid out by the element's own container.
  for (let box = element.parentElement; display === 'contents' && box; box = box.parentElement) {
    display = view.getComputedStyle(box).display;
  }
  return ITEM_CONTAINER_DISPLAYS.has(display) ? display : null;
}

/** Text and comments share one anonymous item; any element starts another. */
function isItemText(node: Node): boolean {
  return node.nodeType === 3 || node.nodeType === 8;
}
