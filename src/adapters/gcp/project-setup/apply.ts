import { RemoteFailure, UserError } from '../../../core/errors.js';
import { addMembers, type WantedMember } from '../../../core/gcp-setup/iam-policy.js';
import type { SetupAction } from '../../../core/gcp-setup/plan.js';
import type { SetupClients } from './clients.js';
import { googleMessage, httpStatus, isStalePolicy, reportGoogleError } from './google-errors.js';
import { policyEndpoint } from './policies.js';
import type { RepositoryRegistry } from './repositories.js';

/**
 * Carries out a setup plan's actions in order (plan.ts puts them in dependency order: APIs,
 * pool, provider, role and accounts, storage, then grants). Each action is one call, waited on
 * when Google answers with a long-running operation; IAM grants are read-modify-write with the
 * etag. Google applies IAM and API changes eventually (minutes), so a 403 or 404 after this run
 * changed something is waited out, within a limit, and each wait is reported.
 */

export interface ApplyOptions {
  readonly repositories?: RepositoryRegistry;
  /** One line per wait or retry ("… retrying in 4 s"), for the log. */
  readonly onRetry?: (message: string) => void;
  /** Called before each action, for progress. */
  readonly onAction?: (action: SetupAction, index: number) => void;
  /** How long a 403/404 may last after a change before it is the user's. Default 10 minutes. */
  readonly propagationLimitMs?: number;
  /** How long one long-running operation may take. Default 10 minutes. */
  readonly operationTimeoutMs?: number;
  /** Back-off between polls and retries: doubles from initialMs up to maxMs. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** Read-modify-write attempts of one policy when others keep editing it. Default 5. */
  readonly policyAttempts?: number;
  readonly signal?: AbortSignal;
}

const MINUTES = 60_000;

interface Operation {
  name?: string | null;
  done?: boolean | null;
  error?: { code?: number | null; message?: string | null } | null;
}

export async function applyPlan(
  clients: SetupClients,
  project: string,
  actions: readonly SetupAction[],
  options: ApplyOptions = {},
): Promise<void> {
  const run = new ApplyRun(clients, project, options);
  for (const [index, action] of actions.entries()) {
    options.signal?.throwIfAborted();
    options.onAction?.(action, index);
    await run.apply(action);
  }
}

class ApplyRun {
  /** Set once this run changed something Google propagates (an API, an account, a policy). */
  #changed = false;
  readonly #backoff: { initialMs: number; maxMs: number };

  constructor(
    readonly clients: SetupClients,
    readonly project: string,
    readonly options: ApplyOptions,
  ) {
    this.#backoff = { initialMs: 1000, maxMs: 15_000, ...options.backoff };
  }

