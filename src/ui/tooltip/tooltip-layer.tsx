/**
 * One shared tooltip for every mention on the page, in one shadow-root host outside <body>.
 * Opens after a short hover dwell or at once on keyboard focus; stays while the pointer is
 * inside it; closes on leave, blur or Escape. Positioned inside the viewport.
 */
import { render } from 'preact';
import type { Entry, Reference } from '../../dataset/schema';
import { MENTION_ATTR, WRAPPER_TAG } from '../../engine/dom-rules';
import { Tooltip } from './Tooltip';
import css from './tooltip.css?inline';

export const TOOLTIP_HOST_TAG = 'evlens-ui';
const TOOLTIP_ID = 'evlens-tooltip';
const OPEN_DELAY_MS = 150;
const CLOSE_DELAY_MS = 300;
const GAP = 6;

export interface TooltipLayerOptions {
  doc: Document;
  entryFor: (mentionElement: Element) => Entry | undefined;
  references: ReadonlyMap<string, Reference>;
  datasetVersion: string;
  signal: AbortSignal;
}

export interface TooltipLayer {
  open(mentionElement: Element): void;
  close(): void;
  readonly openMention: Element | null;
}

export function mountTooltipLayer(options: TooltipLayerOptions): TooltipLayer {
  const { doc, signal } = options;
  const host = doc.createElement(TOOLTIP_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'layer';
  shadow.append(style, container);
  doc.documentElement.appendChild(host);

  let anchor: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  const open = (mention: Element) => {
    clearTimeout(timer);
    const entry = options.entryFor(mention);
    if (!entry) return;
    anchor = mention;
    render(
      <Tooltip id={TOOLTIP_ID} entry={entry} references={options.references} datasetVersion={options.datasetVersion} />,
      container,
    );
    place(container, mention);
  };
  const close = () => {
    clearTimeout(timer);
    if (!anchor) return;
    anchor = null;
    render(null, container);
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { capture: true, signal });

  listen('mouseover', (event) => {
    const mention = mentionAt(event.target);
    if (mention) {
      if (sameMention(mention, anchor)) clearTimeout(timer);
      else schedule(() => open(mention), OPEN_DELAY_MS);
    } else if (event.target === host) {
      clearTimeout(timer);
    }
  });
  listen('mouseout', (event) => {
    const from = mentionAt(event.target) ?? (event.target === host ? host : null);
    if (!from) return;
    const to = event.relatedTarget;
    if (to === host || (to instanceof Node && sameMention(mentionAt(to), anchor))) return;
    schedule(close, anchor ? CLOSE_DELAY_MS : 0);
  });
  listen('focusin', (event) => {
    const mention = mentionAt(event.target);
    if (mention) open(mention);
  });
  listen('focusout', (event) => {
    const to = event.relatedTarget;
    if (to === host || (to instanceof Node && sameMention(mentionAt(to), anchor))) return;
    if (mentionAt(event.target) || event.target === host) close();
  });
  listen('keydown', (event) => {
    if (event.key === 'Escape' && anchor) {
      close();
      event.stopPropagation();
    }
  });
  const reposition = () => {
    if (anchor) place(container, anchor);
  };
  doc.defaultView?.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
  doc.defaultView?.addEventListener('resize', reposition, { passive: true, signal });

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
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

/** The mention element an event target belongs to (the first wrapper of its mention). */
function mentionAt(target: EventTarget | null): Element | null {
  if (!(target instanceof Element || target instanceof Text)) return null;
  const element = target instanceof Element ? target : target.parentElement;
  return element?.closest(WRAPPER_TAG) ?? null;
}

function sameMention(a: Element | null, b: Element | null): boolean {
  return !!a && !!b && a.getAttribute(MENTION_ATTR) === b.getAttribute(MENTION_ATTR);
}

/** Below the mention when it fits, else above; always inside the viewport. */
function place(container: HTMLElement, mention: Element): void {
  const tip = container.firstElementChild as HTMLElement | null;
  if (!tip) return;
  const view = container.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 1024;
  const height = view?.innerHeight ?? 768;
  const target = mention.getBoundingClientRect();
  const size = tip.getBoundingClientRect();
  const below = target.bottom + GAP;
  const top = below + size.height <= height || target.top - GAP - size.height < 0 ? below : target.top - GAP - size.height;
  const left = Math.min(Math.max(8, target.left), Math.max(8, width - size.width - 8));
  tip.style.top = `${Math.max(8, Math.min(top, height - size.height - 8))}px`;
  tip.style.left = `${left}px`;
}
