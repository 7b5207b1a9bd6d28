// The one place that decides what each role may do. The public (no session) sees published reports and
// aggregates only; an editor writes its own body's reports; a supervisor reviews the bodies under its region or
// its parent body (those whose region lies in its region's subtree, and the body it supervises from with every
// body under it through parent links); an admin may do everything. The workflow state machine lives here too, so
// that the `actions` a report offers and the checks on each write can never disagree.
import type { Body, ReportStatus, ReportSummary, User, WorkflowAction } from '../model/api.js';

/** What a report must tell us for an access decision. */
export type ReportRef = Pick<ReportSummary, 'status' | 'bodyId' | 'regionCode'>;

/** Everything beyond the workflow actions that needs a decision about one report. */
export type ReportRight = WorkflowAction | 'read' | 'recheck' | 'decide' | 'audit';

/** Which states each workflow action may start from (an edit after acceptance goes back to review). */
export const FROM_STATES: Record<WorkflowAction, readonly ReportStatus[]> = {
  edit: ['draft', 'returned', 'accepted', 'published'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  publish: ['accepted'],
  assign: ['pending'],
};

const ACTIONS: WorkflowAction[] = ['edit', 'submit', 'return', 'accept', 'publish', 'assign'];

/** States whose version is under review and may not change in place. */
export const LOCKED: readonly ReportStatus[] = ['submitted'];

export class Access {
  /**
   * For a supervisor: `subtree`, every region code under (and including) its region; `bodies`, the body it
   * supervises from (User.bodyId) and every body under it.
   */
  constructor(readonly user: User | null, private readonly subtree: ReadonlySet<string> = new Set(),
    private readonly bodies: ReadonlySet<number> = new Set()) {}

  get signedIn(): boolean {
    return this.user !== null;
  }

  get isAdmin(): boolean {
    return this.user?.role === 'admin';
  }

  /** a supervisor or admin: the reviewing roles */
  get reviews(): boolean {
    return this.user?.role === 'supervisor' || this.isAdmin;
  }

  /** whether this user supervises the region (admin: every region; unknown region: admin only) */
  supervisesRegion(code: string | null): boolean {
    if (this.isAdmin) return true;
    return this.user?.role === 'supervisor' && code !== null && this.subtree.has(code);
  }

  /** whether this user supervises the body: by its region, or as a body under its parent body (admin: all) */
  supervisesBody(body: { id?: number | null; regionCode: string | null }): boolean {
    if (this.supervisesRegion(body.regionCode)) return true;
    return this.user?.role === 'supervisor' && body.id != null && this.bodies.has(body.id);
  }

  /** an editor's own body */
  ownsBody(bodyId: number | null): boolean {
    return this.user?.role === 'editor' && bodyId !== null && this.user.bodyId === bodyId;
  }

  /**
   * May create or change this body, or give it these fields: admin; a supervisor when the body's region is in
   * its subtree, or when the body hangs under its parent body (its parent is in the body subtree, or it is that
   * parent itself).
   */
  canWriteBody(body: Pick<Body, 'regionCode'> & { id?: number; parentId?: number | null }): boolean {
    if (this.supervisesRegion(body.regionCode)) return true;
    if (this.user?.role !== 'supervisor') return false;
    return (body.id !== undefined && body.id === this.user.bodyId)
      || (body.parentId != null && this.bodies.has(body.parentId));
  }

  /** only published data: the public, and signed-in users outside their own scope */
  publishedOnlyFor(regionCode: string | null): boolean {
    return !this.supervisesRegion(regionCode);
  }

  /** the user's part in a report: owner (its editor), reviewer (supervisor over it, admin), or none */
  private part(r: ReportRef): 'owner' | 'reviewer' | null {
    if (this.isAdmin) return 'reviewer';
    if (this.ownsBody(r.bodyId)) return 'owner';
    // a pending report has no body yet: any supervisor may see it to assign it (to a body in its subtree)
    if (this.user?.role === 'supervisor' && (r.status === 'pending' ? r.regionCode === null ||
      this.subtree.has(r.regionCode) : this.supervisesBody({ id: r.bodyId, regionCode: r.regionCode }))) {
      return 'reviewer';
    }
    return null;
  }

  can(right: ReportRight, r: ReportRef): boolean {
    const part = this.part(r);
    switch (right) {
      case 'read': return r.status === 'published' || part !== null;
      case 'recheck': case 'audit': return part !== null && r.status !== 'pending';
      case 'decide': return part === 'reviewer' && r.status !== 'pending';
      case 'edit': return part !== null && FROM_STATES.edit.includes(r.status);
      case 'submit': return (part === 'owner' || this.isAdmin) && FROM_STATES.submit.includes(r.status);
      case 'return': case 'accept': case 'assign': return part === 'reviewer' && FROM_STATES[right].includes(r.status);
      case 'publish': return part !== null && FROM_STATES.publish.includes(r.status);
    }
  }

  /** the workflow actions this user may take on the report now (ReportDetail.actions) */
  actions(r: ReportRef): WorkflowAction[] {
    return ACTIONS.filter((a) => this.can(a, r));
  }

  /** whether a refusal should say "wrong state" (409) rather than "not yours" (403/401) */
  wouldAllowInAnotherState(right: WorkflowAction, r: ReportRef): boolean {
    return this.can(right, { ...r, status: FROM_STATES[right][0] });
  }
}
