/** Where secrets and variables go: a repository, one of its environments, or an organization. */

export type SecretsTarget =
  | { readonly level: 'repository'; readonly owner: string; readonly repo: string }
  | {
      readonly level: 'environment';
      readonly owner: string;
      readonly repo: string;
      readonly environment: string;
    }
  | {
      readonly level: 'organization';
      readonly org: string;
      readonly visibility: 'all' | 'private' | 'selected';
      readonly selectedRepositoryIds?: readonly number[];
    };

export function describeTarget(target: SecretsTarget): string {
  switch (target.level) {
    case 'repository':
      return `${target.owner}/${target.repo}`;
    case 'environment':
      return `${target.owner}/${target.repo} environment ${target.environment}`;
    case 'organization':
      return `organization ${target.org} (${target.visibility})`;
  }
}
