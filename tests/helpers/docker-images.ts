import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './paths.js';

export const BUSYBOX_IMAGE = 'mlops-test-busybox:latest';

/**
 * Docker Hub is out of reach, so the tests make their own tiny image: Debian's static busybox
 * with its applets linked into /bin, imported with `docker import`. Built once per machine.
 */
export async function ensureBusyboxImage(): Promise<string> {
  try {
    execFileSync('docker', ['image', 'inspect', BUSYBOX_IMAGE], { stdio: 'ignore' });
    return BUSYBOX_IMAGE;
  } catch {
    // Not built yet.
  }
  const root = await tempDir('busybox-rootfs');
  try {
    await mkdir(path.join(root, 'bin'), { recursive: true });
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    await copyFile('/bin/busybox', path.join(root, 'bin/busybox'));
    const applets = execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' })
      .split('\n')
      .filter((name) => name && name !== 'busybox');
    for (const applet of applets) await symlink('busybox', path.join(root, 'bin', applet));
    execFileSync(
      'sh',
      ['-c', `tar -C "${root}" -c . | docker import --change 'ENV PATH=/bin' - ${BUSYBOX_IMAGE}`],
      { stdio: 'ignore' },
    );
    return BUSYBOX_IMAGE;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * Builds a tiny image with these labels on the busybox base and pushes it to the test registry,
 * logged in through a Docker config folder of its own; returns the image and that folder.
 */
export async function pushLabelledImage(
  registry: { host: string; username: string; password: string },
  name: string,
  labels: Readonly<Record<string, string>>,
): Promise<{ image: string; dockerConfig: string }> {
  const base = await ensureBusyboxImage();
  const dockerConfig = await tempDir('docker-config');
  const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
  execFileSync(
    'docker',
    ['login', registry.host, '--username', registry.username, '--password-stdin'],
    { input: registry.password, env, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  const image = `${registry.host}/${name}`;
  const dockerfile = [
    `FROM ${base}`,
    ...Object.entries(labels).map(([key, value]) => `LABEL ${key}="${value}"`),
  ].join('\n');
  execFileSync('docker', ['build', '-t', image, '-'], {
    input: dockerfile,
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  execFileSync('docker', ['push', image], { env, stdio: 'ignore' });
  return { image, dockerConfig };
}
