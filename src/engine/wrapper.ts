/**
 * Wraps a stretch of a text run in our highlight elements and removes them exactly.
 * Text is only ever split and wrapped, never changed. Removal puts every node we split back
 * together, so the page's DOM is equal (isEqualNode) to what it was and the original text
 * node objects (which page scripts may hold) stay in place.
 */
import { ENTRY_ATTR, MENTION_ATTR, WRAPPER_TAG } from './dom-rules';
import type { TextRun } from './text-runs';

export class Wrapper {
  /** Every piece split off a page text node, mapped to the node it came from. */
  private readonly origins = new Map<Text, Text>();
  private readonly wrappers = new Set<Element>();

  /**
   * Wraps run.text[start, end) and returns the wrapper elements in document order (one per
   * text node the stretch crosses). Call for the matches of a run from last to first, so the
   * offsets of earlier matches stay valid.
   */
  wrap(run: TextRun, start: number, end: number, entryId: string, mentionId: number): Element[] {
    const created: Element[] = [];
    for (let i = run.segments.length - 1; i >= 0; i--) {
      const segment = run.segments[i]!;
      const nodeStart = segment.start;
      const nodeEnd = nodeStart + segment.node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      // Whitespace between inline elements stays outside: a wrapper there could land in a <tr>.
      if (!segment.node.data.slice(from, to).trim()) continue;
      created.unshift(this.wrapText(segment.node, from, to, entryId, mentionId));
    }
    return created;
  }

  /** Removes every wrapper and re-joins the text nodes we split. */
  unwrapAll(): void {
    for (const wrapper of this.wrappers) {
      const parent = wrapper.parentNode;
      if (!parent) continue;
      while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
      parent.removeChild(wrapper);
    }
    this.wrappers.clear();
    this.rejoin();
  }

  get count(): number {
    return this.wrappers.size;
  }

  /**
   * The page rewrote a text node we had split (frameworks set `data` on the node they hold).
   * Its new text is the truth: unwrap it, and drop the pieces we had split off, which now
   * hold stale text. Returns false when the node is none of ours.
   */
  releaseRewritten(node: Text): boolean {
    const origin = this.origins.get(node) ?? node;
    const pieces = [...this.origins].filter(([, from]) => from === origin).map(([piece]) => piece);
    if (pieces.length === 0 && !this.isWrapped(node)) return false;
    for (const member of [origin, ...pieces]) this.unwrapAround(member);
    for (const piece of pieces) {
      this.origins.delete(piece);
      // The page wrote the whole text into the node it holds; our split-off tails are stale.
      if (node === origin) piece.parentNode?.removeChild(piece);
    }
    return true;
  }

  private isWrapped(node: Text): boolean {
    const parent = node.parentNode;
    return !!parent && this.wrappers.has(parent as Element);
  }

  private unwrapAround(node: Text): void {
    const wrapper = node.parentNode as Element | null;
    if (!wrapper || !this.wrappers.has(wrapper)) return;
    const parent = wrapper.parentNode;
    if (parent) {
      while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
      parent.removeChild(wrapper);
    }
    this.wrappers.delete(wrapper);
  }

  private wrapText(node: Text, from: number, to: number, entryId: string, mentionId: number): Element {
    let target = node;
    // Split the tail first so `node` keeps its head and its identity.
    if (to < target.data.length) this.track(target, target.splitText(to));
    if (from > 0) {
      const piece = target.splitText(from);
      this.track(target, piece);
      target = piece;
    }
    const wrapper = target.ownerDocument.createElement(WRAPPER_TAG);
    wrapper.setAttribute(ENTRY_ATTR, entryId);
    wrapper.setAttribute(MENTION_ATTR, String(mentionId));
    target.parentNode!.insertBefore(wrapper, target);
    wrapper.appendChild(target);
    this.wrappers.add(wrapper);
    return wrapper;
  }

  private track(splitFrom: Text, piece: Text): void {
    this.origins.set(piece, this.origins.get(splitFrom) ?? splitFrom);
  }

  private rejoin(): void {
    const piecesByOrigin = new Map<Text, Text[]>();
    for (const [piece, origin] of this.origins) {
      const pieces = piecesByOrigin.get(origin) ?? [];
      pieces.push(piece);
      piecesByOrigin.set(origin, pieces);
    }
    this.origins.clear();
    for (const [origin, pieces] of piecesByOrigin) {
      const group = new Set(pieces);
      // After unwrapping, the pieces sit right after their origin as siblings.
      let next = origin.nextSibling;
      while (next && group.has(next as Text)) {
        const following = next.nextSibling;
        origin.appendData((next as Text).data);
        next.parentNode!.removeChild(next);
        next = following;
      }
    }
  }
}
