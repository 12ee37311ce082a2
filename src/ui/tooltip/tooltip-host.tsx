/**
 * The tooltip's container: one shadow-root host outside <body>, so page CSS cannot restyle it
 * and it cannot restyle the page. Renders one tooltip at a time; destroy() removes every trace.
 */
import { render, type ComponentChild } from 'preact';
import css from './tooltip.css?inline';

export const TOOLTIP_HOST_TAG = 'evlens-ui';
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
  const host = doc.createElement(TOOLTIP_HOST_TAG);
  host.id = TOOLTIP_ID;
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'open' });
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
