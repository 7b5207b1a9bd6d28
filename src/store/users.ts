// Users: password login with argon2 (argon2id, the library's defaults), roles and the body or region they act for.
import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { asc, eq } from 'drizzle-orm';
import type { Role, User } from '../model/api.js';
import { sessions, users } from './schema.js';
import { writeAudit } from './audit.js';
import { inTx, type Ctx } from './context.js';
import { StoreError, type Actor } from './types.js';

type Row = typeof users.$inferSelect;
const toUser = (r: Row): User =>
  ({ id: r.id, username: r.username, displayName: r.displayName, role: r.role as Role, bodyId: r.bodyId,
    regionCode: r.regionCode });

export const hashPassword = (password: string): Promise<string> => argon2.hash(password);

export async function createUser(ctx: Ctx, u: Omit<User, 'id'> & { password: string }, actor: Actor): Promise<User> {
  const passwordHash = await hashPassword(u.password);
  return inTx(ctx, async (tx) => {
    const [held] = await tx.db.select({ id: users.id }).from(users).where(eq(users.username, u.username));
    if (held) throw new StoreError('conflict', `user ${u.username} exists`);
    const [row] = await tx.db.insert(users).values({ username: u.username, displayName: u.displayName, role: u.role,
      bodyId: u.bodyId, regionCode: u.regionCode, passwordHash }).returning();
    const user = toUser(row);
    await writeAudit(tx, actor, [{ entity: 'user', entityId: user.id, action: 'create', after: user }]);
    return user;
  });
}

export async function updateUser(ctx: Ctx, id: number, patch: Partial<Omit<User, 'id'>> & { password?: string },
  actor: Actor): Promise<User> {
  const { password, ...rest } = patch;
  const passwordHash = password !== undefined ? await hashPassword(password) : undefined;
  return inTx(ctx, async (tx) => {
    const [cur] = await tx.db.select().from(users).where(eq(users.id, id));
    if (!cur) throw new StoreError('not-found', `user ${id}`);
    const [row] = await tx.db.update(users).set({ ...rest, ...(passwordHash ? { passwordHash } : {}) })
      .where(eq(users.id, id)).returning();
    if (passwordHash) await tx.db.delete(sessions).where(eq(sessions.userId, id)); // signed out everywhere
    const after = toUser(row);
    // the password itself is never recorded, only that it changed
    await writeAudit(tx, actor, [{ entity: 'user', entityId: id, action: 'update', before: toUser(cur),
      after: { ...after, ...(passwordHash ? { password: 'changed' } : {}) } }]);
    return after;
  });
}

export async function listUsers(ctx: Ctx): Promise<User[]> {
  return (await ctx.db.select().from(users).orderBy(asc(users.id))).map(toUser);
}

export async function getUser(ctx: Ctx, id: number): Promise<User | null> {
  const [r] = await ctx.db.select().from(users).where(eq(users.id, id));
  return r ? toUser(r) : null;
}

export async function verifyPassword(ctx: Ctx, username: string, password: string): Promise<User | null> {
  const [r] = await ctx.db.select().from(users).where(eq(users.username, username));
  if (!r) {
    // the same work for an unknown name, so timing does not tell which names exist
    dummyHash ??= await hashPassword(randomUUID());
    await argon2.verify(dummyHash, password).catch(() => false);
    return null;
  }
  return (await argon2.verify(r.passwordHash, password).catch(() => false)) ? toUser(r) : null;
}

let dummyHash: string | undefined;
