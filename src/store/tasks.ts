// Each user's to-do list: reports waiting for their review, returned reports to fix, drafts to finish, 待确认
// reports to assign, and filing due dates approaching or passed (for the report on last year, due this year).
import { sql, type SQL } from 'drizzle-orm';
import { dueDateOf } from '../analysis/filing.js';
import type { BodyLevel, Task, User } from '../model/api.js';
import { rows, type Ctx } from './context.js';
import { subtreePattern } from './regions.js';
import { bodyDueDate } from './analysis.js';
import { filingSettings } from './settings.js';

const LIMIT = 200;
const SOON_DAYS = 14;

/** Which bodies a user's tasks are about: its own body (editor), its region or body subtree (supervisor), all. */
function scopeOf(user: User): SQL {
  if (user.role === 'editor') return user.bodyId !== null ? sql`b.id = ${user.bodyId}` : sql`false`;
  if (user.role === 'supervisor') {
    if (user.regionCode) return sql`b.region_code LIKE ${subtreePattern(user.regionCode)}`;
    if (user.bodyId !== null) return sql`b.id IN (WITH RECURSIVE t AS (SELECT id FROM bodies WHERE id = ${user.bodyId}
      UNION ALL SELECT c.id FROM bodies c JOIN t ON c.parent_id = t.id) SELECT id FROM t)`;
    return sql`false`;
  }
  return sql`true`;
}

const dayDiff = (a: string, b: string): number => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

export async function tasksFor(ctx: Ctx, user: User, today: string): Promise<Task[]> {
  const scope = scopeOf(user);
  const tasks: Task[] = [];
  type R = { id: number; body_id: number; name: string; year: number; status: string; return_note: string | null };
  const wanted = user.role === 'editor' ? ['returned', 'draft'] : ['submitted'];
  const list = await rows<R>(ctx.db, sql`SELECT r.id, r.body_id, b.name, r.year, r.status, r.return_note FROM reports r
    JOIN bodies b ON b.id = r.body_id
    WHERE ${scope} AND r.status IN (${sql.join(wanted.map((w) => sql`${w}`), sql`, `)})
    ORDER BY r.updated_at LIMIT ${LIMIT}`);
  for (const r of list) {
    const kind = r.status === 'submitted' ? 'review' : r.status === 'returned' ? 'fix-returned' : 'draft';
    const verb = { review: '待审核', 'fix-returned': '被退回，待修改', draft: '草稿待报送' }[kind];
    tasks.push({ kind, reportId: r.id, bodyId: r.body_id, title: `${r.name} ${r.year}年报告${verb}`, due: null,
      note: kind === 'fix-returned' ? r.return_note : null });
  }
  if (user.role !== 'editor') {
    const pending = await rows<{ id: number; agency: string | null; title: string | null }>(ctx.db,
      sql`SELECT id, agency, title FROM reports WHERE status = 'pending' ORDER BY id LIMIT ${LIMIT}`);
    for (const p of pending)
      tasks.push({ kind: 'assign', reportId: p.id, bodyId: null, title: `待确认：${p.title ?? p.agency ?? `报告 ${p.id}`}`,
        due: null, note: null });
  }
  // due dates: the report on last year, for the bodies in scope that have not filed it
  const year = Number(today.slice(0, 4)) - 1;
  type D = { id: number; name: string; level: BodyLevel; due_date: string | null; report_id: number | null };
  const rules = await filingSettings(ctx); // the filing page's due dates: own date, the level's setting, working days
  const due = await rows<D>(
    ctx.db, sql`SELECT b.id, b.name, b.level, b.due_date, r.id AS report_id FROM bodies b
      LEFT JOIN reports r ON r.body_id = b.id AND r.year = ${year}
      WHERE ${scope} AND (r.id IS NULL OR r.status IN ('draft', 'pending')) ORDER BY b.id LIMIT ${LIMIT * 5}`);
  for (const b of due) {
    const date = dueDateOf({ level: b.level, dueDate: bodyDueDate(b.due_date) }, year, rules).due;
    const left = dayDiff(date, today);
    if (left > SOON_DAYS) continue;
    tasks.push({ kind: left < 0 ? 'overdue' : 'due-soon', reportId: b.report_id, bodyId: b.id,
      title: left < 0 ? `${b.name} ${year}年报告已逾期 ${-left} 天未报送` : `${b.name} ${year}年报告 ${left} 天后到期`,
      due: date, note: null });
  }
  return tasks.slice(0, LIMIT);
}
