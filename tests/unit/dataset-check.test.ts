/**
 * dataset:check rules. Each rule gets its own broken fixture, built in code from one small valid
 * fixture (a few in-memory source files) so the breakage is visible next to the assertion. Then
 * the real sources: they pass, a rebuild is byte-identical, and check -> format -> check is a no-op.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  checkBundleSize,
  checkSources,
  markupProblems,
  patternProblems,
  PROBLEM_RULES,
  type ProblemRule,
  type SourceFile,
} from '@/src/dataset/check';
import { compileDataset, serializeDataset } from '@/src/dataset/compile';
import { canonicalText, sourceKindOf } from '@/src/dataset/format';
import { loadSources } from '@/src/dataset/check';
import { readGenerated, readSourceFiles } from '@/scripts/dataset-io';

type Json = Record<string, unknown>;

function entry(id: string, overrides: Json = {}): Json {
  return {
    id,
    name: `Name of ${id}`,
    kind: 'supplement',
    prescription: false,
    aliases: [{ text: id.replace(/-/g, ' ') }],
    match: { scope: 'always', falseFriends: [] },
    verdict: 'insufficient-evidence',
    verdictFor: 'RLS',
    verdictSource: 'A review',
    certainty: 'not-graded',
    provisional: false,
    summary: 'A short plain summary.',
    numbers: [
      {
        label: 'A number',
        role: 'info',
        value: 1,
        unit: 'mg',
        provisional: false,
        citations: ['REF-A'],
      },
    ],
    caveats: [{ text: 'A caveat.', provisional: false, citations: ['REF-A'] }],
    citations: ['REF-A'],
    reviewed: '2026-11-22',
    ...overrides,
  };
}

function claim(id: string, overrides: Json = {}): Json {
  return {
    id,
    statement: 'Something blogs say.',
    patterns: ['alpha (cures|fixes) rls', 'alpha is? the best'],
    entries: ['alpha'],
    verdict: 'not-supported',
    explanation: 'Why it is not supported.',
    provisional: false,
    citations: ['REF-B'],
    ...overrides,
  };
}

const reference = (id: string, overrides: Json = {}): Json => ({
  id,
  title: `Title of ${id}`,
  url: `https://example.org/${id.toLowerCase()}`,
  status: 'primary',
  ...overrides,
});

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

interface Fixture {
  meta: Json;
  references: Json[];
  entries: Json[];
  claims: Json[];
  extra?: SourceFile[];
}

function validFixture(): Fixture {
  return {
    meta: { schemaVersion: 1, version: '2026.11.22', disambiguations: [] },
    references: [reference('REF-A'), reference('REF-B')],
    entries: [entry('alpha'), entry('beta')],
    claims: [claim('alpha-claim')],
  };
}

/** The fixture as source files, each in canonical form (so only the intended rule breaks). */
function filesOf(fixture: Fixture): SourceFile[] {
  const canonical = (path: string, value: unknown): SourceFile => {
    const text = json(value);
    return { path, text: canonicalText(sourceKindOf(path)!, text) ?? text };
  };
  return [
    canonical('meta.json', fixture.meta),
    canonical('references.json', fixture.references),
    ...fixture.entries.map((e) => canonical(`entries/${String(e.id)}.json`, e)),
    ...fixture.claims.map((c) => canonical(`claims/${String(c.id)}.json`, c)),
    ...(fixture.extra ?? []),
  ];
}

function rulesFor(files: SourceFile[], options: Parameters<typeof checkSources>[1] = {}): ProblemRule[] {
  return [...new Set(checkSources(files, options).problems.map((p) => p.rule))];
}

function brokenBy(mutate: (fixture: Fixture) => void): SourceFile[] {
  const fixture = validFixture();
  mutate(fixture);
  return filesOf(fixture);
}

const first = <T>(list: T[]): T => list[0]!;

