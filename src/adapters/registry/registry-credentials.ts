import { isGoogleRegistry } from '../../core/images/image-reference.js';
import { googleTokenSource } from '../gcp/google-client.js';
import {
  dockerConfigCredentials,
  type BasicCredentials,
  type RegistryCredentials,
} from './registry-client.js';

/** The user name Google registries take with an access token as the password. */
export const GOOGLE_REGISTRY_USER = 'oauth2accesstoken';

/**
 * Credentials for reading and pushing images, in this order: the ones given (registry-username
 * and registry-password), for Google registries (or `google`, for an Artifact Registry host
 * given by endpoint override) an access token from the credentials the auth
 * step wrote, else the user's Docker config (read only, never written).
 */
export function registryCredentials(
  env: NodeJS.ProcessEnv,
  given?: BasicCredentials,
  options: { google?: boolean; maskSecret?: (value: string, name: string) => void } = {},
): RegistryCredentials {
  const docker = dockerConfigCredentials(env);
  const googleToken = googleTokenSource(env);
  return {
    async basic(host) {
      if (given) return given;
      if (options.google || isGoogleRegistry(host)) {
        const token = await googleToken();
        if (token) {
          options.maskSecret?.(token, 'the registry access token');
          return { username: GOOGLE_REGISTRY_USER, password: token };
        }
      }
      return docker.basic(host);
    },
  };
}
