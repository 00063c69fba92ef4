import sodium from 'libsodium-wrappers';
import { describeTarget, type SecretsTarget } from '../../core/secrets/secrets-target.js';
import { explainGitHubError, type GitHub } from './github-client.js';

/**
 * Actions secrets and variables at one level (repository, environment or organization): names
 * listed, values sealed with the level's public key (libsodium sealed box, standard base64 as
 * GitHub requires) and written, removed.
 */

function basePath(target: SecretsTarget): string {
  switch (target.level) {
    case 'repository':
      return `/repos/${target.owner}/${target.repo}/actions`;
    case 'environment':
      return `/repos/${target.owner}/${target.repo}/environments/${encodeURIComponent(target.environment)}`;
    case 'organization':
      return `/orgs/${target.org}/actions`;
  }
}

function notFoundFix(target: SecretsTarget): string {
  switch (target.level) {
    case 'repository':
      return `Check repository (${target.owner}/${target.repo}) and that the token can see it.`;
    case 'environment':
      return `Create the environment "${target.environment}" in ${target.owner}/${target.repo} (Settings → Environments) first, and check the token can see the repository.`;
    case 'organization':
      return `Check org (${target.org}) and that the token has organization access.`;
  }
}

interface PublicKey {
  key_id: string;
  key: string;
}

export class GitHubSecrets {
  readonly #github: GitHub;
  readonly #target: SecretsTarget;
  readonly #base: string;
  #key: Promise<PublicKey> | undefined;

  constructor(github: GitHub, target: SecretsTarget) {
    this.#github = github;
    this.#target = target;
    this.#base = basePath(target);
  }

  async #call<T>(purpose: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw explainGitHubError(
        `${purpose} in ${describeTarget(this.#target)}`,
        error,
        notFoundFix(this.#target),
      );
    }
  }

  async secretNames(): Promise<string[]> {
    return this.#call('list the secrets', async () => {
      const items = await this.#github.paginate<{ name: string }>(`GET ${this.#base}/secrets`, {
        per_page: 100,
      });
      return items.map((item) => item.name);
    });
  }

  async variables(): Promise<Map<string, string>> {
    return this.#call('list the variables', async () => {
      const items = await this.#github.paginate<{ name: string; value: string }>(
        `GET ${this.#base}/variables`,
        { per_page: 30 },
      );
      return new Map(items.map((item) => [item.name, item.value]));
    });
  }

  /** The level's public key, fetched once (and again when GitHub says it changed). */
  #publicKey(refresh = false): Promise<PublicKey> {
    if (refresh || !this.#key) {
      this.#key = this.#call('read the secrets public key', async () => {
        const response = await this.#github.request(`GET ${this.#base}/secrets/public-key`);
        return response.data as PublicKey;
      });
      // A failed fetch must not stick: the next caller tries again.
      this.#key.catch(() => (this.#key = undefined));
    }
    return this.#key;
  }

  async putSecret(name: string, value: string): Promise<'created' | 'updated'> {
    await sodium.ready;
    const send = async (key: PublicKey): Promise<number> => {
      const sealed = sodium.crypto_box_seal(
        sodium.from_string(value),
        sodium.from_base64(key.key, sodium.base64_variants.ORIGINAL),
      );
      const response = await this.#github.request(`PUT ${this.#base}/secrets/{name}`, {
        name,
        encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL),
        key_id: key.key_id,
        ...(this.#target.level === 'organization'
          ? {
              visibility: this.#target.visibility,
              ...(this.#target.visibility === 'selected'
                ? { selected_repository_ids: [...(this.#target.selectedRepositoryIds ?? [])] }
                : {}),
            }
          : {}),
      });
      return response.status;
    };
    const status = await this.#call(`write the secret ${name}`, async () => {
      try {
        return await send(await this.#publicKey());
      } catch (error) {
        // The key was rotated since we read it: read it again, once.
        if ((error as { status?: number }).status !== 422) throw error;
        return send(await this.#publicKey(true));
      }
    });
    return status === 201 ? 'created' : 'updated';
  }

  async putVariable(name: string, value: string, exists: boolean): Promise<void> {
    const visibility =
      this.#target.level === 'organization' ? { visibility: this.#target.visibility } : {};
    await this.#call(`write the variable ${name}`, async () => {
      const patch = () =>
        this.#github.request(`PATCH ${this.#base}/variables/{name}`, {
          name,
          value,
          ...visibility,
        });
      if (exists) return patch();
      try {
        return await this.#github.request(`POST ${this.#base}/variables`, {
          name,
          value,
          ...visibility,
        });
      } catch (error) {
        // Created by someone else since we listed: update it instead.
        if ((error as { status?: number }).status !== 409) throw error;
        return patch();
      }
    });
  }

  async delete(kind: 'secret' | 'variable', name: string): Promise<void> {
    const collection = kind === 'secret' ? 'secrets' : 'variables';
    await this.#call(`delete the ${kind} ${name}`, () =>
      this.#github.request(`DELETE ${this.#base}/${collection}/{name}`, { name }),
    );
  }
}
