import { fingerprint } from '../emulators/http-server.js';

/**
 * Where credentials went: every Authorization header the stand-in registries and token realms of
 * a test received, by the host:port the client addressed (its Host header), and an
 * assertion that no credential reached a host it was not meant for. Values are kept in memory
 * only; failures name the credential and the host, never the value.
 */

export interface ExpectedCredential {
  /** How failures name it: "registry-password", "the Google access token". */
  readonly name: string;
  readonly secret: string;
  /** The user name it travels with in Basic headers (default oauth2accesstoken). */
  readonly username?: string;
  /** host:port of every host it may reach. */
  readonly hosts: readonly string[];
}

interface Received {
  readonly host: string;
  readonly path: string;
  readonly scheme: string;
  /** Fingerprints of what the header carries: the whole credential, and a Basic password. */
  readonly fingerprints: readonly string[];
}

export class CredentialEgress {
  readonly #received: Received[] = [];

  /** Records one request's Authorization header (none is recorded as anonymous). */
  record(host: string, path: string, authorization: string | undefined): void {
    const [scheme = '', value = ''] = (authorization ?? '').split(/\s+/, 2);
    const fingerprints = value ? [fingerprint(value)] : [];
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      fingerprints.push(fingerprint(decoded.slice(decoded.indexOf(':') + 1)));
    }
    this.#received.push({ host, path, scheme: scheme.toLowerCase(), fingerprints });
  }

  /** The schemes of the Authorization headers `host` received, '' for none: what a test expects. */
  schemesAt(host: string): string[] {
    return this.#received.filter((each) => each.host === host).map((each) => each.scheme);
  }

  /** Fails, naming credential, host and path, when a credential reached a host not in its list. */
  assertContained(credentials: readonly ExpectedCredential[]): void {
    const leaks: string[] = [];
    for (const credential of credentials) {
      const basic = Buffer.from(
        `${credential.username ?? 'oauth2accesstoken'}:${credential.secret}`,
      ).toString('base64');
      const shapes = new Set([fingerprint(credential.secret), fingerprint(basic)]);
      for (const each of this.#received) {
        if (credential.hosts.includes(each.host)) continue;
        if (each.fingerprints.some((value) => shapes.has(value)))
          leaks.push(`${credential.name} reached ${each.host} (${each.path})`);
      }
    }
    if (leaks.length > 0) throw new Error(`Credentials left their hosts:\n${leaks.join('\n')}`);
  }
}
