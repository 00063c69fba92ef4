/**
 * Small readers shared by the Vertex serving modules (./vertex-models.ts,
 * ./vertex-endpoints.ts, ./vertex-serving.ts): a response's string field, and the list filter
 * for a label.
 */
import { text } from './google-client.js';

/** A string field, '' when absent: these plain types keep every field. */
export function field(value: unknown): string {
  return text(value) ?? '';
}

/** `labels.KEY="VALUE"`: the list filter Vertex understands for labels. */
export function labelFilter(key: string, value: string): string {
  return `labels.${key}="${value}"`;
}
