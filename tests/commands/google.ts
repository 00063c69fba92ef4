import { authCommand } from '../../src/commands/auth.js';
import type { AuthEmulators } from '../emulators/auth-emulators.js';
import type { CloudStorageEmulator } from '../emulators/cloud-storage.js';
import type { VertexEmulator, VertexEmulatorOptions } from '../emulators/vertex.js';
import { startGoogleServices } from '../helpers/google-workflow.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand } from '../helpers/recording-host.js';

/**
 * The Google emulators for in-process command tests, after the auth command has run in-process
 * (keyless, through the OIDC and STS emulators): `env` is what later steps get (what auth
 * exported, plus the emulators' endpoints). The credentials reach the Google clients through the
 * command's `env` alone: this process's environment is left as it is.
 */
export interface GoogleEmulators {
  readonly google: AuthEmulators;
  readonly vertex: VertexEmulator;
  readonly storage: CloudStorageEmulator;
  readonly env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startGoogleEmulators(
  vertexOptions: Partial<VertexEmulatorOptions> = {},
): Promise<GoogleEmulators> {
  const { google, vertex, storage, endpoints } = await startGoogleServices(vertexOptions);
  const auth = await runCommand(
    authCommand,
    { 'workload-identity-provider': google.provider, 'service-account': google.serviceAccount },
    {
      env: { ...google.actionsEnv(), ...endpoints, GITHUB_REPOSITORY: 'acme/ml' },
      tempDir: await tempDir('cmd-google-auth'),
    },
  );
  if (auth.userError) throw auth.userError;
  const credentials = auth.exported.GOOGLE_APPLICATION_CREDENTIALS;
  if (!credentials)
    throw new Error(`auth exported no credentials: ${JSON.stringify(auth.exported)}`);
  return {
    google,
    vertex,
    storage,
    env: { ...endpoints, ...auth.exported, GITHUB_REPOSITORY: 'acme/ml' },
    async close() {
      await Promise.all([vertex.close(), storage.close()]);
      await google.close();
    },
  };
}
