/**
 * The layers the code keeps are enforced by `npm run lint` (eslint.config.js): each forbidden
 * import fails, each allowed one passes. Linted as if the text were a file of that layer.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [value];\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layering', () => {
  it.each([
    ['src/engine/probe.ts', "import { h as value } from 'preact';"],
    ['src/engine/probe.ts', "import value from 'compromise/one';"],
    ['src/engine/probe.ts', "import { browser as value } from 'wxt/browser';"],
    ['src/engine/probe.ts', "import { createAnalyzer as value } from '../nlp/analyze';"],
    ['src/engine/probe.ts', "import { VERDICT_LOOKS as value } from '../ui/verdicts';"],
    ['src/nlp/probe.ts', "import { Annotator as value } from '../engine/annotator';"],
    ['src/nlp/probe.ts', "import { parseDataset as value } from '../dataset/schema';"],
    ['src/ui/probe.ts', "import { Annotator as value } from '../engine/annotator';"],
    ['src/ui/tooltip/probe.ts', "import { compileMatcher as value } from '../../engine/matcher';"],
    ['src/extension/page-session.ts', "import { VERDICT_LOOKS as value } from '../ui/verdicts';"],
    ['src/extension/content-controller.ts', "import { mountPageUi as value } from '../ui/page-ui';"],
    ['src/extension/page-session.ts', "import { Annotator as value } from '../engine/annotator';"],
    ['src/extension/page-session.ts', "import { senseOfSentence as value } from '../engine/senses';"],
    ['entrypoints/content/index.ts', "import { render as value } from 'preact';"],
  ])('%s may not %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/engine/probe.ts', "import type { Analyzer as value } from '../nlp/types';"],
    ['src/engine/probe.ts', "import { aliasKey as value } from '../dataset/words';"],
    ['src/nlp/probe.ts', "import type { Entry as value } from '../dataset/schema';"],
    ['src/nlp/probe.ts', "import { WORD_CHARS as value } from '../dataset/words';"],
    ['src/ui/probe.ts', "import { markIdOf as value } from '../engine/dom-rules';"],
    ['src/ui/probe.ts', "import type { PageFindings as value } from '../engine/annotator';"],
    ['src/extension/page-session.ts', "import type { PageUi as value } from '../ui/page-ui';"],
    ['src/extension/page-session.ts', "import type { Annotator as value } from '../engine/annotator';"],
    ['src/extension/page-session.ts', "import { PreScanner as value } from '../engine/pre-scan';"],
    ['entrypoints/content/index.ts', "import value from '@/src/ui/highlight.css';"],
  ])('%s may %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
