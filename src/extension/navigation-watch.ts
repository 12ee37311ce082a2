/**
 * Calls back when a single-page app changes its URL without loading a new document
 * (history.pushState, replaceState, back/forward). Content scripts cannot see the page's own
 * history calls, so we use the Navigation API where the browser has it, and otherwise
 * compare the URL on popstate and on a slow timer.
 */
const FALLBACK_CHECK_MS = 1000;

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void, options: { signal: AbortSignal }): void;
}

export function onSameDocumentNavigation(doc: Document, signal: AbortSignal, onNavigate: () => void): void {
  const view = doc.defaultView;
  if (!view) return;
  let lastUrl = view.location.href;
  const check = () => {
    if (view.location.href === lastUrl) return;
    lastUrl = view.location.href;
    onNavigate();
  };
  const navigation = (view as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  view.addEventListener('popstate', check, { signal });
  const timer = view.setInterval(check, FALLBACK_CHECK_MS);
  signal.addEventListener('abort', () => view.clearInterval(timer));
}
