/** What the page says that the evidence contradicts: claims, doses over a limit, aggravators. */
import { FRAME_KIND_LABELS, frameExplanation } from '../frame-flags';
import type { ReportFlag } from '../../engine/report';
import { formatAmount, formatRatio } from '../format';
import { describeLimit, limitName } from '../tooltip/Tooltip';
import { CLAIM_VERDICT_LOOKS, VERDICT_LOOKS } from '../verdicts';

export function FlagList({ flags, onShow }: { flags: ReportFlag[]; onShow: (targetId: number) => void }) {
  if (flags.length === 0) return null;
  return (
    <section class="flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading" class="section-title">
        <span aria-hidden="true">⚠ </span>
        {flags.length === 1 ? '1 thing' : `${flags.length} things`} on this page the evidence contradicts
      </h2>
      <ul class="flag-list">
        {flags.map((flag, index) => (
          <li key={index} class={`flag flag-${flag.kind}`} data-flag={flag.kind}>
            <button type="button" class="row-button" onClick={() => onShow(flag.targetId)}>
              <span class="flag-title">{flagTitle(flag)}</span>
              <span class="flag-detail">{flagDetail(flag)}</span>
              <q class="flag-sentence">{flag.sentence}</q>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function flagTitle(flag: ReportFlag): string {
  switch (flag.kind) {
    case 'claim':
      return `Claim: ${flag.statement}`;
    case 'dose':
      return `${flag.entryName}: ${formatAmount(flag.dailyMg)} mg a day`;
    case 'aggravator':
      return flag.frame ? `${FRAME_KIND_LABELS[flag.frame.kind]}: ${flag.entryName}` : `${flag.entryName} taken with RLS`;
  }
}

function flagDetail(flag: ReportFlag): string {
  switch (flag.kind) {
    case 'claim':
      return CLAIM_VERDICT_LOOKS[flag.verdict].label;
    case 'dose': {
      const limit = describeLimit(flag.limit);
      return flag.status === 'over-rls-max'
        ? `${formatRatio(flag.ratio)} ${limitName(flag.limit, 'rls-max-daily-dose')} (${limit})`
        : `Above ${limitName(flag.limit, 'upper-intake-daily')} (${limit})`;
    }
    case 'aggravator':
      return flag.frame
        ? Object.values(frameExplanation(flag.frame.cue, flag.verdict, flag.frame.answer)).join(' ')
        : VERDICT_LOOKS[flag.verdict].label;
  }
}
