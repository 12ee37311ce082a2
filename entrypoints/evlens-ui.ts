import { provideLazyModule } from '@/src/extension/lazy-modules';
import { mountTooltipLayer } from '@/src/ui/tooltip/tooltip-layer';

/** The tooltip UI (Preact), injected only into pages that mention something. */
export default defineUnlistedScript(() => {
  provideLazyModule('ui', { mountTooltipLayer });
});