  async apply(action: SetupAction): Promise<void> {
    const doing = `${action.method} ${action.resource}`;
    if (action.method === 'setIamPolicy') {
      await this.#grant(action.resource, (action.body as { add: WantedMember[] }).add);
      return;
    }
    const operation = await this.#call(doing, () => this.#start(action)).catch((error) => {
      if (alreadyDone(action, error)) return undefined;
      throw reportGoogleError(doing, this.project, error);
    });
    if (operation) await this.#wait(doing, operation, this.#poller(action));
    this.#changed = true;
  }

  /** The call for each planned method; LRO methods return the Operation, the rest undefined. */
  async #start(action: SetupAction): Promise<Operation | undefined> {
    const { iam, usage, usageBeta, storage } = this.clients;
    const name = action.resource;
    const body = action.body as Record<string, unknown>;
    const pools = iam.projects.locations.workloadIdentityPools;
    const parentOf = (child: string) => name.slice(0, name.lastIndexOf(`/${child}/`));
    const { updateMask, ...patch } = body as { updateMask?: string };
    switch (action.method) {
      case 'services.batchEnable':
        return (await usage.services.batchEnable({ parent: name, requestBody: body })).data;
      case 'services.generateServiceIdentity':
        return (await usageBeta.services.generateServiceIdentity({ parent: name })).data;
      case 'projects.locations.workloadIdentityPools.create': {
        const { workloadIdentityPoolId, ...rest } = body as { workloadIdentityPoolId: string };
        const parent = parentOf('workloadIdentityPools');
        return (await pools.create({ parent, workloadIdentityPoolId, requestBody: rest })).data;
      }
      case 'projects.locations.workloadIdentityPools.undelete':
        return (await pools.undelete({ name, requestBody: {} })).data;
      case 'projects.locations.workloadIdentityPools.patch':
        return (await pools.patch({ name, updateMask, requestBody: patch })).data;
      case 'projects.locations.workloadIdentityPools.providers.create': {
        const { workloadIdentityPoolProviderId, ...rest } = body as {
          workloadIdentityPoolProviderId: string;
        };
        const parent = parentOf('providers');
        return (
          await pools.providers.create({
            parent,
            workloadIdentityPoolProviderId,
            requestBody: rest,
          })
        ).data;
      }
      case 'projects.locations.workloadIdentityPools.providers.undelete':
        return (await pools.providers.undelete({ name, requestBody: {} })).data;
      case 'projects.locations.workloadIdentityPools.providers.patch':
        return (await pools.providers.patch({ name, updateMask, requestBody: patch })).data;
      case 'projects.roles.create':
        await iam.projects.roles.create({ parent: parentOf('roles'), requestBody: body });
        return undefined;
      case 'projects.roles.undelete': {
        // The etag guards against undeleting a role someone changed meanwhile.
        const { data: role } = await iam.projects.roles.get({ name });
        await iam.projects.roles.undelete({ name, requestBody: { etag: role.etag ?? null } });
        return undefined;
      }
      case 'projects.roles.patch':
        await iam.projects.roles.patch({ name, updateMask, requestBody: patch });
        return undefined;
      case 'projects.serviceAccounts.create':
        await iam.projects.serviceAccounts.create({
          name: parentOf('serviceAccounts'),
          requestBody: body,
        });
        return undefined;
      case 'buckets.insert': {
        const { project, ...rest } = body as { project: string };
        await storage.buckets.insert({ project, requestBody: rest });
        return undefined;
      }
      case 'projects.locations.repositories.create': {
        if (!this.options.repositories)
          throw new Error(`No Artifact Registry client was given to create ${name}`);
        await this.options.repositories.create(
          name,
          body as { repositoryId: string; format: string },
        );
        return undefined;
      }
      default:
        throw new Error(`setup cannot carry out ${action.service} ${action.method}`);
    }
  }

  /** operations.get of the API that started the operation (the path is the operation's name). */
  #poller(action: SetupAction): (name: string) => Promise<Operation> {
    const { iam, usage, usageBeta } = this.clients;
    if (action.method === 'services.generateServiceIdentity')
      return async (name) => (await usageBeta.operations.get({ name })).data;
    if (action.service === 'serviceusage.googleapis.com')
      return async (name) => (await usage.operations.get({ name })).data;
    return async (name) =>
      (await iam.projects.locations.workloadIdentityPools.operations.get({ name })).data;
  }

  /** Polls until done, with a doubling delay; an operation's error is Google's failure. */
  async #wait(doing: string, first: Operation, get: (name: string) => Promise<Operation>) {
    const limit = this.options.operationTimeoutMs ?? 10 * MINUTES;
    const started = Date.now();
    let operation = first;
    let delay = this.#backoff.initialMs;
    while (!operation.done) {
      if (Date.now() - started > limit)
        throw new RemoteFailure(`Google did not finish ${doing} within ${seconds(limit)}`, {
          fix: `Check the operation ${operation.name ?? ''} later, then run setup again.`,
        });
      await this.#sleep(delay);
      delay = Math.min(delay * 2, this.#backoff.maxMs);
      const name = operation.name ?? '';
      operation = await this.#call(`poll ${name}`, () => get(name)).catch((error: unknown) => {
        throw reportGoogleError(`follow ${doing}`, this.project, error);
      });
    }
    if (operation.error)
      throw new RemoteFailure(
        `Google failed to ${doing}: ${operation.error.message ?? 'no message'}`,
        {
          fix: 'Run setup again: it continues with what is still missing.',
        },
      );
  }

  /**
   * Adds the members to the resource's policy: read (v3), addMembers, write with the etag read.
   * A write refused because the policy changed meanwhile (409 ABORTED, Storage 412) is redone
   * from a fresh read, so the other party's edit and ours both survive.
   */
  async #grant(resource: string, add: readonly WantedMember[]): Promise<void> {
    const endpoint = policyEndpoint(this.clients, resource, this.options.repositories);
    const attempts = this.options.policyAttempts ?? 5;
    const fail = (error: unknown) => {
      throw reportGoogleError(`edit the IAM policy of ${resource}`, this.project, error);
    };
    for (let attempt = 1; ; attempt += 1) {
      const policy = await this.#call(`read the policy of ${resource}`, () => endpoint.get()).catch(
        fail,
      );
      const updated = addMembers(policy, add);
      if (!updated) return;
      try {
        await this.#call(`write the policy of ${resource}`, () => endpoint.set(updated));
        this.#changed = true;
        return;
      } catch (error) {
        if (!isStalePolicy(error) || attempt >= attempts) fail(error);
        this.options.onRetry?.(
          `The IAM policy of ${resource} changed while setup edited it; reading it again (attempt ${attempt + 1} of ${attempts}).`,
        );
      }
    }
  }

  /**
   * Runs a call; after this run changed something, a 403 (permission or API not yet in effect)
   * or 404 (a new account not yet visible) is retried with back-off until propagationLimitMs.
   */
  async #call<T>(doing: string, call: () => Promise<T>): Promise<T> {
    const limit = this.options.propagationLimitMs ?? 10 * MINUTES;
    const started = Date.now();
    let delay = this.#backoff.initialMs;
    for (;;) {
      try {
        return await call();
      } catch (error) {
        const status = httpStatus(error);
        const propagating = this.#changed && (status === 403 || status === 404);
        if (!propagating || Date.now() - started + delay > limit) throw error;
        this.options.onRetry?.(
          `Could not ${doing} (HTTP ${status}: ${googleMessage(error)}); Google may still be applying earlier changes, retrying in ${seconds(delay)}.`,
        );
        await this.#sleep(delay);
        delay = Math.min(delay * 2, this.#backoff.maxMs);
      }
    }
  }

  async #sleep(ms: number): Promise<void> {
    const { signal } = this.options;
    signal?.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    });
  }
}

/**
 * A create that finds its resource already there is done (another run, or a plan made while
 * an API was still disabled). A bucket name someone else holds is the user's to change.
 */
function alreadyDone(action: SetupAction, error: unknown): boolean {
  if (action.kind !== 'create' || httpStatus(error) !== 409) return false;
  if (action.method !== 'buckets.insert') return !isStalePolicy(error);
  if (/already own it/i.test(googleMessage(error))) return true;
  throw new UserError(`The bucket name in ${action.resource} is taken by another project`, {
    fix: 'Bucket names are global: choose another bucket name.',
    cause: error,
  });
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