describe('dataset:check on a small valid fixture', () => {
  it('passes', () => {
    const files = filesOf(validFixture());
    const { problems, serialized } = checkSources(files);
    expect(problems).toEqual([]);
    expect(checkSources(files, { generatedText: serialized, gzipSize: () => 100 }).problems).toEqual([]);
  });
});

// One broken fixture per rule. Each must be reported under its own rule id.
const cases: Array<{ rule: ProblemRule; name: string; files: () => SourceFile[]; options?: Parameters<typeof checkSources>[1] }> = [
  {
    rule: 'json',
    name: 'a source file that is not JSON',
    files: () => [...filesOf(validFixture()).filter((f) => f.path !== 'entries/beta.json'), { path: 'entries/beta.json', text: '{ "id": "beta", }\n' }],
  },
  {
    rule: 'file-name',
    name: 'an entry file not named after its id',
    files: () => filesOf(validFixture()).map((f) => (f.path === 'entries/beta.json' ? { ...f, path: 'entries/gamma.json' } : f)),
  },
  {
    rule: 'schema',
    name: 'a schema error (unknown verdict)',
    files: () => brokenBy((f) => (first(f.entries).verdict = 'miracle-cure')),
  },
  {
    rule: 'schema',
    name: 'a schema error (unknown field)',
    files: () => brokenBy((f) => (first(f.entries).colour = 'blue')),
  },
  {
    rule: 'duplicate-id',
    name: 'two entries with the same id',
    files: () => {
      const files = filesOf(validFixture());
      const alpha = files.find((f) => f.path === 'entries/alpha.json')!;
      return [...files, { path: 'entries/alpha-copy.json', text: alpha.text }];
    },
  },
  {
    rule: 'duplicate-id',
    name: 'two claims with the same id',
    files: () => brokenBy((f) => f.claims.push(claim('alpha-claim'))).map((file, index, all) =>
      // Both claim files would share a path; give the second its own file name.
      all.findIndex((o) => o.path === file.path) === index ? file : { ...file, path: 'claims/alpha-claim-2.json' },
    ),
  },
  {
    rule: 'duplicate-id',
    name: 'two references with the same id',
    files: () => brokenBy((f) => f.references.push(reference('REF-A', { title: 'Again' }))),
  },
  {
    rule: 'alias-conflict',
    name: 'an alias claimed by two entries without a disambiguation (case and spacing differ)',
    files: () => brokenBy((f) => ((f.entries[1]!.aliases as Json[]).push({ text: '  ALPHA ' }))),
  },
  {
    rule: 'alias-conflict',
    name: 'a hyphen and a space make the same alias',
    files: () =>
      brokenBy((f) => {
        (f.entries[0]!.aliases as Json[]).push({ text: 'Willis-Ekbom disease' });
        (f.entries[1]!.aliases as Json[]).push({ text: 'willis ekbom disease' });
      }),
  },
  {
    rule: 'alias-policy',
    name: 'a short acronym that is not case-sensitive',
    files: () => brokenBy((f) => (first(f.entries).aliases as Json[]).push({ text: 'RLS' })),
  },
  {
    rule: 'alias-policy',
    name: 'a forbidden ambiguous alias ("restless")',
    files: () => brokenBy((f) => (first(f.entries).aliases as Json[]).push({ text: 'restless' })),
  },
  {
    rule: 'bad-disambiguation',
    name: 'a disambiguation naming an unknown entry',
    files: () =>
      brokenBy((f) => {
        (f.entries[1]!.aliases as Json[]).push({ text: 'alpha' });
        f.meta.disambiguations = [{ alias: 'alpha', entry: 'omega', reason: 'Because.' }];
      }),
  },
  {
    rule: 'bad-disambiguation',
    name: 'a disambiguation naming an alias its entry does not have',
    files: () => brokenBy((f) => (f.meta.disambiguations = [{ alias: 'zeta', entry: 'alpha', reason: 'Because.' }])),
  },
  {
    rule: 'unresolved-citation',
    name: 'an entry citing an unknown reference',
    files: () => brokenBy((f) => (first(f.entries).citations = ['REF-A', 'NOPE'])),
  },
  {
    rule: 'unresolved-citation',
    name: 'a key number citing an unknown reference',
    files: () => brokenBy((f) => ((first(f.entries).numbers as Json[])[0]!.citations = ['NOPE'])),
  },
  {
    rule: 'unresolved-citation',
    name: 'a caveat citing an unknown reference',
    files: () => brokenBy((f) => ((first(f.entries).caveats as Json[])[0]!.citations = ['NOPE'])),
  },
  {
    rule: 'unresolved-citation',
    name: 'a claim citing an unknown reference',
    files: () => brokenBy((f) => (first(f.claims).citations = ['REF-B', 'NOPE'])),
  },
  {
    rule: 'missing-citation',
    name: 'an entry without a citation',
    files: () => brokenBy((f) => (f.entries[1]!.citations = [])),
  },
  {
    rule: 'missing-citation',
    name: 'a claim without a citation',
    files: () => brokenBy((f) => (first(f.claims).citations = [])),
  },
  {
    rule: 'unused-reference',
    name: 'a reference nothing cites',
    files: () => brokenBy((f) => f.references.push(reference('REF-C'))),
  },
  {
    rule: 'unknown-claim-entry',
    name: 'a claim about an entry that does not exist',
    files: () => brokenBy((f) => (first(f.claims).entries = ['alpha', 'omega'])),
  },
  {
    rule: 'claim-pattern',
    name: 'a claim pattern with a #Tag',
    files: () => brokenBy((f) => (first(f.claims).patterns = ['#Noun (cures|fixes) rls'])),
  },
  {
    rule: 'claim-pattern',
    name: 'a claim pattern that looks like code',
    files: () => brokenBy((f) => (first(f.claims).patterns = ['alpha.*cures\\s+rls'])),
  },
  {
    rule: 'false-friend',
    name: 'a false friend that contains none of the aliases',
    files: () => brokenBy((f) => ((first(f.entries).match as Json).falseFriends = ['cast iron'])),
  },
  {
    rule: 'schema',
    name: 'a verdict scoped to another condition (verdictFor "Parkinson\'s disease")',
    files: () => brokenBy((f) => (first(f.entries).verdictFor = "Parkinson's disease")),
  },
  {
    rule: 'prescriber-caveat',
    name: 'a prescription drug (levodopa-like) without the prescriber caveat',
    files: () => brokenBy((f) => Object.assign(first(f.entries), { kind: 'drug', prescription: true })),
  },
  {
    rule: 'prescriber-caveat',
    name: 'a drug entry not marked as a prescription medicine',
    files: () =>
      brokenBy((f) =>
        Object.assign(first(f.entries), {
          kind: 'drug',
          caveats: [{ role: 'prescriber', text: 'Talk to your prescriber.', provisional: false, citations: ['REF-A'] }],
        }),
      ),
  },
  {
    rule: 'limit-population',
    name: 'a dose limit without its population (the unused children\'s limit)',
    files: () =>
      brokenBy((f) => ((first(f.entries).numbers as Json[])[0] = { label: 'Upper limit', role: 'upper-intake-daily', value: 350, unit: 'mg/day', basis: 'us-upper-intake-level', provisional: false, citations: ['REF-A'] })),
  },
  {
    rule: 'limit-population',
    name: 'a dose limit in a unit that is not per day',
    files: () =>
      brokenBy((f) => ((first(f.entries).numbers as Json[])[0] = { label: 'Maximum', role: 'rls-max-daily-dose', value: 4, unit: 'mg', population: 'adults', basis: 'us-label', provisional: false, citations: ['REF-A'] })),
  },
  {
    rule: 'limit-population',
    name: 'a dialysis maximum with no adult maximum beside it',
    files: () =>
      brokenBy((f) => ((first(f.entries).numbers as Json[])[0] = { label: 'Maximum on dialysis', role: 'rls-max-daily-dose', value: 3, unit: 'mg/day', population: 'ESRD on dialysis', basis: 'us-label', provisional: false, citations: ['REF-A'] })),
  },
  {
    rule: 'limit-population',
    name: 'an elemental content without its compound',
    files: () =>
      brokenBy((f) => ((first(f.entries).numbers as Json[])[0] = { label: 'Elemental in one tablet', role: 'elemental-content', value: 241.3, unit: 'mg', provisional: false, citations: ['REF-A'] })),
  },
  {
    rule: 'provisional-mark',
    name: 'a limit resting on a secondary source only, not marked provisional',
    files: () =>
      brokenBy((f) => {
        f.references[0] = reference('REF-A', { status: 'secondary' });
      }),
  },
  {
    rule: 'provisional-mark',
    name: 'a claim citing a secondary source and stating it flatly',
    files: () => brokenBy((f) => (f.references[1] = reference('REF-B', { status: 'secondary' }))),
  },
  {
    rule: 'alias-scope',
    name: 'a class word ("IV iron") as an alias of one product',
    files: () => brokenBy((f) => (first(f.entries).aliases as Json[]).push({ text: 'IV iron' })),
  },
  {
    rule: 'alias-scope',
    name: 'a group entry with a strong verdict',
    files: () => brokenBy((f) => Object.assign(first(f.entries), { group: true, verdict: 'recommended-strong' })),
  },
  {
    rule: 'markup',
    name: 'HTML in a summary',
    files: () => brokenBy((f) => (first(f.entries).summary = 'Safe <b>and</b> effective.')),
  },
  {
    rule: 'markup',
    name: 'an HTML entity in a caveat',
    files: () => brokenBy((f) => ((first(f.entries).caveats as Json[])[0]!.text = 'Ask a doctor &amp; a pharmacist.')),
  },
  {
    rule: 'markup',
    name: 'a control character in a claim explanation',
    files: () => brokenBy((f) => (first(f.claims).explanation = 'Line one\u0007 bell.')),
  },
  {
    rule: 'markup',
    name: 'a zero-width character in a reference title',
    files: () => brokenBy((f) => (first(f.references).title = 'Zero\u200bwidth')),
  },
  {
    rule: 'summary-length',
    name: 'a summary over 280 characters',
    files: () => brokenBy((f) => (first(f.entries).summary = 'word '.repeat(60).trim())),
  },
  {
    rule: 'size-cap',
    name: 'an entry with 65 aliases (over the per-entry cap)',
    files: () =>
      brokenBy((f) => {
        const e = first(f.entries);
        e.aliases = Array.from({ length: 65 }, (_, i) => ({ text: `alias word ${i}` }));
      }),
  },
  {
    rule: 'bundle-size',
    name: 'a bundle over 300 KB gzipped',
    files: () => filesOf(validFixture()),
    options: { gzipSize: () => 300 * 1024 + 1 },
  },
  {
    rule: 'not-canonical',
    name: 'a source file not in canonical format (key order)',
    files: () =>
      filesOf(validFixture()).map((f) =>
        f.path === 'entries/beta.json'
          ? { ...f, text: json(Object.fromEntries(Object.entries(JSON.parse(f.text) as Json).reverse())) }
          : f,
      ),
  },
  {
    rule: 'not-canonical',
    name: 'a source file not in canonical format (indentation, no final newline)',
    files: () => filesOf(validFixture()).map((f) => (f.path === 'meta.json' ? { ...f, text: JSON.stringify(JSON.parse(f.text)) } : f)),
  },
  {
    rule: 'not-canonical',
    name: 'references.json not sorted by id',
    files: () =>
      filesOf(validFixture()).map((f) =>
        f.path === 'references.json' ? { ...f, text: json((JSON.parse(f.text) as Json[]).reverse()) } : f,
      ),
  },
  {
    rule: 'stale-build',
    name: 'a generated dataset.json out of date with the sources',
    files: () => filesOf(validFixture()),
    options: { generatedText: '{}\n' },
  },
];

