import { createAnnotator } from '@/src/engine/annotator';
import { provideLazyModule } from '@/src/extension/lazy-modules';

/** Reading a page in full (text runs, matching, senses, wrapping), injected only into pages the pre-scan lets through. */
export default defineUnlistedScript(() => {
  provideLazyModule('reader', { createAnnotator });
});
