import type { protos } from '@google-cloud/aiplatform';
import { aiplatformHelpers } from '#google-cloud';

/** What the emulator tests share about calling Google's clients and reading their errors. */

type IValue = protos.google.protobuf.IValue;

/** The error a call rejects with (fails the test when it resolves). */
export async function failure(call: Promise<unknown>): Promise<Error & { code?: unknown }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { code?: unknown };
  }
  throw new Error('the call succeeded');
}

/** The `error.message` of a Google error body (HTTP errors), or the message itself (LROs). */
export function apiMessage(error: Error): string {
  try {
    return (JSON.parse(error.message) as { error: { message: string } }).error.message;
  } catch {
    return error.message;
  }
}

/** Runs an LRO call to completion the way the product does: `op.promise()`. */
export async function done<T>(
  call: Promise<[{ promise(): Promise<[T, unknown, unknown]> }, unknown, unknown]>,
): Promise<T> {
  const [op] = await call;
  const [response] = await op.promise();
  return response;
}

/** helpers.toValue, typed for any JSON value (its declaration takes objects only). */
export function toValue(value: unknown): IValue {
  return aiplatformHelpers.toValue(value as object) as IValue;
}

export function fromValue(value: IValue | null | undefined): unknown {
  return aiplatformHelpers.fromValue(value as Parameters<typeof aiplatformHelpers.fromValue>[0]);
}