describe('dataset:check catches each broken fixture', () => {
  it.each(cases)('$rule: $name', ({ rule, files, options }) => {
    expect(rulesFor(files(), options)).toContain(rule);
  });

  it('has a case for every rule', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(PROBLEM_RULES));
  });

  it('accepts a shared alias once a disambiguation names the winner', () => {
    const files = brokenBy((f) => {
      (f.entries[1]!.aliases as Json[]).push({ text: 'Alpha' });
      f.meta.disambiguations = [{ alias: 'alpha', entry: 'alpha', reason: 'The general entry wins.' }];
    });
    expect(checkSources(files).problems).toEqual([]);
  });

  it('names the file and field of a problem', () => {
    const files = brokenBy((f) => (first(f.entries).summary = 'Safe <b>and</b> effective.'));
    const markup = checkSources(files).problems.find((p) => p.rule === 'markup');
    expect(markup?.where).toBe('entries/alpha.json: summary');
    expect(markup?.message).toMatch(/HTML markup character "<"/);
  });

  it('sizes bundles by byte count alone', () => {
    expect(checkBundleSize(300 * 1024)).toEqual([]);
    expect(checkBundleSize(300 * 1024 + 1)).toHaveLength(1);
    expect(checkBundleSize(11, 10)[0]?.rule).toBe('bundle-size');
  });

  it('describes markup and pattern problems', () => {
    expect(markupProblems('plain text, 5 mg/day')).toEqual([]);
    expect(markupProblems('a\tb')).toEqual(['control or invisible character U+0009']);
    expect(patternProblems('magnesium (cures|fixes|treats) .? (rls|restless)')).toEqual([]);
    expect(patternProblems('magnesium? .?')).toEqual(['needs at least one required word']);
    expect(patternProblems('magnesium * cures rls')).toEqual([]);
    expect(patternProblems('* .?')).toEqual(['needs at least one required word']);
    expect(patternProblems('Magnesium cures RLS')).not.toEqual([]);
  });
});

