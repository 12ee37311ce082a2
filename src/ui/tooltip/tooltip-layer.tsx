/**
 * One shared tooltip for every mention and claim on the page, in one shadow-root host outside
 * <body> (page CSS cannot restyle it; it cannot restyle the page). Opens after a short hover
 * dwell (or on click, if the reader prefers), at once on keyboard focus; stays while the
 * pointer is inside it; closes on leave, blur or Escape. Tab from the mention moves into the
 * tooltip's links. Positioned inside the viewport.
 */
import { render } from 'preact';
import type { Reference } from '../../dataset/schema';
import { CLAIM_TAG, MENTION_ATTR, WRAPPER_TAG } from '../../engine/dom-rules';
import type { TooltipTrigger } from '../../settings/settings';
import { Tooltip, type TooltipSubject } from './Tooltip';
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
const OPEN_DELAY_MS = 150;
const CLOSE_DELAY_MS = 300;
const GAP = 6;
const MARGIN = 8;
/** Below this a capped tooltip would be a slit; it may then overlap the page a little. */
const MIN_HEIGHT = 120;

export interface TooltipLayerOptions {
  doc: Document;
  /** What a mention or claim wrapper describes; undefined for anything else. */
  subjectFor: (wrapper: Element) => TooltipSubject | undefined;
  references: ReadonlyMap<string, Reference>;
  datasetVersion: string;
  trigger: TooltipTrigger;
  signal: AbortSignal;
}

export interface TooltipLayer {
  open(wrapper: Element): void;
  close(): void;
  readonly openMention: Element | null;
}

/** What the lazily loaded UI module hands to the content script. */
export interface TooltipLayerApi {
  mountTooltipLayer(options: TooltipLayerOptions): TooltipLayer;
}

