import { DEFAULT_RETRY, HttpError, requestText } from '../http.js';
import { UserError } from '../../core/errors.js';
import {
  VERSION_PREFIX,
  type KfpRepository,
  type TemplateRef,
} from '../../core/gcp/kfp-template.js';
import { googleEndpoints } from './endpoints.js';
import {
  ClientSession,
  googleAuth,
  loadGoogleClients,
  restClientOptions,
  type GoogleCloud,
} from './google-client.js';

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

export class KfpRegistry {
  readonly #google: GoogleCloud;
  readonly #auth: InstanceType<GoogleCloud['GoogleAuth']>;
  readonly #options: KfpRegistryOptions;
  #session: ClientSession<RegistryClient> | undefined;

  private constructor(google: GoogleCloud, options: KfpRegistryOptions) {
    this.#google = google;
    this.#options = options;
    this.#auth = googleAuth(google, options.env, options.project);
  }

  static async connect(options: KfpRegistryOptions): Promise<KfpRegistry> {
    return new KfpRegistry(await loadGoogleClients(options.project, options.env), options);
  }

  #hostUrl(repository: KfpRepository): string {
    const base = googleEndpoints(this.#options.env).kfpRegistry.replaceAll(
      '{region}',
      repository.region,
    );
    return `${base}/${repository.project}/${repository.repository}`;
  }

  /** Sends a request to the kfp host with a token, retried as every HTTP call here is. */
  async #send(purpose: string, url: string, init: RequestInit): Promise<string> {
    const token = await this.#auth.getAccessToken();
    try {
      return await requestText(
        purpose,
        url,
        { ...init, headers: { authorization: `Bearer ${token ?? ''}` } },
        DEFAULT_RETRY,
        this.#options.onRetry,
      );
    } catch (error) {
      throw error instanceof HttpError ? explainRegistryError(error) : error;
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
      { method: 'POST', body: uploadForm(fileName, content, tags) },
    );
    const text = response.trim();
    const [packageName, version] = text.split('/');
    if (!packageName || !version?.startsWith(VERSION_PREFIX))
      throw new Error(`Artifact Registry answered the upload with "${text.slice(0, 200)}"`);
    return { packageName, version };
  }

  async download(template: TemplateRef): Promise<string> {
    const url = `${this.#hostUrl(template)}/${encodeURIComponent(template.packageName)}/${encodeURIComponent(template.ref)}`;
    return this.#send(`download template ${template.packageName}/${template.ref}`, url, {
      method: 'GET',
    });
  }

  /** The version (`sha256:…`) a tag points at. */
  async resolveTag(template: TemplateRef): Promise<string> {
    if (template.ref.startsWith(VERSION_PREFIX)) return template.ref;
    this.#session ??= new ClientSession(
      () =>
        new this.#google.ArtifactRegistryClient(
          restClientOptions(
            googleEndpoints(this.#options.env).artifactRegistry,
            this.#options.project,
            this.#options.env,
          ),
        ),
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

/** The kfp host's refusals, with what to do about the ones a user can fix. */
function explainRegistryError(error: HttpError): Error {
  const fixes: Record<number, string> = {
    400: 'Check that the repository has the Kubeflow Pipelines format and the tags are valid.',
    401: 'The credentials were rejected: re-run the auth step.',
    403: 'Grant the identity roles/artifactregistry.writer (publish) or .reader (run) on the repository.',
    404: 'Check the repository URL (create it with format KFP), the package and the tag.',
  };
  const fix = fixes[error.status];
  return fix ? new UserError(error.message, { fix, cause: error }) : error;
}

/** The multipart body kfp.registry.RegistryClient sends: the file as `content`, tags comma-joined. */
function uploadForm(fileName: string, content: string, tags: readonly string[]): FormData {
  const form = new FormData();
  form.append('content', new Blob([content], { type: 'application/x-yaml' }), fileName);
  if (tags.length > 0) form.append('tags', tags.join(','));
  return form;
}
