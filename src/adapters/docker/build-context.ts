import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';

// A CommonJS module whose types declare an ES default export: at run time the default import
// is the factory itself.
const createIgnore = dockerignore as unknown as typeof dockerignore.default;

/**
 * The content hash of a build: every file Docker would send as the build context (after
 * .dockerignore), the Dockerfile, and the build's settings. Two builds with the same hash
 * produce the same image, so a registry that already has the hash's tag needs no new build.
 * Base images are named, not hashed: pin them by digest for the hash to cover them too.
 */

export interface BuildSettings {
  readonly context: string;
  readonly dockerfile: string;
  readonly platform: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ContextHash {
  /** sha256 hex. */
  readonly hash: string;
  readonly files: number;
  readonly bytes: number;
  /** Google credentials files the context would send (and `COPY .` would bake into the image). */
  readonly credentialFiles: readonly string[];
}

/** Files the auth actions write: google-github-actions/auth's, and ours when pointed at the workspace. */
const CREDENTIAL_FILE = /(^|\/)(gha-creds-[0-9a-f]{16}|mlops-credentials-[0-9a-f]{16})\.json$/;
/** Larger JSON files are data, not credentials: not worth parsing. */
const MAX_CREDENTIAL_BYTES = 64 * 1024;
const CREDENTIAL_TYPES = new Set([
  'service_account',
  'external_account',
  'authorized_user',
  'impersonated_service_account',
  'external_account_authorized_user',
]);

/** Whether `content` is a Google credentials file (a key, federation config or user login). */
export function isGoogleCredentialJson(content: Buffer): boolean {
  if (content.length > MAX_CREDENTIAL_BYTES || !content.includes('"type"')) return false;
  try {
    const parsed = JSON.parse(content.toString('utf8')) as unknown;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      CREDENTIAL_TYPES.has(String((parsed as { type?: unknown }).type))
    );
  } catch {
    return false;
  }
}

async function ignoreRules(settings: BuildSettings): Promise<string[]> {
  // BuildKit reads <Dockerfile>.dockerignore first, then the context's .dockerignore.
  for (const file of [
    `${settings.dockerfile}.dockerignore`,
    path.join(settings.context, '.dockerignore'),
  ]) {
    try {
      return (await readFile(file, 'utf8')).split(/\r?\n/);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return [];
}

/**
 * `credentialPaths`: credentials files in use (GOOGLE_APPLICATION_CREDENTIALS, ...), reported when
 * the context holds them whatever their name; any JSON file that is a Google credential is too.
 */
export async function hashBuildContext(
  settings: BuildSettings,
  credentialPaths: readonly string[] = [],
): Promise<ContextHash> {
  const inUse = new Set(credentialPaths.map((file) => path.resolve(file)));
  const credentialFiles: string[] = [];
  const rules = await ignoreRules(settings);
  const ignore = createIgnore().add(rules);
  // Without exceptions (!pattern), an ignored folder's contents are all ignored: skip it whole.
  const hasExceptions = rules.some((rule) => rule.trim().startsWith('!'));
  const entries: Array<{ relative: string; absolute: string }> = [];
  const walk = async (relativeDir: string): Promise<void> => {
    // Git metadata changes with every commit but is no part of what the image is built from.
    const dir = path.join(settings.context, relativeDir);
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const relative = relativeDir ? `${relativeDir}/${name}` : name;
      if (relative === '.git') continue;
      const absolute = path.join(dir, name);
      const ignored = ignore.ignores(relative);
      const stat = await lstat(absolute);
      if (stat.isDirectory()) {
        if (!ignored) entries.push({ relative: `${relative}/`, absolute });
        if (!ignored || hasExceptions) await walk(relative);
      } else if (!ignored) entries.push({ relative, absolute });
    }
  };
  await walk('');

  const hash = createHash('sha256');
  const field = (value: string): void => {
    hash.update(`${Buffer.byteLength(value)}:${value}`);
  };
  field('mlops-build-context/v1');
  field(settings.platform);
  field(await readFile(settings.dockerfile, 'utf8'));
  for (const [key, value] of Object.entries(settings.buildArgs).sort())
    field(`arg ${key}=${value}`);
  for (const [key, value] of Object.entries(settings.labels).sort()) field(`label ${key}=${value}`);
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    const stat = await lstat(entry.absolute);
    // Docker keeps the execute bits; owners and times do not reach the image's content.
    const mode = (stat.mode & 0o111) !== 0 ? 'x' : '-';
    if (stat.isDirectory()) field(`dir ${entry.relative}`);
    else if (stat.isSymbolicLink())
      field(`link ${entry.relative} ${await readlink(entry.absolute)}`);
    else {
      const content = await readFile(entry.absolute);
      field(`file ${entry.relative} ${mode} ${createHash('sha256').update(content).digest('hex')}`);
      files += 1;
      bytes += content.length;
      if (
        CREDENTIAL_FILE.test(entry.relative) ||
        inUse.has(entry.absolute) ||
        (entry.relative.endsWith('.json') && isGoogleCredentialJson(content))
      )
        credentialFiles.push(entry.relative);
    }
  }
  return { hash: hash.digest('hex'), files, bytes, credentialFiles };
}
