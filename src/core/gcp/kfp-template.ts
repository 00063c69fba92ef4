import { UserError } from '../errors.js';
import { checkProjectId, checkRegion } from './google-names.js';

/**
 * Pipeline templates in an Artifact Registry Kubeflow Pipelines repository, addressed the way
 * Vertex and the KFP SDK do: `https://{region}-kfp.pkg.dev/{project}/{repo}/{package}/{ref}`,
 * where ref is a version (`sha256:<hex>`) or a tag. Runs and schedules pin the version.
 */

export interface KfpRepository {
  readonly region: string;
  readonly project: string;
  readonly repository: string;
}

export interface TemplateRef extends KfpRepository {
  readonly packageName: string;
  /** `sha256:<hex>` or a tag. */
  readonly ref: string;
}

const HOST = /^https:\/\/([a-z0-9-]+)-kfp\.pkg\.dev\/([^/]+)\/([^/]+)(?:\/([^/]+)\/([^/]+))?\/?$/;
const REPOSITORY_ID = /^[a-z][a-z0-9-]{0,62}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
export const VERSION_PREFIX = 'sha256:';

export function isTemplateUri(text: string): boolean {
  return /^https:\/\/[a-z0-9-]+-kfp\.pkg\.dev\//.test(text.trim());
}

/** A repository given as its kfp.pkg.dev URL, or as a repository id with project and region. */
export function parseKfpRepository(
  input: string,
  fallback: { project: string | undefined; region: string | undefined },
): KfpRepository {
  const text = input.trim().replace(/\/+$/, '');
  const match = HOST.exec(text);
  if (match) {
    if (match[4] !== undefined)
      throw new UserError(`repository "${input}" names a template, not a repository`, {
        fix: 'Give the repository URL, https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY.',
      });
    return {
      region: checkRegion(match[1] ?? ''),
      project: checkProjectId(match[2] ?? ''),
      repository: match[3] ?? '',
    };
  }
  if (!REPOSITORY_ID.test(text)) {
    throw new UserError(`repository "${input}" is neither a kfp.pkg.dev URL nor a repository id`, {
      fix: 'Give https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY, or the repository id with project-id and region.',
    });
  }
  if (!fallback.project || !fallback.region) {
    throw new UserError(`repository "${input}" needs a project and region`, {
      fix: 'Set project-id and region, or give the full https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY URL.',
    });
  }
  return {
    region: checkRegion(fallback.region),
    project: checkProjectId(fallback.project),
    repository: text,
  };
}

export function parseTemplateUri(uri: string): TemplateRef {
  const match = HOST.exec(uri.trim());
  if (!match || match[4] === undefined || match[5] === undefined) {
    throw new UserError(`"${uri}" is not a pipeline template URI`, {
      fix: 'Use https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY/PACKAGE/TAG (or /sha256:DIGEST).',
    });
  }
  return {
    region: checkRegion(match[1] ?? ''),
    project: checkProjectId(match[2] ?? ''),
    repository: match[3] ?? '',
    packageName: decodeURIComponent(match[4]),
    ref: decodeURIComponent(match[5]),
  };
}

export function repositoryUrl(repository: KfpRepository): string {
  return `https://${repository.region}-kfp.pkg.dev/${repository.project}/${repository.repository}`;
}

export function templateUri(template: TemplateRef): string {
  return `${repositoryUrl(template)}/${template.packageName}/${template.ref}`;
}

export function checkTag(tag: string): string {
  if (tag.startsWith(VERSION_PREFIX) || !TAG.test(tag)) {
    throw new UserError(`tag "${tag}" is not valid`, {
      fix: 'Use letters, digits, dots, hyphens and underscores (at most 128), not starting with sha256:.',
    });
  }
  return tag;
}