export function mountTooltipLayer(options: TooltipLayerOptions): TooltipLayer {
  const { doc, signal } = options;
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

  let anchor: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Focus we move ourselves (back to the mention after the tooltip) must not reopen it.
  let quietFocus = false;
  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  const open = (wrapper: Element) => {
    clearTimeout(timer);
    const subject = options.subjectFor(wrapper);
    if (!subject) return;
    if (anchor && anchor !== wrapper) anchor.removeAttribute('aria-describedby');
    anchor = wrapper;
    wrapper.setAttribute('aria-describedby', TOOLTIP_ID);
    render(
      <div class="tip" role="tooltip">
        <Tooltip subject={subject} references={options.references} datasetVersion={options.datasetVersion} />
      </div>,
      container,
    );
    place(container, wrapper);
  };
  const close = () => {
    clearTimeout(timer);
    if (!anchor) return;
    anchor.removeAttribute('aria-describedby');
    anchor = null;
    render(null, container);
  };
  /** Closes and puts keyboard focus back on the mention, without reopening the tooltip. */
  const closeToAnchor = () => {
    const back = anchor;
    close();
    if (back instanceof HTMLElement || (back && 'focus' in back)) {
      quietFocus = true;
      (back as HTMLElement).focus({ preventScroll: true });
      quietFocus = false;
    }
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { capture: true, signal });

  listen('mouseover', (event) => {
    if (event.target === host) return void clearTimeout(timer);
    const wrapper = wrapperAt(event.target);
    if (!wrapper) return;
    if (sameMention(wrapper, anchor)) clearTimeout(timer);
    else if (options.trigger === 'hover') schedule(() => open(wrapper), OPEN_DELAY_MS);
  });
  listen('mouseout', (event) => {
    const from = wrapperAt(event.target) ?? (event.target === host ? host : null);
    if (!from || !anchor) {
      if (from && from !== host) clearTimeout(timer); // left before the dwell ended
      return;
    }
    const to = event.relatedTarget;
    if (to === host || (to instanceof Node && sameMention(wrapperAt(to), anchor))) return;
    schedule(close, CLOSE_DELAY_MS);
  });
  // A click on a focusable mention focuses it (which opens the tooltip) before the click
  // arrives, so whether the click toggles is decided by what was open when the press began.
  let openWhenPressed = false;
  listen('pointerdown', (event) => {
    openWhenPressed = !!anchor && sameMention(wrapperAt(event.target), anchor);
  });
  listen('click', (event) => {
    if (options.trigger !== 'click' || event.target === host) return;
    const wrapper = wrapperAt(event.target);
    if (!wrapper) return close();
    // A second click on the same mention closes it (unless it is a link the reader follows).
    if (openWhenPressed && !wrapper.closest('a')) close();
    else open(wrapper);
  });
  listen('focusin', (event) => {
    if (quietFocus || event.target === host) return;
    const wrapper = wrapperAt(event.target);
    if (wrapper) open(wrapper);
  });
  listen('focusout', (event) => {
    const to = event.relatedTarget;
    if (to === host || (to instanceof Node && sameMention(wrapperAt(to), anchor))) return;
    if (wrapperAt(event.target) || event.target === host) close();
  });
  listen('keydown', (event) => {
    if (!anchor) return;
    const inTooltip = event.target === host;
    if (event.key === 'Escape') {
      if (inTooltip) closeToAnchor();
      else close();
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Tab') return;
    const links = [...container.querySelectorAll<HTMLElement>('a[href]')];
    if (links.length === 0) return;
    const active = shadow.activeElement;
    if (!inTooltip && !event.shiftKey && sameMention(wrapperAt(event.target), anchor)) {
      // From the mention, Tab reads on into its tooltip: the sources are links.
      event.preventDefault();
      links[0]!.focus();
    } else if (inTooltip && ((!event.shiftKey && active === links.at(-1)) || (event.shiftKey && active === links[0]))) {
      event.preventDefault();
      closeToAnchor();
    }
  });
  const reposition = () => {
    if (anchor) place(container, anchor);
  };
  doc.defaultView?.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
  doc.defaultView?.addEventListener('resize', reposition, { passive: true, signal });

  signal.addEventListener('abort', () => {
    close();
    render(null, container);
    host.remove();
  });

  return {
    open,
    close,
    get openMention() {
      return anchor;
    },
  };
}

/** The wrapper an event target belongs to: a mention first, else a claim sentence. */
function wrapperAt(target: EventTarget | null): Element | null {
  if (!target || !('nodeType' in target)) return null;
  const node = target as Node;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(WRAPPER_TAG) ?? element?.closest(CLAIM_TAG) ?? null;
}

function sameMention(a: Element | null, b: Element | null): boolean {
  return !!a && !!b && a.tagName === b.tagName && a.getAttribute(MENTION_ATTR) === b.getAttribute(MENTION_ATTR);
}

/**
 * Below the mention when it fits, else above; when neither side fits, on the roomier side with
 * its height capped to that side, so it never covers the mention. Always inside the viewport.
 */
function place(container: HTMLElement, mention: Element): void {
  const tip = container.firstElementChild as HTMLElement | null;
  if (!tip) return;
  const view = container.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 1024;
  const height = view?.innerHeight ?? 768;
  tip.style.maxHeight = '';
  const target = mention.getBoundingClientRect();
  const size = tip.getBoundingClientRect();
  const spaceBelow = height - target.bottom - GAP - MARGIN;
  const spaceAbove = target.top - GAP - MARGIN;
  let top: number;
  if (size.height <= spaceBelow) top = target.bottom + GAP;
  else if (size.height <= spaceAbove) top = target.top - GAP - size.height;
  else if (spaceBelow >= spaceAbove) {
    tip.style.maxHeight = `${Math.max(spaceBelow, MIN_HEIGHT)}px`;
    top = target.bottom + GAP;
  } else {
    const capped = Math.max(spaceAbove, MIN_HEIGHT);
    tip.style.maxHeight = `${capped}px`;
    top = target.top - GAP - capped;
  }
  const tipHeight = tip.getBoundingClientRect().height;
  const left = Math.min(Math.max(MARGIN, target.left), Math.max(MARGIN, width - size.width - MARGIN));
  tip.style.top = `${Math.max(MARGIN, Math.min(top, height - tipHeight - MARGIN))}px`;
  tip.style.left = `${left}px`;
}
