import { buildExtension } from '../../scripts/lib/build';
import { INSTALL_HINT, findChromium } from '../../scripts/lib/find-chromium';

/** Build once per run, so every browser test loads the extension exactly as it ships. */
export default function setup(): void {
  if (!findChromium()) throw new Error(INSTALL_HINT);
  if (process.env.EVLENS_SKIP_BUILD !== '1') buildExtension();
}
