import { type Hello, readHello } from './replies';

/** feed.hello: the officer's strings and categories, and whether to match; null when the background cannot say. */
export async function sayHello(send: (message: unknown) => Promise<unknown>): Promise<Hello | null> {
  try {
    return readHello(await send({ type: 'feed.hello' }));
  } catch {
    return null;
  }
}
