import { isMapping, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import type { PermissionName, TokenGrant } from '../emulators/github-api.js';

/**
 * GITHUB_TOKEN permissions as GitHub computes them: `read-all`, `write-all`, `{}` or a mapping
 * (scopes not listed are `none`); a job without `permissions:` takes its workflow's, a workflow
 * without them the repository default, and a called workflow's jobs the calling job's, which they
 * may narrow but never exceed.
 */

const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;

export type PermissionScope = (typeof SCOPES)[number];
export type Access = 'none' | 'read' | 'write';
export type Permissions = Readonly<Record<PermissionScope, Access>>;

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };

function uniform(access: Access): Permissions {
  return Object.fromEntries(SCOPES.map((scope) => [scope, access])) as Record<
    PermissionScope,
    Access
  >;
}

/** The repository setting "Workflow permissions" (docs: "Permissions for the GITHUB_TOKEN"). */
export function defaultPermissions(kind: 'restricted' | 'permissive'): Permissions {
  return kind === 'restricted'
    ? { ...uniform('none'), contents: 'read', packages: 'read' }
    : { ...uniform('write'), 'id-token': 'none', models: 'read' };
}

/** A `permissions:` value, or undefined when the key is absent. */
export function parsePermissions(token: TemplateToken | undefined): Permissions | undefined {
  if (!token) return undefined;
  if (isString(token)) {
    if (token.value === 'read-all') return uniform('read');
    if (token.value === 'write-all') return uniform('write');
    throw new Error(`Unexpected permissions value '${token.value}'`);
  }
  if (!isMapping(token)) throw new Error('permissions must be a mapping, read-all or write-all');
  const result: Record<PermissionScope, Access> = { ...uniform('none') };
  for (const pair of token) {
    const scope = pair.key.assertString('permission scope').value as PermissionScope;
    result[scope] = pair.value.assertString(`permission ${scope}`).value as Access;
  }
  return result;
}

/** Every scope at most `ceiling`'s: what a fork's pull request gets (nothing above read). */
export function capAt(permissions: Permissions, ceiling: Access): Permissions {
  return Object.fromEntries(
    SCOPES.map((scope) => [
      scope,
      RANK[permissions[scope]] > RANK[ceiling] ? ceiling : permissions[scope],
    ]),
  ) as Record<PermissionScope, Access>;
}

/**
 * GitHub's startup error when a called workflow's job asks for more than its caller gives it,
 * or undefined when `requested` fits within `allowed`.
 */
export function exceeding(
  jobId: string,
  requested: Permissions,
  allowed: Permissions,
): string | undefined {
  const over = SCOPES.filter((scope) => RANK[requested[scope]] > RANK[allowed[scope]]);
  if (over.length === 0) return undefined;
  return (
    `The nested job '${jobId}' is requesting ` +
    `${over.map((scope) => `'${scope}: ${requested[scope]}'`).join(', ')}, but is only allowed ` +
    `${over.map((scope) => `'${scope}: ${allowed[scope]}'`).join(', ')}.`
  );
}

/** The scopes the GitHub API emulator checks, under its (REST) names. */
const EMULATED: Partial<Record<PermissionScope, PermissionName>> = {
  checks: 'checks',
  contents: 'contents',
  issues: 'issues',
  'pull-requests': 'pull_requests',
};

/** The grant a job's GITHUB_TOKEN carries in the emulator: exactly the job's permissions. */
export function tokenGrant(permissions: Permissions): TokenGrant {
  const granted: TokenGrant['permissions'] = {};
  for (const [scope, name] of Object.entries(EMULATED) as Array<
    [PermissionScope, PermissionName]
  >) {
    const access = permissions[scope];
    if (access !== 'none') granted[name] = access;
  }
  return { kind: 'github-token', permissions: granted };
}
