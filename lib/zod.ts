// Every schema in Netra is written with zod/mini: it tree-shakes to a few KB, which keeps the content
// script small, and jitless mode keeps zod from probing `new Function` under the extension CSP.
import { config } from 'zod/mini';

config({ jitless: true });

export * as z from 'zod/mini';
