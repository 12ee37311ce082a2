/** Which parts of a page the engine reads, and which it must never touch. */

/** Our DOM names all carry this prefix so nothing collides with the page. */
export const OWN_PREFIX = 'evlens-';
/** Mentions are wrapped in this unregistered, hyphenated element (page CSS rarely targets it). */
export const WRAPPER_TAG = 'evlens-mark';
export const ENTRY_ATTR = 'data-evlens-entry';
export const MENTION_ATTR = 'data-evlens-mention';

/** Never read or wrap inside these: code, form fields, scripts, vector and maths markup. */
const NEVER_TOUCH_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'BUTTON',
]);

/**
 * Elements that flow inside a line of text: a mention may cross them
 * ("restless <em>legs</em> syndrome"). Any other element ends a run of text.
 */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'LABEL', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'BIG',
  'TT', 'STRIKE', 'NOBR', 'WRAPPER',
]);

export function isNeverTouch(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (NEVER_TOUCH_TAGS.has(tag)) return true;
  if (tag.startsWith('EVLENS-')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.hasAttribute('hidden');
}

export function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName.toUpperCase());
}

export function isOwnWrapper(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.toUpperCase() === WRAPPER_TAG.toUpperCase();
}
