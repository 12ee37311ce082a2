/**
 * Collects the page's text as runs: stretches of text that read as one line of prose,
 * possibly crossing inline elements. Each run keeps the text nodes it came from so a match in
 * the run's text maps back to exact node offsets. Elements marked hidden are skipped here;
 * whether the rest can be seen is asked per match (isStretchVisible), where it is cheap.
 */
import { isInline, isNeverTouch, isOwnMark } from './dom-rules';
import type { VisibilityCheck } from './visibility';

export interface TextSegment {
  node: Text;
  /** Offset of this node's first character in the run's text. */
  start: number;
  /** The node sits inside one of our wrappers: read for context, never wrapped again. */
  wrapped?: boolean;
}

export interface TextRun {
  text: string;
  segments: TextSegment[];
  /** The nearest non-inline ancestor: the block the run reads in. */
  block: Element;
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/**
 * Whether every text node under run.text[start, end) can be seen. Asked only for matches,
 * so pages pay for visibility checks only where there is something to annotate.
 */
export function isStretchVisible(run: TextRun, start: number, end: number, isVisible: VisibilityCheck): boolean {
  for (const segment of run.segments) {
    const segmentEnd = segment.start + segment.node.data.length;
    if (segmentEnd <= start || segment.start >= end) continue;
    const parent = segment.node.parentElement;
    if (!parent || !isVisible(parent)) return false;
  }
  return true;
}

/**
 * Yields runs in document order as the walk completes them, so a caller can pause between
 * runs. Safe to wrap a yielded run before resuming: the walker has already moved past it.
 */
export function* iterateTextRuns(root: Element, isReleased?: (element: Element) => boolean): Generator<TextRun> {
  const doc = root.ownerDocument;
  let current = null as TextRun | null;
  let finished = null as TextRun | null;
  const endRun = () => {
    if (current && current.text.trim()) finished = current;
    current = null;
  };

  // Our own wrappers are read through like inline elements, so a second scan sees the same
  // phrases as the first ("yoga nidra" stays a false friend when "yoga" is already wrapped);
  // their text is marked `wrapped` and never wrapped again. A never-touch element still
  // separates the text around it.
  let skippedSince = false;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node: Node) => {
      if (node.nodeType === 1 && !isOwnMark(node) && (isNeverTouch(node as Element) || isReleased?.(node as Element))) {
        skippedSince = true;
        return FILTER_REJECT;
      }
      return FILTER_ACCEPT;
    },
  });

  // The root itself may sit inside a never-touch region (an observer batch, say).
  if (isInsideNeverTouch(root, isReleased)) return;

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skippedSince) {
      endRun();
      skippedSince = false;
    }
    if (node.nodeType === 1) {
      if (!isInline(node as Element) && !isOwnMark(node)) endRun();
    } else {
      const text = node as Text;
      const parent = text.parentElement;
      if (parent && text.data) {
        const block = blockOf(parent);
        if (current && current.block !== block) endRun();
        const run: TextRun = current ?? { text: '', segments: [], block };
        const wrapped = isOwnMark(parent) || (!!parent.parentElement && isOwnMark(parent.parentElement));
        run.segments.push(wrapped ? { node: text, start: run.text.length, wrapped } : { node: text, start: run.text.length });
        run.text += text.data;
        current = run;
      }
    }
    if (finished) {
      yield finished;
      finished = null;
    }
  }
  endRun();
  if (finished) yield finished;
}

/** The block an element reads in: the nearest ancestor-or-self that is neither inline nor ours. */
export function blockOf(element: Element): Element {
  let block: Element = element;
  while ((isInline(block) || isOwnMark(block)) && block.parentElement) block = block.parentElement;
  return block;
}

/** Whether any part of run.text[start, end) is already inside one of our wrappers. */
export function overlapsWrapped(run: TextRun, start: number, end: number): boolean {
  for (const segment of run.segments) {
    if (!segment.wrapped) continue;
    const segmentEnd = segment.start + segment.node.data.length;
    if (segment.start < end && start < segmentEnd) return true;
  }
  return false;
}

function isInsideNeverTouch(element: Element, isReleased?: (element: Element) => boolean): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (isNeverTouch(el) || isOwnMark(el) || isReleased?.(el)) return true;
  }
  return false;
}
