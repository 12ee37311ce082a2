/** The topics a page mentions, with their verdicts; and how many mentions carry each verdict. */
import type { Verdict } from '../../dataset/schema';
import type { ReportEntry } from '../../engine/report';
import { VERDICT_LOOKS } from '../verdicts';

export function VerdictCounts({ counts }: { counts: Partial<Record<Verdict, number>> }) {
  const verdicts = (Object.keys(VERDICT_LOOKS) as Verdict[]).filter((v) => (counts[v] ?? 0) > 0);
  if (verdicts.length === 0) return null;
  return (
    <ul class="verdict-counts" aria-label="Mentions by verdict">
      {verdicts.map((verdict) => {
        const look = VERDICT_LOOKS[verdict];
        return (
          <li key={verdict} class={`chip tone-${look.tone}`} data-verdict={verdict}>
            <span class="icon" aria-hidden="true">
              {look.icon}
            </span>
            {look.label}: <strong>{counts[verdict]}</strong>
          </li>
        );
      })}
    </ul>
  );
}

export function EntryList({ entries, onShow }: { entries: ReportEntry[]; onShow: (targetId: number) => void }) {
  return (
    <section aria-labelledby="topics-heading">
      <h2 id="topics-heading" class="section-title">
        Topics on this page
      </h2>
      <ul class="entries">
        {entries.map((entry) => {
          const look = VERDICT_LOOKS[entry.verdict];
          const mentions = entry.count === 1 ? 'mention' : 'mentions';
          return (
            <li key={entry.id} class={`entry tone-${look.tone}`} data-entry={entry.id}>
              <button type="button" class="row-button" onClick={() => onShow(entry.firstMentionId)} title="Show on the page">
                <span class="icon" aria-hidden="true">
                  {look.icon}
                </span>
                <span class="entry-text">
                  <span class="entry-name">{entry.name}</span>{' '}
                  <span class="entry-verdict">
                    For {entry.verdictFor}: {look.label}
                  </span>
                </span>
                <span class="count">
                  {entry.count}
                  <span class="visually-hidden"> {mentions}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
