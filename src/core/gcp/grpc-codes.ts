/**
 * google.rpc.Code, the status every Google API error carries: one table for the client
 * adapters (which read it from errors) and the emulators (which answer with it).
 */
export const RPC_CODES = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;
export type RpcCodeName = keyof typeof RPC_CODES;

/** The gRPC status Google's REST front end gives each HTTP status. */
export const HTTP_TO_RPC: Readonly<Record<number, RpcCodeName>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Failures that a later attempt can get past: quota (429), outage (503), internal, timeout. */
export const TRANSIENT_RPC_CODES: ReadonlySet<number> = new Set([
  RPC_CODES.DEADLINE_EXCEEDED,
  RPC_CODES.RESOURCE_EXHAUSTED,
  RPC_CODES.INTERNAL,
  RPC_CODES.UNAVAILABLE,
]);
