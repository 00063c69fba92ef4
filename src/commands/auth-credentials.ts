import { googleEndpoints } from '../adapters/gcp/endpoints.js';
import {
  exchangeGitHubToken,
  fetchGitHubOidcToken,
  generateAccessToken,
  generateIdToken,
  gitHubOidcRequest,
  jwtClaims,
} from '../adapters/gcp/workload-identity-client.js';
import {
  externalAccountCredentials,
  stsAudience,
  type WorkloadIdentityProvider,
} from '../core/gcp/workload-identity.js';
import type { CommandContext } from './command.js';

/**
 * What `auth` mints from its parsed inputs: by Workload Identity Federation (the GitHub OIDC
 * token exchanged at STS, then a service account impersonated) or from a service account key,
 * the credentials file's content and the tokens to export.
 */

export type TokenFormat = '' | 'access_token' | 'id_token';

export type Credentials =
  | {
      readonly kind: 'workload-identity';
      readonly provider: WorkloadIdentityProvider;
      readonly audience: string;
    }
  | { readonly kind: 'key'; readonly key: ServiceAccountKey; readonly json: string };

export interface ServiceAccountKey {
  readonly client_email: string;
  readonly private_key: string;
  readonly project_id?: string;
}

export interface AuthInputs {
  readonly credentials: Credentials;
  readonly serviceAccount: string | undefined;
  readonly projectId: string | undefined;
  readonly tokenFormat: TokenFormat;
  readonly idTokenAudience: string | undefined;
  readonly lifetimeSeconds: number;
  readonly credentialsFile: string;
}

export interface Minted {
  readonly file: Record<string, unknown>;
  readonly identity: string;
  readonly accessToken?: string;
  readonly idToken?: string;
}

export async function workloadIdentity(
  inputs: AuthInputs,
  credentials: Extract<Credentials, { kind: 'workload-identity' }>,
  { ui, host, env }: CommandContext,
): Promise<Minted> {
  const { provider, audience } = credentials;
  const endpoints = googleEndpoints(env);
  const request = gitHubOidcRequest(env);
  host.maskSecret(request.token, 'ACTIONS_ID_TOKEN_REQUEST_TOKEN');
  const oidcToken = await fetchGitHubOidcToken(request, audience);
  host.maskSecret(oidcToken, 'the GitHub OIDC token');
  const claims = jwtClaims(oidcToken);
  const identity = {
    ...(typeof claims.repository === 'string' ? { repository: claims.repository } : {}),
    ...(typeof claims.sub === 'string' ? { subject: claims.sub } : {}),
  };
  ui.info(
    `GitHub identity: ${typeof claims.sub === 'string' ? claims.sub : 'unknown'} → ${provider.name}`,
  );
  // Exchanging now proves the provider, audience and attribute condition before anything is written.
  const federated = await exchangeGitHubToken(
    endpoints,
    provider,
    oidcToken,
    audience,
    stsAudience(provider),
  );
  host.maskSecret(federated.accessToken, 'the federated access token');
  let accessToken = federated.accessToken;
  let idToken: string | undefined;
  if (inputs.serviceAccount) {
    const minted = await generateAccessToken(
      endpoints,
      federated.accessToken,
      inputs.serviceAccount,
      inputs.lifetimeSeconds,
      { provider, ...identity },
    );
    host.maskSecret(minted.accessToken, 'the access token');
    accessToken = minted.accessToken;
    if (inputs.tokenFormat === 'id_token' && inputs.idTokenAudience) {
      idToken = await generateIdToken(
        endpoints,
        federated.accessToken,
        inputs.serviceAccount,
        inputs.idTokenAudience,
        { provider, ...identity },
      );
      host.maskSecret(idToken, 'the ID token');
    }
  }
  return {
    file: externalAccountCredentials({
      provider,
      oidcRequestUrl: request.url,
      oidcRequestToken: request.token,
      oidcAudience: audience,
      stsEndpoint: endpoints.sts,
      iamCredentialsEndpoint: endpoints.iamCredentials,
      ...(inputs.serviceAccount ? { serviceAccount: inputs.serviceAccount } : {}),
    }),
    identity:
      inputs.serviceAccount ??
      `the federated identity of ${identity.repository ?? 'this workflow'} (direct Workload Identity Federation)`,
    accessToken,
    ...(idToken ? { idToken } : {}),
  };
}

export async function serviceAccountKey(
  inputs: AuthInputs,
  credentials: Extract<Credentials, { kind: 'key' }>,
  { ui, host }: CommandContext,
): Promise<Minted> {
  ui.warning(
    'credentials-json uses a long-lived service account key. Prefer workload-identity-provider: nothing to leak or rotate.',
  );
  let accessToken: string | undefined;
  if (inputs.tokenFormat !== '') {
    // google-auth-library signs the key's JWT and exchanges it; loaded only on this path.
    const { JWT } = await import(/* webpackIgnore: true */ '#google-cloud');
    const client = new JWT({
      email: credentials.key.client_email,
      key: credentials.key.private_key,
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    });
    if (inputs.tokenFormat === 'id_token' && inputs.idTokenAudience) {
      const idToken = await client.fetchIdToken(inputs.idTokenAudience);
      host.maskSecret(idToken, 'the ID token');
      return {
        file: JSON.parse(credentials.json) as Record<string, unknown>,
        identity: credentials.key.client_email,
        idToken,
      };
    }
    accessToken = (await client.getAccessToken()).token ?? undefined;
    if (accessToken) host.maskSecret(accessToken, 'the access token');
  }
  return {
    file: JSON.parse(credentials.json) as Record<string, unknown>,
    identity: credentials.key.client_email,
    ...(accessToken ? { accessToken } : {}),
  };
}
