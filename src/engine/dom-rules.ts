/** Which parts of a page the engine reads, and which it must never touch. */

/** Our DOM names all carry this prefix so nothing collides with the page. */
export const OWN_PREFIX = 'evlens-';
/** What every name of ours starts with, the fallback names below included. */
const OWN_STEM = 'evlens';
// The marks on the page are a public contract that tools outside the project read
// (docs/architecture.md, "The marks on the page"): keep these names stable.
/** Mentions are wrapped in this unregistered, hyphenated element (page CSS rarely targets it). */
export const MENTION_TAG = 'evlens-mark';
/** On a mention's elements: the entry it mentions. */
export const ENTRY_ATTR = 'data-evlens-entry';
/** On a mention's elements: its mark id (every piece of one mention shares it). */
export const MENTION_ATTR = 'data-evlens-mention';
/** A sentence that makes one of the dataset's claims is wrapped in this element. */
export const CLAIM_TAG = 'evlens-claim';
/** On a claim sentence's elements: the dataset claim it makes. */
export const CLAIM_ATTR = 'data-evlens-claim';
/** On a claim sentence's elements: its mark id (every piece of one sentence shares it). */
export const MARK_ATTR = 'data-evlens-mark';
/**
 * A flex or grid container's direct text is laid out as one anonymous item. A mark there would
 * become an item of its own and break the line, so the whole text run is first wrapped in this
 * element, which lays out exactly as the anonymous item did; the marks go inside it.
 */
export const ITEM_TAG = 'evlens-item';
/** On a mention or claim wrapper when the page says something there the evidence contradicts. */
export const FLAGGED_ATTR = 'data-evlens-flagged';

/**
 * Used instead of the names above on a page that has registered any of them as a custom
 * element (its code would run for every mark, see entry ids, hide or delete the text). A name
 * without a hyphen is never a valid custom element name: no page can register it, and no
 * element with it is ever upgraded. The data-evlens-* attributes stay the same.
 */
export const FALLBACK_TAGS = { mention: 'evlensmark', claim: 'evlensclaim', item: 'evlensitem' } as const;
export const DEFAULT_TAGS = { mention: MENTION_TAG, claim: CLAIM_TAG, item: ITEM_TAG } as const;
export type OwnElementKind = keyof typeof DEFAULT_TAGS;
/** Every mention element, whichever name the page let us use. */
export const MENTION_SELECTOR = `${MENTION_TAG}, ${FALLBACK_TAGS.mention}`;
/** Every claim sentence element, whichever name the page let us use. */
export const CLAIM_SELECTOR = `${CLAIM_TAG}, ${FALLBACK_TAGS.claim}`;

/**
 * Whether an element we just created under a custom-element-capable name is still plain: no
 * page definition constructed it (`:defined`) and none failed on it (a constructor that threw
 * leaves an HTMLUnknownElement). A content script cannot read the page's registry (Chromium
 * gives isolated worlds none), so the element itself is the check; it is empty and detached,
 * so a page constructor that ran for it saw nothing of ours.
 */
export function isUnclaimed(element: Element): boolean {
  const view = element.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (view?.HTMLElement && Object.getPrototypeOf(element) !== view.HTMLElement.prototype) return false;
  try {
    return !element.matches(':defined');
  } catch {
    return true; // a DOM without :defined (happy-dom) has no page registry that could claim it
  }
}

// Tag names as the DOM reports them: upper case for HTML, lower case for SVG and MathML in
// HTML documents. Kept exact so the hot walk never allocates an upper-cased copy.
const bothCases = (tags: string[]) => new Set(tags.flatMap((tag) => [tag, tag.toLowerCase()]));

/** Never read or wrap inside these: code, form fields, scripts, vector and maths markup. */
const NEVER_TOUCH_TAGS = bothCases([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'BUTTON',
]);
const MARK_TAG_NAMES = bothCases(
  [MENTION_TAG, CLAIM_TAG, FALLBACK_TAGS.mention, FALLBACK_TAGS.claim].map((tag) => tag.toUpperCase()),
);
const ITEM_TAG_NAMES = new Set([ITEM_TAG, FALLBACK_TAGS.item]);
const CLAIM_TAG_NAMES = new Set([CLAIM_TAG, FALLBACK_TAGS.claim]);

/**
 * Elements that flow inside a line of text: a mention may cross them
 * ("restless <em>legs</em> syndrome"). Any other element ends a run of text.
 */
const INLINE_TAGS = bothCases([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'LABEL', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'BIG',
  'TT', 'STRIKE', 'NOBR', 'WRAPPER',
]);

export function isNeverTouch(element: Element): boolean {
  const tag = element.tagName;
  if (NEVER_TOUCH_TAGS.has(tag)) return true;
  if (tag.charCodeAt(0) === 69 /* E */ || tag.charCodeAt(0) === 101 /* e */) {
    const name = tag.toLowerCase();
    // The item stand-in holds page text that is read like any other.
    if (name.startsWith(OWN_STEM) && !ITEM_TAG_NAMES.has(name)) return true;
  }
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.hasAttribute('hidden');
}

export function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
}

/** Whether an element's name is one of ours (marks, items, UI), under either naming. */
export function isOwnName(element: Element): boolean {
  return element.localName.startsWith(OWN_STEM);
}

/** Whether a mark element is a claim sentence's (else a mention's). */
export function isClaimElement(element: Element): boolean {
  return CLAIM_TAG_NAMES.has(element.localName);
}

export function isOwnMark(node: Node): boolean {
  return node.nodeType === 1 && MARK_TAG_NAMES.has((node as Element).tagName);
}

/** The mark element an event target or node belongs to: a mention first, else a claim sentence. */
export function markElementAt(target: EventTarget | Node | null): Element | null {
  if (!target || !('nodeType' in target)) return null;
  const node = target as Node;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(MENTION_SELECTOR) ?? element?.closest(CLAIM_SELECTOR) ?? null;
}

/** The mark id a mark element carries (mentions and claim sentences share one id space). */
export function markIdOf(element: Element): number | null {
  const id = element.getAttribute(isClaimElement(element) ? MARK_ATTR : MENTION_ATTR);
  return id === null ? null : Number(id);
}
