import { provideLazyModule } from '@/src/extension/lazy-modules';
import { createAnalyzer } from '@/src/nlp/analyze';

/** The language analysis (compromise), injected only into pages that mention something. */
export default defineUnlistedScript(() => {
  provideLazyModule('nlp', { createAnalyzer });
});
