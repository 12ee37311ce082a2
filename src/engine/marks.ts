/**
 * The engine's one model of what it has marked on a page. A mark is a mention of a dataset
 * entry or a sentence making a claim; both live in one id space (`markId`), so a message, a
 * report flag or a tooltip names either with one number. The DOM carries that number in the
 * public contract (docs/architecture.md): `data-evlens-mention` on a mention's pieces,
 * `data-evlens-mark` on a claim sentence's pieces.
 */
import type { ClaimFinding } from '../nlp/types';
import type { TextRun } from './text-runs';

interface MarkBase {
  markId: number;
  /** One element per text node the mark crosses, in document order. */
  elements: Element[];
  /** The run of text the mark reads in, and where in its text. */
  run: TextRun;
  start: number;
  end: number;
}

export interface MentionMark extends MarkBase {
  kind: 'mention';
  entryId: string;
  /** The mention's text as written on the page. */
  text: string;
  /** Set when the page's word is a misspelling we read as this name ("ropinerol" as ropinirole). */
  readAs?: string;
}

export interface ClaimMark extends MarkBase {
  kind: 'claim';
  claimId: string;
  /** What the language analysis found the sentence to claim. */
  finding: ClaimFinding;
}

export type Mark = MentionMark | ClaimMark;

/** Every mark on the page, in the order they were made, by kind and by id. */
export class MarkSet {
  readonly mentions: MentionMark[] = [];
  readonly claims: ClaimMark[] = [];
  private readonly byId = new Map<number, Mark>();
  private nextId = 1;

  /** Reserves `count` consecutive ids (a run's mentions, numbered in reading order); returns the first. */
  reserve(count = 1): number {
    const first = this.nextId;
    this.nextId += count;
    return first;
  }

  add(mark: Mark): void {
    this.byId.set(mark.markId, mark);
    if (mark.kind === 'mention') this.mentions.push(mark);
    else this.claims.push(mark);
  }

  get(markId: number): Mark | undefined {
    return this.byId.get(markId);
  }

  /** Drops marks whose elements the page has removed; returns the ids still on the page, or null if none went. */
  prune(): Set<number> | null {
    const detached = [...this.byId.values()].filter((mark) => !mark.elements.some((element) => element.isConnected));
    if (detached.length === 0) return null;
    for (const mark of detached) this.byId.delete(mark.markId);
    const keep = <M extends Mark>(list: M[]) => list.splice(0, list.length, ...list.filter((m) => this.byId.has(m.markId)));
    keep(this.mentions);
    keep(this.claims);
    return new Set(this.byId.keys());
  }

  clear(): void {
    this.mentions.length = 0;
    this.claims.length = 0;
    this.byId.clear();
    this.nextId = 1;
  }
}
