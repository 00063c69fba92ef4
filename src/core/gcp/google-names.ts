import { UserError } from '../errors.js';

/** Google Cloud project ids and regions, checked before any call names them. */

const REGION = /^(us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d+$/;

export function checkRegion(region: string): string {
  const trimmed = region.trim();
  if (!REGION.test(trimmed)) {
    throw new UserError(`region "${region}" is not a Google Cloud region`, {
      fix: 'Use a Vertex AI region such as us-central1, europe-west4 or asia-southeast1 (not a zone like us-central1-a, nor a multi-region like us).',
    });
  }
  return trimmed;
}

export function checkProjectId(project: string): string {
  const trimmed = project.trim();
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(trimmed) && !/^\d+$/.test(trimmed)) {
    throw new UserError(`project "${project}" is not a project ID or number`, {
      fix: 'Give the project ID (6-30 lowercase letters, digits and hyphens) or its number.',
    });
  }
  return trimmed;
}
