import { provideLazyModule } from '@/src/extension/lazy-modules';
import { mountPageUi } from '@/src/ui/page-ui';

/** What the reader sees on an annotated page (Preact tooltip, tab stops, labels), injected only into pages that mention something. */
export default defineUnlistedScript(() => {
  provideLazyModule('ui', { mountPageUi });
});
