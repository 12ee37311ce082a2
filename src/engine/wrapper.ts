/**
 * Wraps a stretch of a text run in our highlight elements and removes them exactly.
 * Text is only ever split and wrapped, never changed. Removal puts every node we split back
 * together, so the page's DOM is equal (isEqualNode) to what it was and the original text
 * node objects (which page scripts may hold) stay in place.
 */
import { CLAIM_ATTR, CLAIM_TAG, ENTRY_ATTR, MENTION_ATTR, WRAPPER_TAG } from './dom-rules';
import type { TextRun, TextSegment } from './text-runs';

/** What a wrapper marks: a mention of an entry, or a sentence making a claim. */
export type WrapTarget = { entryId: string } | { claimId: string };

export class Wrapper {
  /** Every piece split off a page text node, mapped to the page's original node. */
  private readonly origins = new Map<Text, Text>();
  /** Every piece, mapped to the node it was split from (itself a piece, or the original). */
  private readonly splitFrom = new Map<Text, Text>();
  private readonly wrappers = new Set<Element>();

  /**
   * Wraps run.text[start, end) and returns the wrapper elements in document order (one per
   * text node the stretch crosses). Call for the matches of a run from last to first, so the
   * offsets of earlier matches stay valid.
   */
  wrap(run: TextRun, start: number, end: number, entryId: string, mentionId: number): Element[] {
    return this.wrapSegments(run.segments, start, end, { entryId }, mentionId);
  }

  /**
   * Wraps a stretch of a run that earlier wraps may have split (a sentence holding mentions):
   * the run's text nodes are read as they stand now, including those inside our wrappers.
   */
  wrapAgain(run: TextRun, start: number, end: number, target: WrapTarget, mentionId: number): Element[] {
    return this.wrapSegments(this.currentSegments(run), start, end, target, mentionId);
  }

  /**
   * The run's text nodes as they stand now: each original node followed by the pieces we
   * split off it, in document order. Their text joins to the run's text while the page has
   * not changed it (callers check with `currentText`).
   */
  currentSegments(run: TextRun): TextSegment[] {
    const children = new Map<Text, Text[]>();
    for (const [piece, source] of this.splitFrom) {
      const list = children.get(source) ?? [];
      list.push(piece);
      children.set(source, list);
    }
    // A node and everything split off it since, directly or from its pieces.
    const descendants = (node: Text): Text[] => (children.get(node) ?? []).flatMap((c) => [c, ...descendants(c)]);
    const segments: TextSegment[] = [];
    let offset = 0;
    for (const { node } of run.segments) {
      for (const piece of [node, ...descendants(node).sort(documentOrder)]) {
        segments.push({ node: piece, start: offset });
        offset += piece.data.length;
      }
    }
    return segments;
  }

  /** Whether part of run.text[start, end) already sits in a claim wrapper. */
  hasClaimIn(run: TextRun, start: number, end: number): boolean {
    return this.currentSegments(run).some(
      ({ node, start: at }) =>
        at < end && start < at + node.data.length && node.parentElement?.localName === CLAIM_TAG,
    );
  }

  currentText(run: TextRun): string {
    return this.currentSegments(run)
      .map((segment) => segment.node.data)
      .join('');
  }

  private wrapSegments(
    segments: readonly TextSegment[],
    start: number,
    end: number,
    target: WrapTarget,
    mentionId: number,
  ): Element[] {
    const created: Element[] = [];
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i]!;
      const nodeStart = segment.start;
      const nodeEnd = nodeStart + segment.node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      // Whitespace between inline elements stays outside: a wrapper there could land in a <tr>.
      if (!segment.node.data.slice(from, to).trim()) continue;
      created.unshift(this.wrapText(segment.node, from, to, target, mentionId));
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
      this.splitFrom.delete(piece);
      // The page wrote the whole text into the node it holds; our split-off tails are stale.
      if (node === origin) piece.parentNode?.removeChild(piece);
    }
    return true;
  }

  private isWrapped(node: Text): boolean {
    const parent = node.parentNode;
    return !!parent && this.wrappers.has(parent as Element);
  }

  /** Unwraps every wrapper of ours around the node (a claim sentence may sit inside a mention). */
  private unwrapAround(node: Text): void {
    for (let wrapper = node.parentNode as Element | null; wrapper && this.wrappers.has(wrapper); ) {
      const parent = wrapper.parentNode as Element | null;
      if (parent) {
        while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
        parent.removeChild(wrapper);
      }
      this.wrappers.delete(wrapper);
      wrapper = parent;
    }
  }

  private wrapText(node: Text, from: number, to: number, target: WrapTarget, mentionId: number): Element {
    let piece = node;
    // Split the tail first so `node` keeps its head and its identity.
    if (to < piece.data.length) this.track(piece, piece.splitText(to));
    if (from > 0) {
      const head = piece;
      piece = head.splitText(from);
      this.track(head, piece);
    }
    const wrapper = piece.ownerDocument.createElement('entryId' in target ? WRAPPER_TAG : CLAIM_TAG);
    if ('entryId' in target) wrapper.setAttribute(ENTRY_ATTR, target.entryId);
    else wrapper.setAttribute(CLAIM_ATTR, target.claimId);
    wrapper.setAttribute(MENTION_ATTR, String(mentionId));
    piece.parentNode!.insertBefore(wrapper, piece);
    wrapper.appendChild(piece);
    this.wrappers.add(wrapper);
    return wrapper;
  }

  private track(source: Text, piece: Text): void {
    this.origins.set(piece, this.origins.get(source) ?? source);
    this.splitFrom.set(piece, source);
  }

  private piecesByOrigin(): Map<Text, Text[]> {
    const piecesByOrigin = new Map<Text, Text[]>();
    for (const [piece, origin] of this.origins) {
      const pieces = piecesByOrigin.get(origin) ?? [];
      pieces.push(piece);
      piecesByOrigin.set(origin, pieces);
    }
    return piecesByOrigin;
  }

  private rejoin(): void {
    const piecesByOrigin = this.piecesByOrigin();
    this.origins.clear();
    this.splitFrom.clear();
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

function documentOrder(a: Node, b: Node): number {
  // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}
