/**
 * Where on the page an element stands: main content, or navigation, teasers and footers.
 * Context terms ("iron", "exercise") are annotated only in the main content; whether the page
 * is about health at all is decided in senses.ts.
 */

/** Landmarks and class/id hints of page chrome. */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'MENU']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar']);
const CHROME_HINT = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|masthead|sidebar|related|teasers?|promo|widget|share|social|subscribe|newsletter|cookie|advert|ads?|suggested|recommended|trending|popular|most[\s_-]?read|read[\s_-]?next|more[\s_-]?stories)(?:$|[\s_-])/i;

const NAVIGATION_ROLES = new Set(['navigation', 'menu', 'menubar']);

/**
 * Navigation menus, and list items that are mostly a link (A–Z indexes, "most read" lists):
 * never annotated, whatever the term (a highlighted menu item is clutter, a headline points
 * elsewhere).
 */
export function isInNavigation(element: Element): boolean {
  if (isLinkListItem(element)) return true;
  for (let el: Element | null = element; el && el.tagName !== 'BODY'; el = el.parentElement) {
    if (el.tagName === 'NAV' || el.tagName === 'MENU') return true;
    const role = el.getAttribute('role');
    if (role && NAVIGATION_ROLES.has(role)) return true;
  }
  return false;
}

/** Main content rather than page chrome. Callers check isInNavigation (link lists included) first. */
export function isInMainContent(element: Element): boolean {
  for (let el: Element | null = element; el && el.tagName !== 'BODY'; el = el.parentElement) {
    if (el.tagName === 'MAIN' || el.tagName === 'ARTICLE' || el.getAttribute('role') === 'main') return true;
    if (CHROME_TAGS.has(el.tagName)) return false;
    const role = el.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return false;
    const hint = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
    // "navDivide", "suggestedReading": camelCase names are words too.
    if (hint.trim() && CHROME_HINT.test(hint.replace(/([a-z])([A-Z])/g, '$1 $2'))) return false;
  }
  return true;
}

/**
 * A list item that is mostly a link: a menu, a "most read" or "related articles" list. Its
 * words are headlines pointing elsewhere, not what this page says.
 */
function isLinkListItem(element: Element): boolean {
  const item = element.closest('li');
  if (!item) return false;
  // Letters only: markup white space and list numbering ("9.") say nothing.
  const letters = (node: Node) => (node.textContent ?? '').replace(/[\s\d.,:;()-]+/g, '').length;
  const text = letters(item);
  if (text === 0) return false;
  let linked = 0;
  for (const link of item.querySelectorAll('a')) linked += letters(link);
  return linked / text >= 0.6;
}
