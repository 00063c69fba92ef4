/**
 * Plumbing the GCP setup emulators share: long-running operations, request bodies, Google's
 * 403 with its ErrorInfo, fault controls and starting a server over the shared clock, faults
 * and request log.
 */
import type { GcpWorld } from './gcp-setup-state.js';
import {
  callCounts,
  FaultInjector,
  googleApiError,
  GoogleApiFaults,
  RequestLog,
  startHttpServer,
  type EmulatorRequest,
  type EmulatorResponse,
  type Route,
} from './http-server.js';

export interface PendingOperation {
  name: string;
  metadata?: Record<string, unknown>;
  pollsLeft: number;
  run: () => { response?: Record<string, unknown>; error?: { code: number; message: string } };
  result?: { response?: Record<string, unknown>; error?: { code: number; message: string } };
}

/** Long-running operations of every setup emulator, by name. */
export class OperationStore {
  readonly #operations = new Map<string, PendingOperation>();

  /**
   * A long-running operation done after `polls` operations.get calls (0: done in the answer).
   * `run` makes the change when it completes and gives the response (or an error).
   */
  start(
    name: string,
    polls: number,
    run: PendingOperation['run'],
    metadata?: Record<string, unknown>,
  ): Record<string, unknown> {
    const op: PendingOperation = { name, pollsLeft: polls, run, ...(metadata ? { metadata } : {}) };
    this.#operations.set(name, op);
    if (polls <= 0) op.result = run();
    return operationJson(op);
  }

  /** operations.get: one poll; the operation's change happens on the poll that completes it. */
  poll(name: string): Record<string, unknown> | undefined {
    const op = this.#operations.get(name);
    if (!op) return undefined;
    if (!op.result) {
      op.pollsLeft -= 1;
      if (op.pollsLeft <= 0) op.result = op.run();
    }
    return operationJson(op);
  }

  /** Completes every pending operation (as if each were polled to the end). */
  finishAll(): void {
    for (const op of this.#operations.values()) if (!op.result) op.result = op.run();
  }
}

/** An Operation as Google's REST APIs answer it (`done` absent while pending). */
export function operationJson(op: PendingOperation): Record<string, unknown> {
  return {
    name: op.name,
    ...(op.metadata ? { metadata: op.metadata } : {}),
    ...(op.result ? { done: true } : {}),
    ...(op.result?.error ? { error: { ...op.result.error, details: [] } } : {}),
    ...(op.result && !op.result.error
      ? { response: op.result.response ?? { '@type': 'type.googleapis.com/google.protobuf.Empty' } }
      : {}),
  };
}

/** The body of a request as an object (empty for none). */
export function bodyOf(request: EmulatorRequest): Record<string, unknown> {
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/**
 * Google's 403 for a permission the caller lacks, with the ErrorInfo detail IAM-checked APIs
 * attach (`reason: IAM_PERMISSION_DENIED`, `metadata.permission`), so adapters can name it.
 */
export function permissionDenied(
  permission: string,
  domain: string,
  resource?: string,
): EmulatorResponse {
  const on = resource ? ` on resource '${resource}'` : ' on resource';
  return googleApiError(403, `Permission '${permission}' denied${on} (or it may not exist).`, [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'IAM_PERMISSION_DENIED',
      domain,
      metadata: { permission, ...(resource ? { resource } : {}) },
    },
  ]);
}

/** A requestedPolicyVersion given as a number or a string; 1 when absent. */
export function policyVersion(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 1;
}

/** Fault controls of a setup emulator, by route name (e.g. `iam.serviceAccounts.setIamPolicy`). */
export class GcpApiFaults extends GoogleApiFaults<string> {
  /**
   * The next `count` calls of `route` answer as to a concurrent edit, before they run: 409
   * ABORTED (IAM, Resource Manager; Cloud Storage overrides it with its 412).
   */
  abortNext(count: number, route: string): void {
    this.failNext(count, 409, {
      route,
      message:
        'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.',
    });
  }

  protected override errorBody(status: number, message?: string, reason?: string): unknown {
    const body = super.errorBody(status, message, reason) as { error: { status: string } };
    if (status === 409 && message?.startsWith('There were concurrent'))
      body.error.status = 'ABORTED';
    return body;
  }
}

/** One of the set-up emulators' servers: IAM, Resource Manager, Service Usage or Storage. */
export interface GcpApiEmulator {
  /** `http://127.0.0.1:<port>`: the `rootUrl` for the API's @googleapis client. */
  readonly url: string;
  /** Failures and latency by route name (e.g. `iam.pools.create`, `storage.buckets.setIamPolicy`). */
  readonly faults: GcpApiFaults;
  readonly requests: RequestLog;
  /** Calls received, by route name. */
  calls(): Record<string, number>;
  close(): Promise<void>;
}

/** Starts one of the setup emulators' servers over the shared clock, faults and log. */
export async function startGoogleApi(
  name: string,
  routes: Route[],
  world: GcpWorld,
  options: { faults?: FaultInjector; requests?: RequestLog },
  faults?: (injector: FaultInjector, names: Record<string, string>) => GcpApiFaults,
): Promise<GcpApiEmulator> {
  const injector = options.faults ?? new FaultInjector();
  const log = options.requests ?? new RequestLog();
  const server = await startHttpServer({ name, routes, faults: injector, log, clock: world.clock });
  const names = Object.fromEntries(routes.map((r) => [r.name, r.name]));
  return {
    url: server.url,
    faults: faults ? faults(injector, names) : new GcpApiFaults(injector, name, names),
    requests: log,
    calls: () => callCounts(log, name, names),
    close: () => server.close(),
  };
}
