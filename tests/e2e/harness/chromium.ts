// Chromium (the system build) with the built extension loaded, through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.NETRA_CHROMIUM ?? '/usr/bin/chromium';

/** The platforms' hosts resolve to the loopback test server; pages carry its port in the URL. */
export const HOST_RESOLVER_RULES =
  'MAP x.com 127.0.0.1, MAP *.x.com 127.0.0.1, MAP *.facebook.com 127.0.0.1, MAP *.instagram.com 127.0.0.1';

export interface ChromiumOptions {
  /** Unpacked extension, relative to the repository root or absolute. */
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Extra command-line switches. */
  args?: string[];
  /**
   * Let Playwright kill the browser and exit the process on SIGINT/SIGTERM/SIGHUP (default true).
   * A caller with its own shutdown (the headful demo) passes false and calls close().
   */
  handleSignals?: boolean;
}

export interface ChromiumSession {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** `chrome-extension://ID` */
  extensionOrigin: string;
  /** Opens chrome-extension://ID/popup.html in a new tab (a tab, not the toolbar popup). */
  openPopup(): Promise<Page>;
  /** Evaluates `fn` in the extension's service worker (where `chrome` and `browser` exist). */
  evalInWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const extensionDir = resolve(options.extensionDir ?? '.output/chrome-mv3');
  const headless = options.headless ?? true;
  const handleSignals = options.handleSignals ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), 'netra-chromium-'));
  // Also on process exit: Playwright's own SIGINT handler exits without waiting for close().
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeProfile);
  const cleanup = () => {
    process.off('exit', removeProfile);
    removeProfile();
  };

  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      // Playwright's own `--headless` would do on Chromium ≥ 132 too, but `--headless=new` says
      // plainly that extensions need the new headless mode (the old shell cannot load them).
      headless: false,
      ignoreDefaultArgs: ['--disable-extensions'],
      ignoreHTTPSErrors: true,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      deviceScaleFactor: options.deviceScaleFactor,
      args: [
        ...(headless ? ['--headless=new', '--hide-scrollbars', '--mute-audio'] : []),
        '--no-sandbox',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
        '--ignore-certificate-errors',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
        ...(options.args ?? []),
      ],
    });
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;
    const ctx = context;

    return {
      context: ctx,
      serviceWorker,
      extensionId,
      extensionOrigin,
      async openPopup() {
        const page = await ctx.newPage();
        await page.goto(`${extensionOrigin}/popup.html`);
        return page;
      },
      evalInWorker: (fn, arg) => serviceWorker.evaluate(fn as never, arg),
      async close() {
        await ctx.close().catch(() => {});
        cleanup();
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    cleanup();
    throw error;
  }
}
