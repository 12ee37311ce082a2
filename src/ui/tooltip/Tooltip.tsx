/**
 * The evidence card for one mention (an entry, with what this page says about it) or for one
 * sentence that makes a claim. Every dataset and page string goes in as text, never as HTML.
 */
import { answerFor } from '../../dataset/answers';
import { FRAME_KIND_LABELS, frameExplanation } from '../frame-flags';
import type { Claim, Entry, KeyNumber, Reference } from '../../dataset/schema';
import type { PageFindings } from '../../engine/annotator';
import type { MentionFindings } from './mention-findings';
import { tidy } from '../../dataset/words';
import { citationLabel, citationUrl } from '../citations';
import { formatAmount, formatDose, formatRatio } from '../format';
import { CERTAINTY_LABELS, CLAIM_VERDICT_LOOKS, VERDICT_LOOKS, type VerdictLook } from '../verdicts';

/** What a tooltip describes. */
export type TooltipSubject =
  | {
      kind: 'mention';
      entry: Entry;
      found: MentionFindings;
      claims: ReadonlyMap<string, Claim>;
      /** The page's word, when it is a misspelling read as this entry's name. */
      misspelled?: string;
    }
  | { kind: 'claim'; claim: Claim; finding: PageFindings['claims'][number] };

export interface TooltipProps {
  subject: TooltipSubject;
  references: ReadonlyMap<string, Reference>;
  datasetVersion: string;
}

export function Tooltip({ subject, references, datasetVersion }: TooltipProps) {
  return subject.kind === 'mention' ? (
    <EntryCard subject={subject} references={references} datasetVersion={datasetVersion} />
  ) : (
    <ClaimCard subject={subject} references={references} datasetVersion={datasetVersion} />
  );
}

function EntryCard({
  subject,
  references,
  datasetVersion,
}: {
  subject: Extract<TooltipSubject, { kind: 'mention' }>;
  references: ReadonlyMap<string, Reference>;
  datasetVersion: string;
}) {
  const { entry, found, claims, misspelled } = subject;
  const look = VERDICT_LOOKS[entry.verdict];
  return (
    <div class={`card tone-${look.tone}`} data-entry={entry.id}>
      <p class="name">{entry.name}</p>
      {misspelled ? <p class="read-as">“{misspelled}” read as {entry.name}</p> : null}
      <Verdict look={look} scope={entry.verdictFor} />
      <p class="source">
        {entry.verdictSource}
        {entry.certainty !== 'not-graded' ? ` · ${CERTAINTY_LABELS[entry.certainty]}` : ''}
        {entry.provisional ? ' · provisional' : ''}
      </p>
      <OnThisPage entry={entry} found={found} claims={claims} />
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
          {[...entry.caveats]
            .sort((a, b) => Number(b.role === 'prescriber') - Number(a.role === 'prescriber'))
            .map((caveat, index) => (
            <li key={index} class={caveat.role === 'prescriber' ? 'prescriber' : undefined}>
              {caveat.text}
              {caveat.provisional ? <span class="provisional"> provisional</span> : null}
            </li>
          ))}
        </ul>
      )}
      <Sources ids={entry.citations} references={references} />
      <p class="meta">
        Dataset {datasetVersion} · reviewed {entry.reviewed}. Information, not medical advice.
      </p>
    </div>
  );
}

/** What the page itself says about this mention, when the language analysis found something. */
function OnThisPage({ entry, found, claims }: { entry: Entry; found: MentionFindings; claims: ReadonlyMap<string, Claim> }) {
  const items: preact.JSX.Element[] = [];
  for (const dose of found.doses) {
    const flagged = dose.flagged && dose.limit && dose.dailyMg !== null;
    items.push(
      <li key={`dose-${dose.phrase.start}`} class={flagged ? 'finding flagged' : 'finding'}>
        {describeDose(dose)}
      </li>,
    );
  }
  const frame = found.aggravator?.frame;
  if (frame) {
    const { said, evidence, source } = frameExplanation(frame.cue, entry.verdict, answerFor(entry, frame.caveat));
    items.push(
      <li key="frame" class="finding flagged frame">
        <strong class="frame-kind">{FRAME_KIND_LABELS[frame.kind]}.</strong> {said} {evidence}{' '}
        <span class="frame-source">{source}</span>
      </li>,
    );
  } else if (found.aggravator) {
    items.push(
      <li key="aggravator" class="finding flagged">
        Someone here takes this while having RLS. It is listed as something that can make RLS worse.
      </li>,
    );
  }
  for (const finding of found.claims) {
    const claim = claims.get(finding.claimId);
    if (!claim) continue;
    items.push(
      <li key={`claim-${finding.claimId}`} class={finding.flagged ? 'finding flagged' : 'finding'}>
        This sentence claims: “{claim.statement}” {CLAIM_VERDICT_LOOKS[claim.verdict].label}.
      </li>,
    );
  }
  if (found.context?.negated) {
    items.push(
      <li key="negated" class="finding">
        Said in the negative here (for example “did not help”): not an endorsement.
      </li>,
    );
  } else if (found.context?.hedged) {
    items.push(
      <li key="hedged" class="finding">
        Said with a hedge here (“may”, “might”): the page is not sure either.
      </li>,
    );
  }
  if (items.length === 0) return null;
  return (
    <section class="on-page" aria-label={`What this page says about ${entry.name}`}>
      <p class="on-page-title">On this page</p>
      <ul>{items}</ul>
    </section>
  );
}

