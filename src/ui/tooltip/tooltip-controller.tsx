/**
 * How the reader opens and closes the tooltip: after a short hover dwell (or on click, if the
 * reader prefers), at once on keyboard focus; it stays while the pointer is inside it and
 * closes on leave, blur or Escape. Tab from the mention moves into the tooltip's links.
 * Every listener hangs off one signal.
 */
import type { Reference } from '../../dataset/schema';
import { markElementAt, markIdOf } from '../../engine/dom-rules';
import type { TooltipTrigger } from '../../settings/settings';
import { Tooltip, type TooltipSubject } from './Tooltip';
import { TOOLTIP_ID, type TooltipHost } from './tooltip-host';
import { placeTooltip } from './tooltip-placement';

const OPEN_DELAY_MS = 150;
const CLOSE_DELAY_MS = 300;

export interface TooltipControllerOptions {
  doc: Document;
  host: TooltipHost;
  /** What a mark element describes; undefined for anything else. */
  subjectFor: (mark: Element) => TooltipSubject | undefined;
  references: ReadonlyMap<string, Reference>;
  datasetVersion: string;
  trigger: TooltipTrigger;
  signal: AbortSignal;
}

export interface TooltipController {
  open(mark: Element): void;
  close(): void;
}

export function controlTooltip(options: TooltipControllerOptions): TooltipController {
  const { doc, host: tooltipHost, signal } = options;
  const { host, shadow, container } = tooltipHost;
  /** The mark whose tooltip is open. */
  let anchor: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  const open = (mark: Element) => {
    clearTimeout(timer);
    const subject = options.subjectFor(mark);
    if (!subject) return;
    if (anchor && anchor !== mark) anchor.removeAttribute('aria-describedby');
    anchor = mark;
    mark.setAttribute('aria-describedby', TOOLTIP_ID);
    tooltipHost.show(
      <div class="tip" role="tooltip">
        <Tooltip subject={subject} references={options.references} datasetVersion={options.datasetVersion} />
      </div>,
    );
    place(container, mark);
  };
  const close = () => {
    clearTimeout(timer);
    if (!anchor) return;
    anchor.removeAttribute('aria-describedby');
    anchor = null;
    tooltipHost.clear();
  };
  /** Closes and puts keyboard focus back on the mention; focusin must not reopen it. */
  let refocusing = false;
  const closeToAnchor = () => {
    const back = anchor;
    close();
    if (back && 'focus' in back) {
      refocusing = true;
      (back as HTMLElement).focus({ preventScroll: true });
      refocusing = false;
    }
  };
  const isAnchor = (mark: Element | null) => sameMark(mark, anchor);

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { capture: true, signal });

  listen('mouseover', (event) => {
    if (event.target === host) return void clearTimeout(timer);
    const mark = markElementAt(event.target);
    if (!mark) return;
    if (isAnchor(mark)) clearTimeout(timer);
    else if (options.trigger === 'hover') schedule(() => open(mark), OPEN_DELAY_MS);
  });
  listen('mouseout', (event) => {
    const from = markElementAt(event.target) ?? (event.target === host ? host : null);
    if (!from || !anchor) {
      if (from && from !== host) clearTimeout(timer); // left before the dwell ended
      return;
    }
    const to = event.relatedTarget;
    if (to === host || (to instanceof Node && isAnchor(markElementAt(to)))) return;
    schedule(close, CLOSE_DELAY_MS);
  });
  // A click on a focusable mention focuses it (which opens the tooltip) before the click
  // arrives, so whether the click toggles is decided by what was open when the press began.
  let openWhenPressed = false;
  listen('pointerdown', (event) => {
    openWhenPressed = !!anchor && isAnchor(markElementAt(event.target));
  });
  listen('click', (event) => {
    if (options.trigger !== 'click' || event.target === host) return;
    const mark = markElementAt(event.target);
    if (!mark) return close();
    // A second click on the same mention closes it (unless it is a link the reader follows).
    if (openWhenPressed && !mark.closest('a')) close();
    else open(mark);
  });
  listen('focusin', (event) => {
    if (refocusing || event.target === host) return;
    const mark = markElementAt(event.target);
    if (mark) open(mark);
  });
  listen('focusout', (event) => {
    const to = event.relatedTarget;
    if (to === host || (to instanceof Node && isAnchor(markElementAt(to)))) return;
    if (markElementAt(event.target) || event.target === host) close();
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
    if (!inTooltip && !event.shiftKey && isAnchor(markElementAt(event.target))) {
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
  signal.addEventListener('abort', close);

  return { open, close };
}

function sameMark(a: Element | null, b: Element | null): boolean {
  return !!a && !!b && a.localName === b.localName && markIdOf(a) === markIdOf(b);
}

/** Measures, places (tooltip-placement.ts decides) and applies. */
function place(container: HTMLElement, mark: Element): void {
  const tip = container.firstElementChild as HTMLElement | null;
  if (!tip) return;
  const view = container.ownerDocument.defaultView;
  tip.style.maxHeight = '';
  const size = tip.getBoundingClientRect();
  const { top, left, maxHeight } = placeTooltip(mark.getBoundingClientRect(), size, {
    width: view?.innerWidth ?? 1024,
    height: view?.innerHeight ?? 768,
  });
  if (maxHeight !== null) tip.style.maxHeight = `${maxHeight}px`;
  tip.style.top = `${top}px`;
  tip.style.left = `${left}px`;
}
