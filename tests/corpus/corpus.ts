/** Reads the real-page corpus manifest from CORPUS_DIR (default ../shared/corpus). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus'));

export interface CorpusPage {
  path: string;
  textChars: number;
  hitsMagnesium: number;
  hitsRls: number;
  hitsOther: number;
}

export function readCorpus(): CorpusPage[] {
  const manifest = resolve(CORPUS_DIR, 'manifest.tsv');
  if (!existsSync(manifest)) {
    throw new Error(`No corpus at ${CORPUS_DIR} (manifest.tsv missing). Set CORPUS_DIR to the corpus folder.`);
  }
  const [, ...rows] = readFileSync(manifest, 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [path, , textChars, hitsMagnesium, hitsRls, hitsOther] = row.split('\t');
    return {
      path: path!,
      textChars: Number(textChars),
      hitsMagnesium: Number(hitsMagnesium),
      hitsRls: Number(hitsRls),
      hitsOther: Number(hitsOther),
    };
  });
}

export function readPage(page: CorpusPage): string {
  return readFileSync(resolve(CORPUS_DIR, page.path), 'utf8');
}

/** Elements the engine must never write inside. */
export const NEVER_TOUCH_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', '[contenteditable]',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'button', 'nav', 'evlens-mark',
].map((tag) => `${tag} evlens-mark`).join(', ');
