/**
 * The tooltip's container: one shadow-root host outside <body>, so page CSS cannot restyle it
 * and it cannot restyle the page. Renders one tooltip at a time; destroy() removes every trace.
 */
import { render, type ComponentChild } from 'preact';
import { isUnclaimed } from '../../engine/dom-rules';
import css from './tooltip.css?inline';

export const TOOLTIP_HOST_TAG = 'evlens-ui';
/** On the host whichever element it is (see hostElement). */
export const TOOLTIP_HOST_ATTR = 'data-evlens-ui';
/**
 * The host's id: what a mention's aria-describedby points at while its tooltip is open (an
 * id reference cannot reach into a shadow root; the host's description is its shadow content).
 */
export const TOOLTIP_ID = 'evlens-tooltip';
// Inline !important beats any page rule, so no page stylesheet can hide or move the host.
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'visibility: visible',
  'opacity: 1',
  'z-index: 2147483647',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

export interface TooltipHost {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Where the tooltip is rendered; its first child is the tooltip itself. */
  readonly container: HTMLElement;
  show(content: ComponentChild): void;
  clear(): void;
  destroy(): void;
}

export function createTooltipHost(doc: Document): TooltipHost {
  const { host, shadow } = hostElement(doc);
  host.id = TOOLTIP_ID;
  host.setAttribute(TOOLTIP_HOST_ATTR, '');
  host.setAttribute('style', HOST_STYLE);
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'layer';
  shadow.append(style, container);
  doc.documentElement.appendChild(host);
  return {
    host,
    shadow,
    container,
    show: (content) => render(content, container),
    clear: () => render(null, container),
    destroy() {
      render(null, container);
      host.remove();
    },
  };
}

/**
 * The host element with its shadow root: `evlens-ui`, unless the page has registered that name
 * as a custom element (its code would run for our host, and a constructor that attaches its own
 * shadow root makes ours impossible). Then a plain `div`: a built-in element is never upgraded
 * (a page's customized built-ins need an `is` value we never give) and may host a shadow root.
 */
function hostElement(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const named = doc.createElement(TOOLTIP_HOST_TAG);
  if (isUnclaimed(named)) {
    try {
      return { host: named, shadow: named.attachShadow({ mode: 'open' }) };
    } catch {
      // fall through to the built-in host
    }
  }
  const host = doc.createElement('div');
  return { host, shadow: host.attachShadow({ mode: 'open' }) };
}
