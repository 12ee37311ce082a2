/** Finds a Chromium or Chrome binary: CHROME_PATH first, then the usual install locations. */
import { existsSync } from 'node:fs';

const USUAL_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const INSTALL_HINT = [
  'No Chromium or Chrome found. Install one, or point CHROME_PATH at it:',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  macOS:          brew install --cask chromium',
  '  any system:     CHROME_PATH=/path/to/chrome npm run demo',
].join('\n');

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return USUAL_LOCATIONS.find((path) => existsSync(path));
}

/** Flags for Chromium on a machine with a closed network (no sync, no component updates). */
export const QUIET_CHROMIUM_FLAGS = [
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
