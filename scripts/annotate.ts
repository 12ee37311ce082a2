/**
 * `npm run annotate -- <page.html> [--json]`: runs the extension's engine on a saved page in
 * Node and prints the page report: every mention (text, entry, verdict, position), whether the
 * page reads as a health page, and the claims and doses the language analysis found. Editors auditing pages use it; so do the corpus tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERDICT_LOOKS } from '../src/ui/verdicts';
import { auditFile } from './lib/audit-file';

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run annotate -- <page.html> [--json]');
    process.exit(2);
  }
  const path = resolve(file);
  const report = auditFile(readFileSync(path, 'utf8'), pathToFileURL(path).href);
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`${report.title || path}`);
  console.log(`Health page: ${report.relevant ? 'yes' : 'no'} · dataset ${report.datasetVersion}`);
  console.log(`${report.mentions.length} mentions of ${report.entries.length} entries\n`);
  for (const mention of report.mentions) {
    const said = mention.negated ? ' (negated)' : mention.hedged ? ' (hedged)' : '';
    console.log(
      `#${String(mention.id).padEnd(4)} ${JSON.stringify(mention.text).padEnd(28)} ${mention.entryId.padEnd(26)} ${VERDICT_LOOKS[mention.verdict].label.padEnd(30)} ${mention.path} @${mention.offset}${said}`,
    );
  }
  if (report.doses.length > 0) console.log(`\nDoses (${report.doses.length}):`);
  for (const dose of report.doses) {
    const limit = dose.limit ? ` vs ${dose.limit.value} ${dose.limit.unit}` : '';
    const daily = dose.dailyMg === null ? '' : ` = ${dose.dailyMg} mg/day`;
    console.log(`${dose.flagged ? '⚠' : ' '} ${dose.entryId}: "${dose.phrase}"${daily}${limit} [${dose.status}] in "${dose.sentence}"`);
  }
  if (report.claims.length > 0) console.log(`\nClaims (${report.claims.length}):`);
  for (const claim of report.claims) {
    console.log(`${claim.flagged ? '⚠' : ' '} ${claim.claimId} [${claim.verdict}]: "${claim.sentence}"`);
  }
  if (report.aggravators.length > 0) console.log(`\nAggravators taken with RLS (${report.aggravators.length}):`);
  for (const finding of report.aggravators) console.log(`⚠ ${finding.entryId}: "${finding.sentence}"`);
}

main();
