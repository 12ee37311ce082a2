import { FIREFOX_INSTALL_HINT, findFirefox } from '../../scripts/lib/firefox';

/** Like the Chromium tier: no browser is a failure with an install hint, never a silent skip. */
export default function setup(): void {
  if (!findFirefox()) throw new Error(FIREFOX_INSTALL_HINT);
}
