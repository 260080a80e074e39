// Firefox ESR with the built MV2 extension, through puppeteer-core over WebDriver BiDi.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.NETRA_FIREFOX ?? '/usr/bin/firefox-esr';

/** The gecko id fixed in wxt.config.ts. */
export const NETRA_GECKO_ID = 'netra@bawaslu.example';

/**
 * Firefox has no host-resolver switch: `network.dns.localDomains` makes these names resolve to
 * localhost. It takes exact names only (no wildcards), so list every host a test opens.
 */
export const FIREFOX_LOCAL_DOMAINS = [
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'facebook.com',
  'www.facebook.com',
  'web.facebook.com',
  'm.facebook.com',
  'instagram.com',
  'www.instagram.com',
];

export interface FirefoxOptions {
  /** Unpacked extension, relative to the repository root or absolute. */
  extensionDir?: string;
  headless?: boolean;
  /** The extension's id (browser_specific_settings.gecko.id). */
  extensionId?: string;
  extraPrefs?: Record<string, unknown>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The gecko id returned by the install (netra@bawaslu.example). */
  extensionId: string;
  /** The moz-extension:// host, preset through `extensions.webextensions.uuids`. */
  extensionUuid: string;
  /** `moz-extension://UUID` */
  extensionOrigin: string;
  /** Opens moz-extension://UUID/popup.html in a new tab and waits for it to load. */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir ?? '.output/firefox-mv2');
  const geckoId = options.extensionId ?? NETRA_GECKO_ID;
  // Firefox gives every installed extension a random internal UUID, unless this pref already maps
  // its id to one: presetting it makes the moz-extension:// origin known before the install.
  const extensionUuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// ("not allowed in this context")
    // unless system access is allowed; the popup and other extension pages need it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': FIREFOX_LOCAL_DOMAINS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: extensionUuid }),
      // No HTTPS-only upgrades, telemetry or captive-portal probes on a machine without internet.
      'dom.security.https_only_mode': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.normandy.enabled': false,
      ...options.extraPrefs,
    },
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    if (extensionId !== geckoId) {
      throw new Error(`installed extension has id ${extensionId}, expected ${geckoId}`);
    }
    const extensionOrigin = `moz-extension://${extensionUuid}`;
    return {
      browser,
      extensionId,
      extensionUuid,
      extensionOrigin,
      openPopup: () => openExtensionPage(browser, `${extensionOrigin}/popup.html`),
      close: () => browser.close().catch(() => {}),
    };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

/**
 * Opens an extension page (moz-extension://…) in a new tab. `page.goto` cannot be awaited there:
 * Firefox loads the page in the extension process and BiDi never reports the navigation as done
 * (page.url() even stays about:blank), so the load is awaited by polling the document instead.
 * The poll is our own loop, not `waitForFunction`: while about:blank is swapped for the extension
 * page, an evaluation can land in the realm being torn down and BiDi answers with a protocol error
 * ("right-hand side of 'in' should be an object, got null"). That is a moment of the navigation,
 * not a failure, so the poll asks again.
 */
export async function openExtensionPage(browser: Browser, url: string, timeoutMs = 15_000): Promise<Page> {
  const page = await browser.newPage();
  // timeout 0: no dangling timer; the promise is simply dropped once the document is there.
  page.goto(url, { timeout: 0 }).catch(() => {});
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const loaded = await page.evaluate(
        (u: string) => location.href === u && document.readyState === 'complete',
        url,
      );
      if (loaded) return page;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not load within ${timeoutMs} ms`, { cause: lastError });
}
