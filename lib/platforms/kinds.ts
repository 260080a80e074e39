// The platform and kind enums on their own, so that a module needing only them (the content script's
// message schemas) does not pull in every schema of ./snapshot.ts: zod/mini schemas are module-level
// calls a bundler cannot drop.
import { z } from '../zod';

/** 'web' is any other site, flagged through the context menu or shortcut (no adapter). */
export const Platform = z.enum(['x', 'facebook', 'instagram', 'web']);
export type Platform = z.infer<typeof Platform>;

/**
 * post, reply (X, under a focal post), comment (Facebook/Instagram), and for interaction lists:
 * reaction (this account liked/reacted to the parent post) and repost (this account shared it).
 */
export const PostKind = z.enum(['post', 'reply', 'comment', 'reaction', 'repost']);
export type PostKind = z.infer<typeof PostKind>;
