import type { ActionKind, SetupPlan } from './plan-builder.js';

/** The plan as the user sees it before anything is applied (`--dry-run` stops here). */

const MARK: Record<ActionKind, string> = { create: '+', update: '~' };

/** The plan as a diff: `+` create, `~` update, `=` unchanged, then notes and a count. */
export function renderPlanText(plan: SetupPlan): string {
  const lines = [`Set-up plan for project ${plan.project}:`];
  for (const action of plan.actions)
    lines.push(`${MARK[action.kind]} ${action.method} ${action.resource}: ${action.reason}`);
  for (const line of plan.unchanged) lines.push(`= ${line}`);
  for (const note of plan.notes) lines.push(`! ${note}`);
  const creates = plan.actions.filter((a) => a.kind === 'create').length;
  lines.push(
    plan.actions.length === 0
      ? `Nothing to do: ${plan.unchanged.length} resources and grants already in place.`
      : `${creates} to create, ${plan.actions.length - creates} to update, ${plan.unchanged.length} unchanged.`,
  );
  return lines.join('\n');
}

/** The plan for `--format json`: the actions as the API calls they are. */
export function renderPlanJson(plan: SetupPlan): string {
  return JSON.stringify(plan, null, 2);
}
