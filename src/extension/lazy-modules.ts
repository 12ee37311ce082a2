/**
 * Code a page needs only once its pre-scan lets it through: the reader (reading the page in
 * full: runs, senses, wrapping), and once it turns out to mention something, the tooltip UI
 * (Preact) and the language analysis (compromise). The always-injected content script stays
 * small; the background injects these into the tab's isolated world on demand
 * (scripting.executeScript: no web-accessible resource for pages to probe), and each hands its
 * API over on a global.
 */
import type { createAnnotator } from '../engine/annotator';
import type { PageUiModule } from '../ui/page-ui';
import type { createAnalyzer } from '../nlp/analyze';

export const LAZY_MODULES = ['reader', 'ui', 'nlp'] as const;
export type LazyModuleName = (typeof LAZY_MODULES)[number];

export interface LazyModules {
  reader: { createAnnotator: typeof createAnnotator };
  ui: PageUiModule;
  nlp: { createAnalyzer: typeof createAnalyzer };
}

/** The built file of each module (entrypoints/evlens-*.ts, unlisted scripts). */
export const LAZY_MODULE_FILES = {
  reader: '/evlens-reader.js',
  ui: '/evlens-ui.js',
  nlp: '/evlens-nlp.js',
} as const satisfies Record<LazyModuleName, string>;

const GLOBAL_KEY = '__evidenceLensModules';

type Registry = Partial<LazyModules>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<string, Registry | undefined>;
  return (holder[GLOBAL_KEY] ??= {});
}

/** Called by a lazy module's entrypoint when it runs: hands its API to the content script. */
export function provideLazyModule<N extends LazyModuleName>(name: N, api: LazyModules[N]): void {
  registry()[name] = api;
}

/** The module's API if it has been injected into this world already. */
export function lazyModuleIfLoaded<N extends LazyModuleName>(name: N): LazyModules[N] | undefined {
  return registry()[name] as LazyModules[N] | undefined;
}

/**
 * Loads a module once per page: asks the background to inject it (`inject`), then reads its
 * API from the global. Concurrent callers share one load.
 */
export function createLazyLoader(inject: (name: LazyModuleName) => Promise<void>) {
  const pending = new Map<LazyModuleName, Promise<unknown>>();
  return function load<N extends LazyModuleName>(name: N): Promise<LazyModules[N]> {
    const loaded = lazyModuleIfLoaded(name);
    if (loaded) return Promise.resolve(loaded);
    let promise = pending.get(name) as Promise<LazyModules[N]> | undefined;
    if (!promise) {
      promise = inject(name).then(() => {
        const api = lazyModuleIfLoaded(name);
        if (!api) throw new Error(`Evidence Lens: the ${name} module did not load`);
        return api;
      });
      promise.catch(() => pending.delete(name));
      pending.set(name, promise);
    }
    return promise;
  };
}
