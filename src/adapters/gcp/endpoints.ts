/**
 * Google endpoints, each overridable by environment variable: for private service endpoints,
 * sovereign clouds, and the loopback emulators the tests use.
 */
export interface GoogleEndpoints {
  readonly sts: string;
  readonly iamCredentials: string;
  /** Vertex AI: a `{region}` placeholder is replaced by the job's region. */
  readonly vertex: string;
  readonly artifactRegistry: string;
  /** Artifact Registry Kubeflow Pipelines host: a `{region}` placeholder is replaced. */
  readonly kfpRegistry: string;
  /** Artifact Registry Docker host (a host, not a URL): a `{region}` placeholder is replaced. */
  readonly dockerRegistry: string;
  /** Cloud Storage JSON API. */
  readonly storage: string;
  /** IAM, Resource Manager and Service Usage: what `setup gcp` and `doctor` call. */
  readonly iam: string;
  readonly resourceManager: string;
  readonly serviceUsage: string;
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  return (env[name]?.trim() || fallback).replace(/\/+$/, '');
}

export function googleEndpoints(env: NodeJS.ProcessEnv = process.env): GoogleEndpoints {
  return {
    sts: fromEnv(env, 'MLOPS_STS_ENDPOINT', 'https://sts.googleapis.com'),
    iamCredentials: fromEnv(
      env,
      'MLOPS_IAMCREDENTIALS_ENDPOINT',
      'https://iamcredentials.googleapis.com',
    ),
    vertex: fromEnv(env, 'MLOPS_VERTEX_ENDPOINT', 'https://{region}-aiplatform.googleapis.com'),
    artifactRegistry: fromEnv(
      env,
      'MLOPS_ARTIFACTREGISTRY_ENDPOINT',
      'https://artifactregistry.googleapis.com',
    ),
    kfpRegistry: fromEnv(env, 'MLOPS_KFP_ENDPOINT', 'https://{region}-kfp.pkg.dev'),
    dockerRegistry: fromEnv(env, 'MLOPS_DOCKER_REGISTRY_HOST', '{region}-docker.pkg.dev'),
    storage: fromEnv(env, 'MLOPS_STORAGE_ENDPOINT', 'https://storage.googleapis.com'),
    iam: fromEnv(env, 'MLOPS_IAM_ENDPOINT', 'https://iam.googleapis.com'),
    resourceManager: fromEnv(
      env,
      'MLOPS_RESOURCEMANAGER_ENDPOINT',
      'https://cloudresourcemanager.googleapis.com',
    ),
    serviceUsage: fromEnv(
      env,
      'MLOPS_SERVICEUSAGE_ENDPOINT',
      'https://serviceusage.googleapis.com',
    ),
  };
}
