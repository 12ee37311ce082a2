import { buildExtension } from '../../scripts/lib/build';
import { INSTALL_HINT, findChromium } from '../../scripts/lib/find-chromium';

/** Build once per run, so every browser test loads the extension exactly as it ships. */
export default function setup(): void {
  if (!findChromium()) throw new Error(INSTALL_HINT);
  // The shared build has no feed: the tests that need one build their own with a local feed, so no
  // test ever contacts the official feed (feed.config.json). EVLENS_FEED=off is how a build without
  // a feed is made, and the popup says updates are not set up.
  if (process.env.EVLENS_SKIP_BUILD !== '1') buildExtension([], { EVLENS_FEED: 'off' });
}
