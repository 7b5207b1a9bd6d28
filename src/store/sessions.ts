// Sessions kept in the database (so several server processes share them): a random token goes to the client,
// only its sha256 is stored, with an expiry.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Role, User } from '../model/api.js';
import { sessions, users } from './schema.js';
import type { Ctx } from './context.js';

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(ctx: Ctx, userId: number, ttlSeconds: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ctx.db.delete(sessions).where(lt(sessions.expiresAt, new Date())); // expired ones go on the way
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await ctx.db.insert(sessions).values({ tokenHash: digest(token), userId, expiresAt });
  return token;
}

export async function sessionUser(ctx: Ctx, token: string): Promise<User | null> {
  if (!token) return null;
  const [r] = await ctx.db.select({ id: users.id, username: users.username, displayName: users.displayName,
    role: users.role, bodyId: users.bodyId, regionCode: users.regionCode }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, digest(token)), gt(sessions.expiresAt, new Date())));
  return r ? { ...r, role: r.role as Role } : null;
}

export async function deleteSession(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, digest(token)));
}
