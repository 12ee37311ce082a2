/** Shared set-up for browser tests: a fixture server and Chromium with the built extension. */
import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

export interface BrowserFixture {
  session: ExtensionSession;
  server: StaticServer;
  close(): Promise<void>;
}

export async function openBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserFixture> {
  const server = await startStaticServer(FIXTURES_DIR);
  const session = await launchWithExtension({ headless: true, ...options });
  return {
    session,
    server,
    async close() {
      await session.close();
      await server.close();
    },
  };
}
