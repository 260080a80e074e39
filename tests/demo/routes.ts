// The demo feed as routes of the loopback HTTPS test server: one place for `npm run demo` and the
// officer's-day e2e test, so both show the officer the same invented X-like pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Routes } from '../e2e/harness/https-server';

const FEED_DIR = fileURLToPath(new URL('./feed/', import.meta.url));

/** The teacher whose profile, post and reposts the demo shows. */
export const PROFILE = 'sriwahyuni_guru';
// The focal post of status.html (its id is also in home.html and profile.html).
export const STATUS_PATH = `/${PROFILE}/status/2124096734777835523`;
/** Its "Reposted by" list: one account row (UserCell) per reposter, each with a flag button. */
export const REPOSTS_PATH = `${STATUS_PATH}/retweets`;

/** The office's invented configuration pack (tests/demo/config-pack.json), as a file path. */
export const CONFIG_PACK_PATH = fileURLToPath(new URL('./config-pack.json', import.meta.url));

function feedPage(file: string) {
  return { body: readFileSync(join(FEED_DIR, file)), type: 'text/html; charset=utf-8' };
}

export function demoRoutes(): Routes {
  return {
    '/': feedPage('index.html'),
    '/demo.css': { body: readFileSync(join(FEED_DIR, 'demo.css')), type: 'text/css; charset=utf-8' },
    '/home': feedPage('home.html'),
    [`/${PROFILE}`]: feedPage('profile.html'),
    [STATUS_PATH]: feedPage('status.html'),
    [REPOSTS_PATH]: feedPage('reposts.html'),
  };
}
