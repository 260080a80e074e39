import { matchesFor, startFeed } from '@/lib/feed/start-feed';
import { facebookAdapter } from '@/lib/platforms/facebook';

export default defineContentScript({
  matches: matchesFor(facebookAdapter),
  runAt: 'document_idle',
  main: (ctx) => startFeed(ctx, facebookAdapter),
});
