import type { IamPolicy } from '../../../core/gcp-setup/iam-policy.js';

/**
 * Artifact Registry, as setup needs it: a repository's format, creating one, and its IAM
 * policy. It is a port, not a client here: the product already talks to Artifact Registry
 * through @google-cloud/artifact-registry (docker-repositories.ts), and no @googleapis
 * discovery client for it is installed. The command passes an implementation; tests a fake.
 *
 * Failures must keep Google's HTTP status readable (`code` or `response.status` as a number):
 * 404 means absent, 409 ABORTED a stale etag (re-read and retry), 403 a missing permission.
 */
export interface RepositoryRegistry {
  /** The repository's format (`DOCKER`, `KFP`), or undefined when it does not exist. */
  format(name: string): Promise<string | undefined>;
  /** Creates `name` (projects/P/locations/L/repositories/ID) and waits until it exists. */
  create(name: string, body: { repositoryId: string; format: string }): Promise<void>;
  /** The policy, read with requestedPolicyVersion 3. */
  getIamPolicy(name: string): Promise<IamPolicy>;
  /** Writes the policy (with the etag it was read with). */
  setIamPolicy(name: string, policy: IamPolicy): Promise<IamPolicy>;
}
