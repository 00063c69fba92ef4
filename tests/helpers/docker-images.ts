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
