// Debian's Chromium for the browser tests, started as a browser server so that a browser that
// does not stop when asked (it happens on a loaded machine) is killed instead of holding the
// test file's hooks, its sockets and its temporary folder open.
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a browser is given to stop by itself before it is killed. */
const CLOSE_GRACE_MS = 10_000;

export interface TestBrowser {
  context: BrowserContext;
  /** Stop the browser: asked first, killed when it has not stopped within the grace period. */
  close: () => Promise<void>;
}

/** Start Chromium with one browser context; `env` replaces the browser's environment. */
export async function openBrowser(
  options: { context?: BrowserContextOptions; env?: NodeJS.ProcessEnv } = {},
): Promise<TestBrowser> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    ...(options.env ? { env: options.env } : {}),
  });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const context = await browser.newContext(options.context);
    return {
      context,
      close: async () => {
        const stopped = await Promise.race([
          server.close().then(() => true),
          new Promise<boolean>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS, false).unref()),
        ]);
        if (!stopped) await server.kill();
      },
    };
  } catch (error) {
    await server.kill();
    throw error;
  }
}
