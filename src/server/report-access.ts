// Loading a report for a request with one access decision: a report the user may not read is "not found" (its
// existence is not disclosed); one it may read but not change is 401/403; a right it would have in another
// workflow state is 409. The detail goes out with the actions this user may take now.
import type { FastifyRequest } from 'fastify';
import type { ReportDetail, WorkflowAction } from '../model/api.js';
import type { ReportRight } from './access.js';
import { conflict, denied, notFound } from './errors.js';

const WORKFLOW: readonly string[] = ['edit', 'submit', 'return', 'accept', 'publish', 'assign'];

export async function reportFor(req: FastifyRequest, id: number, right: ReportRight = 'read'): Promise<ReportDetail> {
  if (right !== 'read' && !req.user) throw denied(false); // the public writes nothing: sign in first
  const detail = await req.server.store.getReport(id);
  if (!detail) throw notFound(`no report ${id}`);
  const access = await req.access();
  if (!access.can('read', detail)) throw notFound(`no report ${id}`);
  if (right !== 'read' && !access.can(right, detail)) {
    if (WORKFLOW.includes(right) && access.wouldAllowInAnotherState(right as WorkflowAction, detail)) {
      throw conflict(`report ${id} is ${detail.status}: cannot ${right} it now`);
    }
    throw denied(access.signedIn, `not allowed to ${right} report ${id}`);
  }
  return { ...detail, actions: access.actions(detail) };
}

/** The report as it stands after a write, with fresh actions. */
export async function freshDetail(req: FastifyRequest, id: number): Promise<ReportDetail> {
  return reportFor(req, id, 'read');
}
