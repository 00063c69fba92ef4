/** The plan's data, and the builder its sections (plan.ts, plan-iam.ts) add to. */

export type ActionKind = 'create' | 'update';

export interface SetupAction {
  readonly kind: ActionKind;
  /** The API (`iam.googleapis.com`) and its REST method, as in the API reference. */
  readonly service: string;
  readonly method: string;
  /** The resource created or changed (full name). */
  readonly resource: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly reason: string;
}

export interface SetupPlan {
  readonly project: string;
  readonly actions: readonly SetupAction[];
  /** What already matches, one line each, for the `=` lines of the diff. */
  readonly unchanged: readonly string[];
  /** What the plan cannot fix by itself (an existing bucket elsewhere, a lazily created agent). */
  readonly notes: readonly string[];
}

/** Collects the plan as the sections below add to it. */
export class PlanBuilder {
  readonly actions: SetupAction[] = [];
  readonly unchanged: string[] = [];
  readonly notes: string[] = [];

  create(service: string, method: string, resource: string, reason: string, body = {}): void {
    this.actions.push({ kind: 'create', service, method, resource, body, reason });
  }

  update(service: string, method: string, resource: string, reason: string, body = {}): void {
    this.actions.push({ kind: 'update', service, method, resource, body, reason });
  }
}