describe('the real dataset sources', () => {
  const files = readSourceFiles();
  const generated = readGenerated();

  it('pass dataset:check', () => {
    const result = checkSources(files, {
      generatedText: generated ?? '',
      gzipSize: (text) => gzipSync(text, { level: 9 }).byteLength,
    });
    expect(result.problems.map((p) => `[${p.rule}] ${p.where}: ${p.message}`)).toEqual([]);
    expect(result.dataset!.entries.length).toBeGreaterThanOrEqual(45);
    expect(result.dataset!.claims.length).toBeGreaterThanOrEqual(12);
  });

  it('rebuild byte-identically', () => {
    const build = () => {
      const compiled = compileDataset(loadSources(files).sources);
      if (!compiled.ok) throw new Error(compiled.errors.join('\n'));
      return serializeDataset(compiled.dataset);
    };
    const once = build();
    expect(build()).toBe(once);
    expect(generated).toBe(once);
    // Input order does not matter either.
    const reversed = compileDataset(loadSources([...files].reverse()).sources);
    expect(reversed.ok && serializeDataset(reversed.dataset)).toBe(once);
  });

  it('are already canonical: check -> format -> check is a no-op', () => {
    const before = checkSources(files).problems;
    const formatted = files.map((f) => ({ ...f, text: canonicalText(sourceKindOf(f.path)!, f.text) ?? f.text }));
    expect(formatted).toEqual(files);
    expect(checkSources(formatted).problems).toEqual(before);
  });

  it('formatting is idempotent on a scrambled file', () => {
    const scrambled = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(files.find((f) => f.path.startsWith('entries/'))!.text) as Json).reverse()));
    const once = canonicalText('entry', scrambled)!;
    expect(canonicalText('entry', once)).toBe(once);
  });
});
