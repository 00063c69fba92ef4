/**
 * What the project-setup adapter tests share: the setup config for acme/ml, clients from the
 * adapter's own clients.ts pointed at the emulators, an in-memory Artifact Registry (the
 * emulators have none with IAM policies), and fast retry timings.
 */
import type { IamPolicy } from '../../../src/core/gcp-setup/iam-policy.js';
import { createSetupClients } from '../../../src/adapters/gcp/project-setup/clients.js';
import { applyPlan, type ApplyOptions } from '../../../src/adapters/gcp/project-setup/apply.js';
import type { SetupClients } from '../../../src/adapters/gcp/project-setup/clients.js';
import { observeProject } from '../../../src/adapters/gcp/project-setup/observe.js';
import { desiredState } from '../../../src/core/gcp-setup/desired-state.js';
import { planSetup } from '../../../src/core/gcp-setup/plan.js';
import type { RepositoryRegistry } from '../../../src/adapters/gcp/project-setup/repositories.js';
import type { GcpSetupEmulators } from '../../emulators/gcp-setup-emulators.js';

import { CONFIG, PROJECT_NUMBER } from '../../core/gcp-setup/fixtures.js';

export { CONFIG, PROJECT_NUMBER };

/** What a project set up for CONFIG holds. */
export const DESIRED = desiredState(CONFIG, PROJECT_NUMBER);

export const TOKEN = 'setup-token';

export function clientsFor(gcp: GcpSetupEmulators, token = TOKEN) {
  return createSetupClients({ token: () => Promise.resolve(token), endpoints: gcp.urls });
}

/** Retries and polls in milliseconds; each onRetry line is kept for assertions. */
export function fastOptions(registry: RepositoryRegistry, retries: string[] = []): ApplyOptions {
  return {
    repositories: registry,
    onRetry: (message) => retries.push(message),
    propagationLimitMs: 30,
    backoff: { initialMs: 1, maxMs: 5 },
  };
}

/** Artifact Registry in memory: formats and policies with etags (409 ABORTED when stale). */
export class FakeRepositories implements RepositoryRegistry {
  readonly formats = new Map<string, string>();
  readonly policies = new Map<string, IamPolicy>();
  #etag = 0;

  format(name: string): Promise<string | undefined> {
    return Promise.resolve(this.formats.get(name));
  }

  create(name: string, body: { repositoryId: string; format: string }): Promise<void> {
    this.formats.set(name, body.format);
    this.policies.set(name, { bindings: [], etag: this.#nextEtag(), version: 1 });
    return Promise.resolve();
  }

  getIamPolicy(name: string): Promise<IamPolicy> {
    const policy = this.policies.get(name);
    if (!policy) return Promise.reject(Object.assign(new Error('not found'), { code: 404 }));
    return Promise.resolve(policy);
  }

  setIamPolicy(name: string, policy: IamPolicy): Promise<IamPolicy> {
    if (policy.etag !== this.policies.get(name)?.etag)
      return Promise.reject(Object.assign(new Error('ABORTED'), { code: 409 }));
    const written = { ...policy, etag: this.#nextEtag() };
    this.policies.set(name, written);
    return Promise.resolve(written);
  }

  #nextEtag(): string {
    this.#etag += 1;
    return `etag-${this.#etag}`;
  }
}

/**
 * `setup gcp`'s steps through the adapters, for CONFIG: `observe` reads the project, `setup`
 * observes, plans and applies, and answers the plan it carried out.
 */
export function setupSteps(
  clients: SetupClients,
  registry: RepositoryRegistry,
  retries: string[] = [],
): {
  observe: () => ReturnType<typeof observeProject>;
  setup: () => Promise<ReturnType<typeof planSetup>>;
} {
  const observe = () => observeProject(clients, DESIRED, { repositories: registry });
  const setup = async () => {
    const plan = planSetup(DESIRED, await observe());
    await applyPlan(clients, CONFIG.projectId, plan.actions, fastOptions(registry, retries));
    return plan;
  };
  return { observe, setup };
}
