/**
 * Long-running Vertex operations (upload, deploy, undeploy, deletes, endpoint creation), for
 * ./vertex-models.ts and ./vertex-endpoints.ts: how gax polls them, waiting with progress lines
 * and a deadline, resuming a poll that failed on a transient error; and the deadline a call
 * without one of its own (a prediction) is raced against.
 */
import { RemoteFailure } from '../../core/errors.js';
import { TRANSIENT_RPC_CODES } from '../../core/gcp/grpc-codes.js';
import { explainGoogleError, grpcCode, type ClientSession } from './google-client.js';

/** gax's view of a long-running operation, as much as this module uses. */
export interface Operation<Result> {
  readonly name?: string | null;
  promise(): Promise<[Result, unknown, unknown]>;
}

/** What waiting on an operation needs of the connection's options (VertexServingOptions). */
export interface OperationOptions {
  readonly onRetry?: (message: string) => void;
  /** Called while a long operation runs, at most every `progressEveryMs`. */
  readonly onProgress?: (message: string) => void;
  /** Deadline of each long-running operation. */
  readonly operationTimeoutMs: number;
  readonly progressEveryMs?: number;
}

/**
 * How gax polls an operation: at once, then after 250 ms, growing ×1.5 to at most 15 s (its
 * default grows to 60 s, a minute of lag at the end of a half-hour deploy). The deadline is
 * ours (withDeadline), so no total timeout here.
 */
export const POLLING = {
  longrunning: {
    initialRetryDelayMillis: 250,
    retryDelayMultiplier: 1.5,
    maxRetryDelayMillis: 15_000,
    initialRpcTimeoutMillis: null,
    rpcTimeoutMultiplier: null,
    maxRpcTimeoutMillis: null,
    totalTimeoutMillis: null,
  },
};

/**
 * Starts an operation and waits for it: polling 0.5 s × 1.5 up to 15 s, a progress line at
 * most every 30 s, and a deadline. A failed poll (a network blip) resumes by operation name
 * instead of losing an operation that is still running.
 */
export async function waitForOperation<Client extends { close(): Promise<void> }>(
  options: OperationOptions,
  session: ClientSession<Client>,
  purpose: string,
  start: (client: Client) => Promise<[Operation<unknown>, ...unknown[]]>,
  resume: (client: Client, name: string) => Promise<Operation<unknown>>,
): Promise<unknown> {
  const { operationTimeoutMs, onProgress } = options;
  const began = Date.now();
  const every = options.progressEveryMs ?? 30_000;
  const ticker = setInterval(() => {
    onProgress?.(`${purpose}: still running after ${Math.round((Date.now() - began) / 1000)}s`);
  }, every);
  ticker.unref();
  try {
    let [operation] = await session.call(purpose, start);
    for (let resumes = 0; ; resumes++) {
      const remaining = operationTimeoutMs - (Date.now() - began);
      try {
        const [result] = await withDeadline(operation.promise(), remaining, purpose);
        return result;
      } catch (error) {
        const code = grpcCode(error);
        const transient = code !== undefined && TRANSIENT_RPC_CODES.has(code);
        const name = operation.name;
        if (error instanceof DeadlineError) throw error.toFailure(operationTimeoutMs);
        if (!transient || !name || resumes >= 5 || Date.now() - began >= operationTimeoutMs)
          throw explainGoogleError(purpose, error);
        options.onRetry?.(`${purpose}: polling failed (${code}); resuming ${name}`);
        operation = await session.call(`${purpose} (resume)`, (c) => resume(c, name));
      }
    }
  } finally {
    clearInterval(ticker);
  }
}

export class DeadlineError extends Error {
  constructor(readonly purpose: string) {
    super(`${purpose} did not finish in time`);
  }

  toFailure(timeoutMs: number): Error {
    return new RemoteFailure(
      `Failed to ${this.purpose}: the operation did not finish within ${Math.round(timeoutMs / 60_000)} minutes; it may still complete`,
      {
        fix: 'Check the operation in the Vertex console, and raise deploy-timeout if deploys take this long.',
      },
    );
  }
}

export async function withDeadline<T>(work: Promise<T>, ms: number, purpose: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(purpose)), Math.max(ms, 0));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
