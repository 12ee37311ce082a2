/** The evidence card for one entry. Every dataset string goes in as text, never as HTML. */
import type { Entry, KeyNumber, Reference } from '../../dataset/schema';
import { citationLabel, citationUrl } from '../citations';
import { CERTAINTY_LABELS, VERDICT_LOOKS } from '../verdicts';

export interface TooltipProps {
  id: string;
  entry: Entry;
  references: ReadonlyMap<string, Reference>;
  datasetVersion: string;
}

export function Tooltip({ id, entry, references, datasetVersion }: TooltipProps) {
  const look = VERDICT_LOOKS[entry.verdict];
  const cited = entry.citations.map((key) => references.get(key)).filter((r): r is Reference => !!r);
  return (
    <div class={`tip tone-${look.tone}`} role="tooltip" id={id} data-entry={entry.id}>
      <p class="name">{entry.name}</p>
      <p class="verdict">
        <span class="icon" aria-hidden="true">
          {look.icon}
        </span>
        <span class="verdict-label">{look.label}</span>
      </p>
      <p class="source">
        {entry.verdictSource}
        {entry.certainty !== 'not-graded' ? ` · ${CERTAINTY_LABELS[entry.certainty]}` : ''}
        {entry.provisional ? ' · provisional' : ''}
      </p>
      <p class="summary">{entry.summary}</p>
      {entry.numbers.length > 0 && (
        <ul class="numbers" aria-label="Key numbers">
          {entry.numbers.map((number, index) => (
            <li key={index}>
              <span class="number-label">{number.label}</span> <strong>{formatNumber(number)}</strong>
              {number.population ? ` (${number.population})` : ''}
              {number.provisional ? <span class="provisional"> provisional</span> : null}
            </li>
          ))}
        </ul>
      )}
      {entry.caveats.length > 0 && (
        <ul class="caveats" aria-label="Safety caveats">
          {entry.caveats.map((caveat, index) => (
            <li key={index}>{caveat.text}</li>
          ))}
        </ul>
      )}
      {cited.length > 0 && (
        <ol class="citations" aria-label="Sources">
          {cited.map((reference) => {
            const url = citationUrl(reference);
            const label = citationLabel(reference);
            return (
              <li key={reference.id}>
                {url ? (
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    {label}
                  </a>
                ) : (
                  label
                )}
              </li>
            );
          })}
        </ol>
      )}
      <p class="meta">
        Evidence Lens dataset {datasetVersion} · reviewed {entry.reviewed}. Information, not medical advice.
      </p>
    </div>
  );
}

function formatNumber(number: KeyNumber): string {
  const value = number.valueMax !== undefined ? `${number.value}–${number.valueMax}` : String(number.value);
  return number.unit === '%' ? `${value}%` : `${value} ${number.unit}`;
}
