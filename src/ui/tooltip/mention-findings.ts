/** What the language analysis found about one mention: what the tooltip's "on this page" shows. */
import type { PageFindings } from '../../engine/annotator';

export interface MentionFindings {
  context: PageFindings['contexts'][number] | undefined;
  doses: PageFindings['doses'];
  claims: PageFindings['claims'];
  aggravator: PageFindings['aggravators'][number] | undefined;
}

export function findingsForMention(findings: PageFindings, mentionId: number): MentionFindings {
  return {
    context: findings.contexts.find((c) => c.mentionId === mentionId),
    doses: findings.doses.filter((d) => d.mentionId === mentionId),
    claims: findings.claims.filter((c) => c.mentionIds.includes(mentionId)),
    aggravator: findings.aggravators.find((a) => a.mentionId === mentionId),
  };
}
