import { execFileSync } from 'node:child_process';

/**
 * Tests that need a real service (Docker, Python with scikit-learn) skip locally with a
 * visible reason when it is absent, and fail in CI, where .ci/run must provide it.
 */
export function serviceAvailable(name: string, probe: () => boolean): boolean {
  let available: boolean;
  try {
    available = probe();
  } catch {
    available = false;
  }
  if (!available) {
    if (process.env.CI === 'true')
      throw new Error(
        `${name} is required in CI but is not available: .ci/run must install and start it`,
      );
    console.warn(
      `SKIPPED: ${name} is not available on this machine (run bash scripts/setup.sh --with-docker)`,
    );
  }
  return available;
}

export const PYTHON = process.env.MLOPS_PYTHON ?? '/usr/bin/python3';

export function pythonWithSklearn(): boolean {
  return serviceAvailable(`Python with scikit-learn (${PYTHON})`, () => {
    execFileSync(PYTHON, ['-c', 'import sklearn, pandas, joblib'], { stdio: 'ignore' });
    return true;
  });
}

export function dockerEngine(): boolean {
  return serviceAvailable('Docker engine', () => {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: 'ignore',
      timeout: 15_000,
    });
    return true;
  });
}

/** What the image tests need: the Docker engine, the test registry and the Python base images. */
export function imageServices(): boolean {
  return dockerEngine() && dockerRegistry() && pythonBaseImages();
}

/** The test registry scripts/start-services.sh starts (test-only credentials, loopback only). */
export const TEST_REGISTRY = {
  host: '127.0.0.1:5000',
  username: 'oauth2accesstoken',
  password: 'mlops-test-registry',
} as const;

export function dockerRegistry(): boolean {
  return serviceAvailable(`Docker registry on ${TEST_REGISTRY.host}`, () => {
    const status = execFileSync(
      'curl',
      ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${TEST_REGISTRY.host}/v2/`],
      { encoding: 'utf8', timeout: 10_000 },
    );
    return status.trim() === '401';
  });
}

/**
 * The second test registry scripts/start-services.sh starts: `auth: token`, in front of the
 * token service (tests/emulators/registry-token-service.ts), as Artifact Registry has it. Both
 * passwords stand for access tokens of user oauth2accesstoken: one may push, one only pull.
 */
export const TOKEN_REGISTRY = {
  host: '127.0.0.1:5001',
  tokenService: 'http://127.0.0.1:5002',
  issuer: 'mlops-test-token-service',
  username: 'oauth2accesstoken',
  writerPassword: 'mlops-test-token-writer',
  readerPassword: 'mlops-test-token-reader',
} as const;

export function dockerTokenRegistry(): boolean {
  return serviceAvailable(
    `Docker registry with token auth on ${TOKEN_REGISTRY.host} (and its token service)`,
    () => {
      const status = (url: string): string =>
        execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', url], {
          encoding: 'utf8',
          timeout: 10_000,
        }).trim();
      return (
        status(`http://${TOKEN_REGISTRY.host}/v2/`) === '401' &&
        status(`${TOKEN_REGISTRY.tokenService}/token`) === '200'
      );
    },
  );
}

/** The Debian Python images scripts/build-test-images.sh makes (Docker Hub is out of reach). */
export const PYTHON_IMAGES = {
  training: 'mlops-test-python:bookworm',
  olderServing: 'mlops-test-python:bullseye',
} as const;

export function pythonBaseImages(): boolean {
  return serviceAvailable('Python base images (bash scripts/build-test-images.sh)', () => {
    for (const image of Object.values(PYTHON_IMAGES))
      execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore', timeout: 15_000 });
    return true;
  });
}
