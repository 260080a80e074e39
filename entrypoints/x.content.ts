import { matchesFor, startFeed } from '@/lib/feed/start-feed';
import { xAdapter } from '@/lib/platforms/x';

// One content script per platform, each carrying only its own adapter: small, and a broken adapter
// cannot take the other sites down with it.
export default defineContentScript({
  matches: matchesFor(xAdapter),
  runAt: 'document_idle',
  main: (ctx) => startFeed(ctx, xAdapter),
});
