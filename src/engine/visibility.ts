/**
 * Whether a person can see an element's text. In a browser the layout engine knows
 * (`checkVisibility`); DOM libraries without layout (the Node auditor, unit tests) fall back
 * to the `hidden` attribute and inline styles on the element and its ancestors.
 */
export type VisibilityMode = 'layout' | 'markup';
export type VisibilityCheck = (element: Element) => boolean;

export function createVisibilityCheck(mode: VisibilityMode): VisibilityCheck {
  const cache = new Map<Element, boolean>();
  const check = (element: Element): boolean => {
    const known = cache.get(element);
    if (known !== undefined) return known;
    const visible =
      mode === 'layout'
        ? element.checkVisibility({ visibilityProperty: true })
        : !hiddenByMarkup(element) && (element.parentElement ? check(element.parentElement) : true);
    cache.set(element, visible);
    return visible;
  };
  return check;
}

function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return /(?:^|;)display:none/.test(style) || /(?:^|;)visibility:(?:hidden|collapse)/.test(style);
}
