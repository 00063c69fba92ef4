/**
 * The environment a local task runs with. A task is the repository's pipeline code, and on a
 * runner the step's environment also holds credentials meant for the tool, not for it: the
 * Actions runtime token (cache and artifact writes), the OIDC request token (a cloud identity on
 * demand) and every `INPUT_*` (github-token, registry-password, ...). So tasks get an allow-list:
 * what a program needs to run, plus the settings the components read.
 */

/** Passed by name. */
const NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TERM',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'HOSTNAME',
  'LD_LIBRARY_PATH',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'VIRTUAL_ENV',
  'CONDA_PREFIX',
  'OMP_NUM_THREADS',
  'MKL_NUM_THREADS',
  'OPENBLAS_NUM_THREADS',
  'CUDA_VISIBLE_DEVICES',
  // Google Cloud access the components use (the credentials file the auth step wrote, or a
  // token the user exported on purpose), and the metadata server's address.
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_OAUTH_ACCESS_TOKEN',
  'GOOGLE_CLOUD_PROJECT',
  'GCLOUD_PROJECT',
  'GCE_METADATA_HOST',
  'CLOUDSDK_CORE_PROJECT',
]);

/** Passed by prefix, unless the name looks like a credential. */
const PREFIXES = ['LC_', 'PYTHON', 'MLOPS_'];
const CREDENTIAL_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|(^|_)KEY($|_)|AUTH/i;

/** Whether a task may see variable `name` by default. */
export function isTaskVariable(name: string): boolean {
  if (NAMES.has(name)) return true;
  return PREFIXES.some((prefix) => name.startsWith(prefix)) && !CREDENTIAL_NAME.test(name);
}

/**
 * The variables of `env` a task sees: the allow-list, plus the names the user passes on purpose
 * (`task-env`), which may be anything, credentials included.
 */
export function taskEnvironment(
  env: NodeJS.ProcessEnv,
  extraNames: readonly string[] = [],
): Record<string, string> {
  const extra = new Set(extraNames);
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && (extra.has(name) || isTaskVariable(name))) picked[name] = value;
  return picked;
}
