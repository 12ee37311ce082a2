/** Which parts of a page the engine reads, and which it must never touch. */

/** Our DOM names all carry this prefix so nothing collides with the page. */
export const OWN_PREFIX = 'evlens-';
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

// Tag names as the DOM reports them: upper case for HTML, lower case for SVG and MathML in
// HTML documents. Kept exact so the hot walk never allocates an upper-cased copy.
const bothCases = (tags: string[]) => new Set(tags.flatMap((tag) => [tag, tag.toLowerCase()]));

/** Never read or wrap inside these: code, form fields, scripts, vector and maths markup. */
const NEVER_TOUCH_TAGS = bothCases([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'BUTTON',
]);
const MARK_TAG_NAMES = bothCases([MENTION_TAG.toUpperCase(), CLAIM_TAG.toUpperCase()]);

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
    if (name.startsWith(OWN_PREFIX) && name !== ITEM_TAG) return true;
  }
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.hasAttribute('hidden');
}

export function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
}

export function isOwnMark(node: Node): boolean {
  return node.nodeType === 1 && MARK_TAG_NAMES.has((node as Element).tagName);
}

/** The mark element an event target or node belongs to: a mention first, else a claim sentence. */
export function markElementAt(target: EventTarget | Node | null): Element | null {
  if (!target || !('nodeType' in target)) return null;
  const node = target as Node;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(MENTION_TAG) ?? element?.closest(CLAIM_TAG) ?? null;
}

/** The mark id a mark element carries (mentions and claim sentences share one id space). */
export function markIdOf(element: Element): number | null {
  const id = element.getAttribute(element.localName === CLAIM_TAG ? MARK_ATTR : MENTION_ATTR);
  return id === null ? null : Number(id);
}
