import { UserError } from '../../core/errors.js';
import { HttpError, requestJson } from '../http.js';

/**
 * A repository as GitHub knows it: its canonical OWNER/NAME and the numeric ids a workload
 * identity condition pins (a deleted name can be registered again by someone else; an id cannot).
 */
export interface RepositoryIdentity {
  readonly fullName: string;
  readonly id: string;
  readonly ownerId: string;
}

/** GET /repos/OWNER/NAME; a token is needed for a private repository only. */
export async function lookUpRepository(
  repository: string,
  options: { readonly token?: string | undefined; readonly apiUrl?: string | undefined },
): Promise<RepositoryIdentity> {
  const api = (options.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'mlops-platform',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
  try {
    const found = await requestJson<{ full_name: string; id: number; owner: { id: number } }>(
      `read ${repository} from GitHub`,
      `${api}/repos/${repository}`,
      { headers },
    );
    return { fullName: found.full_name, id: String(found.id), ownerId: String(found.owner.id) };
  } catch (error) {
    if (error instanceof HttpError && (error.status === 404 || error.status === 401))
      throw new UserError(`GitHub does not show the repository ${repository} to this caller`, {
        fix: options.token
          ? 'Check repository (OWNER/NAME) and that the token can read it.'
          : 'Check repository (OWNER/NAME); a private repository needs github-token (or GH_TOKEN) to be read, or give repository-id and repository-owner-id.',
      });
    throw error;
  }
}
