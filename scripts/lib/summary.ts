/** Prints a page report as the plain-text summary the demo and the auditor share. */
import type { PageReport, ReportFlag } from '../../src/engine/report';
import { VERDICT_LOOKS } from '../../src/ui/verdicts';

export function formatSummary(report: PageReport): string {
  const lines = [
    `Page: ${report.title || report.url}`,
    `Health page: ${report.relevant ? 'yes' : 'no'} · dataset ${report.datasetVersion}`,
    `${report.mentions.length} mentions of ${report.entries.length} entries`,
  ];
  const width = Math.max(0, ...report.entries.map((entry) => entry.name.length));
  for (const entry of report.entries) {
    const texts = [...new Set(report.mentions.filter((m) => m.entryId === entry.id).map((m) => m.text))];
    lines.push(
      `  ${String(entry.count).padStart(3)}  ${entry.name.padEnd(width)}  ${VERDICT_LOOKS[entry.verdict].label}  (${texts.join(', ')})`,
    );
  }
  if (report.flags.length > 0) {
    lines.push(`${report.flags.length} things the evidence contradicts:`);
    for (const flag of report.flags) lines.push(`  ⚠ ${describeFlag(flag)}`);
  }
  return lines.join('\n');
}

function describeFlag(flag: ReportFlag): string {
  switch (flag.kind) {
    case 'claim':
      return `claim "${flag.statement}" (${flag.verdict}): "${flag.sentence}"`;
    case 'dose':
      return `${flag.entryName}: ${flag.dailyMg} mg a day, ${Math.round(flag.ratio * 10) / 10}× the ${flag.status === 'over-rls-max' ? 'labelled RLS maximum' : 'upper intake limit'} (${flag.limit.value} ${flag.limit.unit}): "${flag.sentence}"`;
    case 'aggravator':
      return `${flag.entryName} taken with RLS: "${flag.sentence}"`;
  }
}
