import { matchesFor, startFeed } from '@/lib/feed/start-feed';
import { instagramAdapter } from '@/lib/platforms/instagram';

export default defineContentScript({
  matches: matchesFor(instagramAdapter),
  runAt: 'document_idle',
  main: (ctx) => startFeed(ctx, instagramAdapter),
});
