import { UserError } from '../../core/errors.js';
import { RPC_CODES } from '../../core/gcp/grpc-codes.js';
import { googleEndpoints } from './endpoints.js';
import {
  ClientSession,
  grpcCode,
  loadGoogleClients,
  restClientOptions,
  type GoogleCloud,
} from './google-client.js';

/** Docker-format Artifact Registry repositories, found or created through the Artifact Registry API. */

type ArtifactRegistry = InstanceType<GoogleCloud['ArtifactRegistryClient']>;

export interface DockerRepository {
  readonly project: string;
  readonly location: string;
  readonly repository: string;
}

function repositoryName(repository: DockerRepository): string {
  return `projects/${repository.project}/locations/${repository.location}/repositories/${repository.repository}`;
}

export class DockerRepositories {
  readonly #session: ClientSession<ArtifactRegistry>;

  private constructor(session: ClientSession<ArtifactRegistry>) {
    this.#session = session;
  }

  static async connect(options: {
    project: string;
    env: NodeJS.ProcessEnv;
    onRetry?: (message: string) => void;
  }): Promise<DockerRepositories> {
    const google = await loadGoogleClients(options.project, options.env);
    const endpoint = googleEndpoints(options.env).artifactRegistry;
    return new DockerRepositories(
      new ClientSession(
        () =>
          new google.ArtifactRegistryClient(
            restClientOptions(endpoint, options.project, options.env),
          ),
        {
          onRetry: options.onRetry,
          fixes: {
            [RPC_CODES.PERMISSION_DENIED]:
              'The identity lacks permission on the repository: grant its service account roles/artifactregistry.writer (roles/artifactregistry.repoAdmin to let build create repositories).',
          },
        },
      ),
    );
  }

  /** Finds the repository, creating it when missing and allowed; says which happened. */
  async ensure(target: DockerRepository, create: boolean): Promise<'found' | 'created'> {
    const name = repositoryName(target);
    const found = await this.#session.call(`read the repository ${name}`, async (client) => {
      try {
        return (await client.getRepository({ name }))[0];
      } catch (error) {
        if (grpcCode(error) === RPC_CODES.NOT_FOUND) return undefined;
        throw error;
      }
    });
    if (found) {
      const format = String(found.format ?? '');
      if (format !== 'DOCKER' && format !== '1') {
        throw new UserError(`The repository ${name} holds ${format} packages, not Docker images`, {
          fix: 'Give a Docker-format repository in repository (or a new name, which build creates).',
        });
      }
      return 'found';
    }
    if (!create) {
      throw new UserError(`The Artifact Registry repository ${name} does not exist`, {
        fix: `Create it (gcloud artifacts repositories create ${target.repository} --repository-format=docker --location=${target.location}), or set create-repository: true.`,
      });
    }
    await this.#session.call(`create the repository ${name}`, async (client) => {
      try {
        const [operation] = await client.createRepository({
          parent: `projects/${target.project}/locations/${target.location}`,
          repositoryId: target.repository,
          repository: { format: 'DOCKER', description: 'Images built by mlops-platform' },
        });
        await operation.promise();
      } catch (error) {
        // Another job created it between our read and create: that is what we wanted.
        if (grpcCode(error) !== RPC_CODES.ALREADY_EXISTS) throw error;
      }
    });
    return 'created';
  }

  async close(): Promise<void> {
    await this.#session.close();
  }
}
