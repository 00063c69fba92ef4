import { isGoogleRegistry, registryHostKey } from '../../core/images/image-reference.js';
import { googleTokenSource } from '../gcp/google-client.js';
import {
  dockerConfigCredentials,
  type BasicCredentials,
  type RegistryCredentials,
} from './registry-client.js';

/** The user name Google registries take with an access token as the password. */
export const GOOGLE_REGISTRY_USER = 'oauth2accesstoken';

/** Credentials given for one registry (registry-username and registry-password), and its host. */
export interface RegistryLogin {
  readonly host: string;
  readonly credentials: BasicCredentials;
}

export interface CredentialSources {
  readonly login?: RegistryLogin | undefined;
  /** A host outside *.pkg.dev and gcr.io that is Artifact Registry too (an endpoint override). */
  readonly artifactRegistryHost?: string | undefined;
  readonly googleToken: () => Promise<string | undefined>;
  /** For every other host; the user's Docker config, itself keyed by host. */
  readonly fallback: RegistryCredentials;
  readonly maskSecret?: ((value: string, name: string) => void) | undefined;
}

/**
 * Credentials keyed by registry host, as Docker's credential store keys them: the login given
 * goes to its host only, the Google access token to Google registries (and the Artifact Registry
 * host of an endpoint override) only, and any other host gets what the fallback holds for it.
 * So a registry that another input names (a training image elsewhere) sees neither.
 */
export function keyedCredentials(sources: CredentialSources): RegistryCredentials {
  const loginHost = sources.login && registryHostKey(sources.login.host);
  const artifactRegistryHost =
    sources.artifactRegistryHost && registryHostKey(sources.artifactRegistryHost);
  return {
    async basic(host) {
      const key = registryHostKey(host);
      if (sources.login && key === loginHost) return sources.login.credentials;
      if (isGoogleRegistry(key) || key === artifactRegistryHost) {
        const token = await sources.googleToken();
        if (token) {
          sources.maskSecret?.(token, 'the registry access token');
          return { username: GOOGLE_REGISTRY_USER, password: token };
        }
      }
      return sources.fallback.basic(host);
    },
  };
}

/**
 * Credentials for reading and pushing images (keyedCredentials): the login given, an access
 * token from the credentials the auth step wrote, else the user's Docker config (read only,
 * never written).
 */
export function registryCredentials(
  env: NodeJS.ProcessEnv,
  options: Pick<CredentialSources, 'login' | 'artifactRegistryHost' | 'maskSecret'> = {},
): RegistryCredentials {
  return keyedCredentials({
    ...options,
    googleToken: googleTokenSource(env),
    fallback: dockerConfigCredentials(env),
  });
}
