import {
  REQUIREMENTS,
  TRAINER_ROLE_ID,
  type Principal,
  type Requirement,
  type Scope,
} from './permissions.js';

/** Questions setup, doctor and the Terraform export ask of the permissions table. */

/** The permissions of the custom role: every viaCustomRole row's, in table order. */
export function trainerRolePermissions(): string[] {
  return unique(REQUIREMENTS.filter((r) => r.viaCustomRole).flatMap((r) => r.permissions));
}

/** The role actually granted for a row: the custom role's name in `projectId`, or the predefined one. */
export function grantedRole(requirement: Requirement, projectId: string): string {
  return requirement.viaCustomRole
    ? `projects/${projectId}/roles/${TRAINER_ROLE_ID}`
    : requirement.role;
}

/** Everything a command needs, by principal and scope (doctor's testIamPermissions batches). */
export function requirementsOf(command: string): Requirement[] {
  return REQUIREMENTS.filter((r) => r.command === command);
}

/** The (principal, scope, role) grants setup makes, one per distinct triple, in table order. */
export function grants(projectId: string): { principal: Principal; scope: Scope; role: string }[] {
  const seen = new Set<string>();
  const result: { principal: Principal; scope: Scope; role: string }[] = [];
  for (const requirement of REQUIREMENTS) {
    if (requirement.principal === 'setup') continue;
    const role = grantedRole(requirement, projectId);
    const key = `${requirement.principal} ${requirement.scope} ${role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ principal: requirement.principal, scope: requirement.scope, role });
  }
  return result;
}

/**
 * Doctor's sentence for a permission testIamPermissions did not return: which role to grant, on
 * what, and which command needs it. Undefined for a permission no row lists.
 */
export function explainMissingPermission(
  permission: string,
  principal?: Principal,
): { role: string; scope: Scope; commands: string[]; message: string } | undefined {
  const rows = REQUIREMENTS.filter(
    (r) =>
      r.permissions.includes(permission) && (principal === undefined || r.principal === principal),
  );
  const [first] = rows;
  if (!first) return undefined;
  const commands = unique(rows.map((r) => r.command));
  const role = first.viaCustomRole
    ? `${TRAINER_ROLE_ID} (custom; smallest predefined: ${first.role})`
    : first.role;
  return {
    role: first.role,
    scope: first.scope,
    commands,
    message: `missing permission ${permission} (needed by ${commands.join(', ')}) → grant ${role} on the ${first.scope} to the ${first.principal} principal`,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
