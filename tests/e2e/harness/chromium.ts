// Chromium (the system build) with the built extension loaded, through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.NETRA_CHROMIUM ?? '/usr/bin/chromium';

/** The platforms' hosts resolve to the loopback test server; pages carry its port in the URL. */
export const HOST_RESOLVER_RULES =
  'MAP x.com 127.0.0.1, MAP *.x.com 127.0.0.1, MAP *.facebook.com 127.0.0.1, MAP *.instagram.com 127.0.0.1';

/** The platforms' hosts on loopback over https, and nothing of the browser's own that goes online or updates. */
export const LOOPBACK_FLAGS = [
  `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
  '--ignore-certificate-errors',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface ChromiumOptions {
  /** Unpacked extension, relative to the repository root or absolute. */
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Extra command-line switches. */
  args?: string[];
  /**
   * IANA time zone of the whole browser (pages and the service worker), e.g. 'Asia/Jakarta' so dates
   * read "WIB" as on an officer's laptop; the machine's own zone when absent.
   */
  timezone?: string;
  /**
   * Let Playwright kill the browser and exit the process on SIGINT/SIGTERM/SIGHUP (default true).
   * A caller with its own shutdown (the headful demo) passes false and calls close().
   */
  handleSignals?: boolean;
}

export interface ChromiumSession {
  context: BrowserContext;
  /** The extension's service worker as last seen; while it is stopped, calls on it hang: see currentWorker(). */
  readonly serviceWorker: Worker;
  extensionId: string;
  /** `chrome-extension://ID` */
  extensionOrigin: string;
  /** Opens chrome-extension://ID/popup.html in a new tab (a tab, not the toolbar popup). */
  openPopup(): Promise<Page>;
  /**
   * Evaluates `fn` in the extension's service worker (where `chrome` and `browser` exist), starting the
   * worker first if it was stopped.
   */
  evalInWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * The extension's service worker, running: started first (as an event would) when it was stopped.
   * Chrome stops an idle or crashed worker and starts it again for the next event; a handle taken before
   * a stop hangs until then, so take this one after a stop.
   */
  currentWorker(): Promise<Worker>;
  /**
   * Stops the extension's service worker now, as Chrome does after 30 s idle or a crash (DevTools'
   * ServiceWorker.stopAllWorkers); resolves once it is stopped. The next event (a message from a tab)
   * starts it again.
   */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * DevTools' ServiceWorker domain, on a CDP session of any open page (a persistent context has no browser
 * session): stops and starts the extension's worker and follows its running status. The session is opened
 * again on another page when its page closes.
 */
function workerControl(ctx: BrowserContext, extensionOrigin: string) {
  let session: Promise<CDPSession> | undefined;
  let status: RunningStatus | undefined;
  const waiters = new Set<() => void>();

  const open = async (): Promise<CDPSession> => {
    // Never a new page of its own: that would take the active tab from the page under test.
    const page = ctx.pages().find((p) => !p.isClosed());
    if (!page) throw new Error('no open page to reach the service worker through');
    const cdp = await ctx.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (!version.scriptURL.startsWith(extensionOrigin)) continue;
        status = version.runningStatus;
        for (const wake of waiters) wake();
      }
    });
    page.once('close', () => {
      session = undefined;
    });
    // Sends the current versions at once, then every change.
    await cdp.send('ServiceWorker.enable');
    return cdp;
  };
  const cdp = async (): Promise<CDPSession> => {
    session ??= open();
    try {
      return await session;
    } catch (error) {
      session = undefined;
      throw error;
    }
  };
  const until = async (wanted: RunningStatus, timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (status !== wanted) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`service worker still ${status ?? 'unknown'}, not ${wanted}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 250));
        waiters.add(wake);
      });
    }
  };
  return {
    async stop(): Promise<void> {
      await (await cdp()).send('ServiceWorker.stopAllWorkers');
      await until('stopped');
    },
    async start(): Promise<void> {
      if (!session && !ctx.pages().some((p) => !p.isClosed())) return; // nothing could have stopped it
      const devtools = await cdp();
      if (status === 'running') return;
      if (status !== 'starting') {
        await devtools.send('ServiceWorker.startWorker', { scopeURL: `${extensionOrigin}/` });
      }
      await until('running');
    },
  };
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
      ...(options.timezone ? { env: { ...process.env, TZ: options.timezone } } : {}),
      deviceScaleFactor: options.deviceScaleFactor,
      args: [
        ...(headless ? ['--headless=new', '--hide-scrollbars', '--mute-audio'] : []),
        '--no-sandbox',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...LOOPBACK_FLAGS,
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
    const control = workerControl(ctx, extensionOrigin);
    let latest = serviceWorker;
    const currentWorker = async (): Promise<Worker> => {
      await control.start();
      // Chrome keeps the worker's DevTools target across restarts, so this is usually the same handle.
      latest =
        ctx.serviceWorkers().findLast((w) => w.url().startsWith(extensionOrigin)) ??
        (await ctx.waitForEvent('serviceworker', {
          predicate: (w) => w.url().startsWith(extensionOrigin),
          timeout: 15_000,
        }));
      return latest;
    };

    return {
      context: ctx,
      get serviceWorker() {
        return latest;
      },
      extensionId,
      extensionOrigin,
      async openPopup() {
        const page = await ctx.newPage();
        await page.goto(`${extensionOrigin}/popup.html`);
        return page;
      },
      async evalInWorker(fn, arg) {
        const worker = await currentWorker();
        // Scripts run by tsx (esbuild's keepNames) wrap named inner functions in `__name(…)`, a helper of the
        // script's own module: give the worker a stand-in (it is gone after every restart).
        await worker.evaluate('globalThis.__name ??= (fn) => fn');
        return worker.evaluate(fn as never, arg);
      },
      currentWorker,
      stopWorker: () => control.stop(),
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
