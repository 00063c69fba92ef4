/**
 * The one place naming this product in code: its name, the GitHub repository the action,
 * reusable workflows and docs live in, and the channel (major-version tag) users pin. At run
 * time the installed package.json decides the repository and version (see actionFromManifest
 * and src/adapters/package-version.ts); these are the fallbacks, kept equal to package.json by
 * tests/core/product.test.ts. Workflow templates (YAML) name the repository literally and
 * tests/workflows.test.ts keeps them in step.
 */

export const PRODUCT_NAME = 'mlops-platform';

/** OWNER/REPO of the action on GitHub. */
export const PRODUCT_REPOSITORY = 'mlops-platform/mlops-platform';

/** The tag workflows pin the action to, its channel: the major version, `v1` for 1.4.2. */
export function majorVersionTag(version: string): string {
  return `v${/^\d+/.exec(version)?.[0] ?? '0'}`;
}

/** OWNER/REPO of the action: package.json's `mlops.action`, else its `repository`. */
export function repositoryFromManifest(manifest: unknown): string {
  const fields = (manifest ?? {}) as {
    mlops?: { action?: unknown };
    repository?: unknown;
  };
  if (typeof fields.mlops?.action === 'string') return fields.mlops.action;
  const repository = fields.repository as string | { url?: unknown } | undefined;
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (typeof url !== 'string') return PRODUCT_REPOSITORY;
  const match =
    /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : PRODUCT_REPOSITORY;
}

/** How a run record, job summary or report names what wrote it: `mlops-platform 0.1.0`. */
export function productLabel(version: string): string {
  return `${PRODUCT_NAME} ${version}`;
}
