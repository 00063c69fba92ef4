import { HttpError } from '../http.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../../core/errors.js';
import {
  VERSION_PREFIX,
  type KfpRepository,
  type TemplateRef,
} from '../../core/gcp/kfp-template.js';
import { googleEndpoints } from './endpoints.js';
import { ClientSession, loadGoogleClients, type GoogleCloud } from './google-client.js';

/**
 * Pipeline templates in Artifact Registry: upload and download through the kfp.pkg.dev host
 * (the protocol of kfp.registry.RegistryClient: a multipart `content` file and `tags`, answered
 * with `<package>/sha256:<hex>`), tags resolved to versions through the Artifact Registry API.
 */

type RegistryClient = InstanceType<GoogleCloud['ArtifactRegistryClient']>;

export interface KfpRegistryOptions {
  readonly project: string;
  readonly env: NodeJS.ProcessEnv;
  readonly onRetry?: (message: string) => void;
}

const ATTEMPTS = 5;

export class KfpRegistry {
  readonly #google: GoogleCloud;
  readonly #auth: InstanceType<GoogleCloud['GoogleAuth']>;
  readonly #options: KfpRegistryOptions;
  #session: ClientSession<RegistryClient> | undefined;

  private constructor(google: GoogleCloud, options: KfpRegistryOptions) {
    this.#google = google;
    this.#options = options;
    this.#auth = new google.GoogleAuth({
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
      projectId: options.project,
    });
  }

  static async connect(options: KfpRegistryOptions): Promise<KfpRegistry> {
    return new KfpRegistry(await loadGoogleClients(options.project), options);
  }

  #hostUrl(repository: KfpRepository): string {
    const base = googleEndpoints(this.#options.env).kfpRegistry.replaceAll(
      '{region}',
      repository.region,
    );
    return `${base}/${repository.project}/${repository.repository}`;
  }

  /** Sends a request to the kfp host with a fresh token, retrying 429/5xx and network errors. */
  async #send(purpose: string, url: string, init: () => RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.#auth.getAccessToken();
      let response: Response | undefined;
      try {
        const request = init();
        response = await fetch(url, {
          ...request,
          headers: {
            ...(request.headers as Record<string, string>),
            authorization: `Bearer ${token ?? ''}`,
          },
          signal: AbortSignal.timeout(120_000),
        });
      } catch (error) {
        if (attempt >= ATTEMPTS)
          throw new UserError(
            `Cannot reach ${new URL(url).host} to ${purpose}: ${(error as Error).message}`,
            {
              fix: 'Check the network and any MLOPS_KFP_ENDPOINT override.',
            },
          );
      }
      if (response?.ok) return response;
      const retriable = !response || response.status === 429 || response.status >= 500;
      if (response && (!retriable || attempt >= ATTEMPTS)) {
        const body = await response.text();
        throw explainRegistryError(purpose, new HttpError(body, response.status, body));
      }
      const delay = Math.min(500 * 2 ** (attempt - 1), 10_000);
      const after = Number(response?.headers.get('retry-after'));
      this.#options.onRetry?.(
        `${purpose}: ${response ? `HTTP ${response.status}` : 'network error'}; retrying in ${Math.round((Number.isFinite(after) && after > 0 ? after * 1000 : delay) / 1000)}s`,
      );
      await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 60_000) : delay);
    }
  }

  /** Uploads a compiled pipeline; the same content always gets the same version. */
  async upload(
    repository: KfpRepository,
    fileName: string,
    content: string,
    tags: readonly string[],
  ): Promise<{ packageName: string; version: string }> {
    const response = await this.#send(
      `upload ${fileName} to ${repository.repository}`,
      this.#hostUrl(repository),
      () => {
        const form = new FormData();
        form.append('content', new Blob([content], { type: 'application/x-yaml' }), fileName);
        if (tags.length > 0) form.append('tags', tags.join(','));
        return { method: 'POST', body: form };
      },
    );
    const text = (await response.text()).trim();
    const [packageName, version] = text.split('/');
    if (!packageName || !version?.startsWith(VERSION_PREFIX))
      throw new Error(`Artifact Registry answered the upload with "${text.slice(0, 200)}"`);
    return { packageName, version };
  }

  async download(template: TemplateRef): Promise<string> {
    const url = `${this.#hostUrl(template)}/${encodeURIComponent(template.packageName)}/${encodeURIComponent(template.ref)}`;
    const response = await this.#send(
      `download template ${template.packageName}/${template.ref}`,
      url,
      () => ({
        method: 'GET',
      }),
    );
    return response.text();
  }

  /** The version (`sha256:…`) a tag points at. */
  async resolveTag(template: TemplateRef): Promise<string> {
    if (template.ref.startsWith(VERSION_PREFIX)) return template.ref;
    const endpoint = new URL(googleEndpoints(this.#options.env).artifactRegistry);
    this.#session ??= new ClientSession(
      () =>
        new this.#google.ArtifactRegistryClient({
          apiEndpoint: endpoint.hostname,
          port: endpoint.port ? Number(endpoint.port) : endpoint.protocol === 'http:' ? 80 : 443,
          protocol: endpoint.protocol.replace(':', ''),
          fallback: true,
          projectId: this.#options.project,
        }),
      {
        onRetry: this.#options.onRetry,
        fixes: {
          5: `Check the template: tag "${template.ref}" of ${template.packageName} was not found.`,
        },
      },
    );
    const name = `projects/${template.project}/locations/${template.region}/repositories/${template.repository}/packages/${template.packageName}/tags/${template.ref}`;
    const [tag] = await this.#session.call(
      `resolve tag ${template.ref} of ${template.packageName}`,
      (c) => c.getTag({ name }),
    );
    const version = (tag.version ?? '').split('/versions/')[1];
    if (!version) throw new Error(`Tag ${name} points at no version`);
    return decodeURIComponent(version);
  }

  async close(): Promise<void> {
    await this.#session?.close();
  }
}

function explainRegistryError(purpose: string, error: HttpError): Error {
  const message = `Failed to ${purpose}: HTTP ${error.status}: ${String(error.body).slice(0, 300)}`;
  const fixes: Record<number, string> = {
    400: 'Check that the repository has the Kubeflow Pipelines format and the tags are valid.',
    401: 'The credentials were rejected: re-run the auth step.',
    403: 'Grant the identity roles/artifactregistry.writer (publish) or .reader (run) on the repository.',
    404: 'Check the repository URL (create it with format KFP), the package and the tag.',
  };
  const fix = fixes[error.status];
  return fix ? new UserError(message, { fix, cause: error }) : new Error(message, { cause: error });
}
