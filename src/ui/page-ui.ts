/**
 * Everything the reader sees and reaches on an annotated page, loaded only into pages that
 * mention something: the tooltip, one tab stop per entry, the screen-reader description of
 * each mention, the next-mention shortcut and "show me this mark" from the popup. One
 * destroyable object (after hypothesis's Destroyable): destroy() removes every trace of it.
 */
import type { Dataset, Reference } from '../dataset/schema';
import type { MentionMark, PageFindings } from '../engine/annotator';
import { isClaimElement, MENTION_ATTR, markIdOf } from '../engine/dom-rules';
import type { MarkSet } from '../engine/marks';
import type { EditGuard } from '../engine/slices';
import type { TooltipTrigger } from '../settings/settings';
import { findingsForMention } from './tooltip/mention-findings';
import type { TooltipSubject } from './tooltip/Tooltip';
import { controlTooltip, type TooltipController } from './tooltip/tooltip-controller';
import { createTooltipHost } from './tooltip/tooltip-host';
import { VERDICT_LOOKS } from './verdicts';

export interface Destroyable {
  destroy(): void;
}

export interface PageUiOptions {
  doc: Document;
  dataset: Dataset;
  trigger: TooltipTrigger;
  /** The engine's marks and findings, read when the reader asks (never copied). */
  marks: Pick<MarkSet, 'get' | 'mentions'>;
  findings: PageFindings;
  /** Runs our DOM edits (tab stops, labels) where the page watcher does not see them. */
  guard: EditGuard;
}

export interface PageUi extends Destroyable {
  /** New mentions on the page: give them their labels and, per entry, a tab stop. */
  mentionsAdded(mentions: readonly MentionMark[]): void;
  /** Moves keyboard focus to the next mention after the focused one and opens its tooltip. */
  focusNextMention(): boolean;
  /** Scrolls to a mark (mention or claim sentence) and opens its tooltip. */
  showMark(markId: number): boolean;
}

/** What the lazily loaded UI module hands to the content script. */
export interface PageUiModule {
  mountPageUi(options: PageUiOptions): PageUi;
}

export function mountPageUi(options: PageUiOptions): PageUi {
  const { doc, dataset, marks, findings, guard } = options;
  const lifetime = new AbortController();
  const entries = new Map(dataset.entries.map((e) => [e.id, e]));
  const claims = new Map(dataset.claims.map((c) => [c.id, c]));
  /** Each entry's tab stop (replaced when the marks are made anew). */
  const focusableEntries = new Map<string, Element>();

  const subjectFor = (element: Element): TooltipSubject | undefined => {
    const markId = markIdOf(element);
    const mark = markId === null ? undefined : marks.get(markId);
    // Only our own elements: a page element carrying a copied data-evlens-* id opens nothing.
    if (!mark || !mark.elements.includes(element)) return undefined;
    if (mark.kind === 'claim') {
      const claim = claims.get(mark.claimId);
      return claim && isClaimElement(element) ? { kind: 'claim', claim, finding: { ...mark.finding, markId: mark.markId } } : undefined;
    }
    const entry = entries.get(mark.entryId);
    if (!entry) return undefined;
    const subject: TooltipSubject = { kind: 'mention', entry, found: findingsForMention(findings, mark.markId), claims };
    if (mark.readAs) subject.misspelled = mark.text;
    return subject;
  };

  const host = createTooltipHost(doc);
  const tooltip: TooltipController = controlTooltip({
    doc,
    host,
    subjectFor,
    references: new Map<string, Reference>(dataset.references.map((r) => [r.id, r])),
    datasetVersion: dataset.version,
    trigger: options.trigger,
    signal: lifetime.signal,
  });

  const focusMark = (element: Element): boolean => {
    const target = element as HTMLElement;
    guard(() => {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    });
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
    target.focus({ preventScroll: true });
    tooltip.open(target);
    return true;
  };

  return {
    mentionsAdded(mentions) {
      guard(() => {
        for (const mention of mentions) {
          const first = mention.elements[0];
          const entry = entries.get(mention.entryId);
          if (!first) continue;
          // One tab stop per entry (its first mention), so keyboard users reach every tooltip
          // without the page gaining hundreds of tab stops; the shortcut visits the rest.
          if (!focusableEntries.get(mention.entryId)?.isConnected) {
            first.setAttribute('tabindex', '0');
            focusableEntries.set(mention.entryId, first);
          }
          // Screen readers hear what a mention is and its verdict before opening the tooltip.
          if (entry) first.setAttribute('aria-description', `Evidence Lens: ${entry.name}, for ${entry.verdictFor}: ${VERDICT_LOOKS[entry.verdict].label}`);
        }
      });
    },
    focusNextMention() {
      const mentions = marks.mentions
        .filter((m) => m.elements[0]?.isConnected)
        .sort((a, b) => (a.elements[0]!.compareDocumentPosition(b.elements[0]!) & 4 ? -1 : 1));
      if (mentions.length === 0) return false;
      const current = doc.activeElement?.closest(`[${MENTION_ATTR}]`);
      const next =
        (current && mentions.find((m) => current.compareDocumentPosition(m.elements[0]!) & 4 && !m.elements.includes(current))) ??
        mentions[0]!;
      return focusMark(next.elements[0]!);
    },
    showMark(markId) {
      const element = marks.get(markId)?.elements.find((e) => e.isConnected);
      return element ? focusMark(element) : false;
    },
    destroy() {
      lifetime.abort();
      host.destroy();
    },
  };
}
