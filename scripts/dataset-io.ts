/** File-system side of the dataset scripts: reads `src/dataset/source/**` as SourceFile texts. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../src/dataset/check';

export const DATASET_DIR = join(dirname(fileURLToPath(import.meta.url)), '../src/dataset');
export const SOURCE_DIR = join(DATASET_DIR, 'source');
export const GENERATED_FILE = join(DATASET_DIR, 'generated/dataset.json');

/** Every file under the source folder, paths relative to it with forward slashes, sorted. */
export function readSourceFiles(dir: string = SOURCE_DIR): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.startsWith('.')) {
        files.push({ path: relative(dir, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  return files;
}

export function readGenerated(path: string = GENERATED_FILE): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
