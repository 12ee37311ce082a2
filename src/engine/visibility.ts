/**
 * Whether a person can see an element's text. In a browser the layout engine knows
 * (`checkVisibility`). DOM libraries without layout (the Node auditor, unit tests) use the
 * markup instead: the `hidden` attribute, inline styles, and the page's own <style> rules
 * that hide elements, on the element and its ancestors.
 */
export type VisibilityMode = 'layout' | 'markup';
export type VisibilityCheck = (element: Element) => boolean;

export function createVisibilityCheck(mode: VisibilityMode, doc?: Document): VisibilityCheck {
  const cache = new Map<Element, boolean>();
  const hiddenByStylesheet = mode === 'markup' && doc ? elementsHiddenByStyleSheets(doc) : new Set<Element>();
  const check = (element: Element): boolean => {
    const known = cache.get(element);
    if (known !== undefined) return known;
    const visible =
      mode === 'layout'
        ? element.checkVisibility({ visibilityProperty: true }) || visibleThroughContents(element, check)
        : !hiddenByMarkup(element) &&
          !hiddenByStylesheet.has(element) &&
          (element.parentElement ? check(element.parentElement) : true);
    cache.set(element, visible);
    return visible;
  };
  return check;
}

/**
 * An element with `display: contents` has no box of its own, so checkVisibility says no; its
 * text is laid out in its parent's box and is seen when that is (and it is not itself set
 * `visibility: hidden`, which its text inherits).
 */
function visibleThroughContents(element: Element, check: VisibilityCheck): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  if (style.display !== 'contents' || style.visibility !== 'visible') return false;
  return element.parentElement ? check(element.parentElement) : true;
}

const HIDING_DECLARATION = /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important)?\s*(?:;|$)/i;

function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return !!style && HIDING_DECLARATION.test(style);
}

/**
 * Elements that top-level rules of the page's <style> sheets hide. Rules inside at-rules
 * (@media and the like) are skipped: whether they apply depends on the screen.
 */
function elementsHiddenByStyleSheets(doc: Document): Set<Element> {
  const hidden = new Set<Element>();
  for (const style of doc.querySelectorAll('style')) {
    for (const { selector, body } of topLevelRules(style.textContent ?? '')) {
      if (!HIDING_DECLARATION.test(body)) continue;
      for (const part of selector.split(',')) {
        try {
          for (const element of doc.querySelectorAll(part.trim())) hidden.add(element);
        } catch {
          // A selector the DOM library does not understand: treat its elements as visible.
        }
      }
    }
  }
  return hidden;
}

function* topLevelRules(css: string): Generator<{ selector: string; body: string }> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let start = 0;
  let selector = '';
  let skipping = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      if (depth === 0) {
        selector = text.slice(start, i).trim();
        skipping = selector.startsWith('@');
        start = i + 1;
      }
      depth++;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        if (!skipping && selector) yield { selector, body: text.slice(start, i) };
        start = i + 1;
      }
    }
  }
}