function describeDose(dose: MentionFindings['doses'][number]): string {
  const said = `“${dose.phraseText.replace(/\s+/g, ' ').trim()}”`;
  const elemental = dose.elementalFrom ? ' of elemental magnesium' : '';
  const daily = dose.dailyMg !== null ? `${dose.elementalFrom ? 'about ' : ''}${formatAmount(dose.dailyMg)} mg${elemental} a day` : undefined;
  const converted = dose.elementalFrom
    ? ` (${formatAmount(dose.elementalFrom.value)} mg elemental per ${formatAmount(dose.elementalFrom.compoundAmount ?? 0)} mg of ${dose.elementalFrom.compound ?? 'the compound'})`
    : '';
  const limit = dose.limit ? describeLimit(dose.limit) : undefined;
  switch (dose.status) {
    case 'over-rls-max':
      return `Dose on this page: ${said}, ${daily}. That is ${formatRatio(dose.ratio)} ${limitName(dose.limit)} of ${limit}.`;
    case 'over-upper-limit':
      return `Dose on this page: ${said}, ${daily}${converted}. That is above ${limitName(dose.limit)}, ${limit}.`;
    case 'other-indication':
      return `Dose on this page: ${said}${daily ? `, ${daily}` : ''}, stated for another condition, not as an RLS dose.`;
    case 'within-limit':
      return `Dose on this page: ${said}${daily ? `, ${daily}` : ''}${converted}, within ${limit ? `${limitName(dose.limit)} of ${limit}` : 'the listed limit'}.`;
    case 'no-limit': {
      if (dose.usual) {
        const noBenefit = dose.noAddedBenefit ? `, and ${formatNumber(dose.noAddedBenefit)} added no benefit` : '';
        return `Dose on this page: ${formatDose(dose)}. Our sources give no maximum: ${formatNumber(dose.usual)} is the usual RLS dose${noBenefit}.`;
      }
      return `Dose on this page: ${formatDose(dose)}. The dataset lists no dose limit to compare it with.`;
    }
  }
}

/** "the US label's RLS maximum", "the US upper intake limit for supplements". */
type LimitFields = Pick<KeyNumber, 'value' | 'valueMax' | 'unit'> & Partial<Pick<KeyNumber, 'role' | 'basis' | 'population' | 'provisional'>>;

export function limitName(limit: LimitFields | undefined, role = limit?.role): string {
  if (!limit) return 'the listed limit';
  if (role === 'upper-intake-daily') {
    return limit.basis === 'us-upper-intake-level' ? 'the US upper intake limit for supplements' : 'the upper intake limit for supplements';
  }
  return limit.basis === 'us-label' ? "the US label's RLS maximum" : 'the listed RLS maximum';
}

/** "110 mg/day for ages 4-8 (provisional)". */
export function describeLimit(limit: LimitFields): string {
  return `${formatNumber(limit)}${limit.population ? ` for ${limit.population}` : ''}${limit.provisional ? ' (provisional)' : ''}`;
}

function ClaimCard({
  subject,
  references,
  datasetVersion,
}: {
  subject: Extract<TooltipSubject, { kind: 'claim' }>;
  references: ReadonlyMap<string, Reference>;
  datasetVersion: string;
}) {
  const { claim, finding } = subject;
  const look = CLAIM_VERDICT_LOOKS[claim.verdict];
  return (
    <div class={`card tone-${look.tone}`} data-claim={claim.id}>
      <p class="name">A claim on this page</p>
      <blockquote class="quote">{shorten(finding.sentenceText, 220)}</blockquote>
      <p class="statement">Claim: {claim.statement}</p>
      <Verdict look={look} />
      {claim.provisional ? <p class="source">provisional</p> : null}
      <p class="summary">{claim.explanation}</p>
      <Sources ids={claim.citations} references={references} />
      <p class="meta">Dataset {datasetVersion}. Information, not medical advice.</p>
    </div>
  );
}

function Verdict({ look, scope }: { look: VerdictLook; scope?: string }) {
  return (
    <p class="verdict">
      <span class="icon" aria-hidden="true">
        {look.icon}
      </span>
      {scope ? <span class="verdict-scope">For {scope}: </span> : null}
      <span class="verdict-label">{look.label}</span>
    </p>
  );
}

function Sources({ ids, references }: { ids: readonly string[]; references: ReadonlyMap<string, Reference> }) {
  const cited = ids.map((key) => references.get(key)).filter((r): r is Reference => !!r);
  if (cited.length === 0) return null;
  return (
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
  );
}

function formatNumber(number: Pick<KeyNumber, 'value' | 'valueMax' | 'unit'>): string {
  const value =
    number.valueMax !== undefined
      ? `${formatAmount(number.value)}–${formatAmount(number.valueMax)}`
      : formatAmount(number.value);
  return number.unit === '%' ? `${value}%` : `${value} ${number.unit}`;
}

function shorten(text: string, max: number): string {
  const tidied = tidy(text);
  return tidied.length <= max ? tidied : `${tidied.slice(0, max - 1).trimEnd()}…`;
}
