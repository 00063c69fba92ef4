// Fails when the committed dist/ is not what src/ builds to (the action runs dist/).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fresh = await mkdtemp(path.join(tmpdir(), 'mlops-dist-'));
try {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--outdir', fresh], {
    stdio: 'inherit',
  });
  try {
    execFileSync('diff', ['-r', '-q', path.join(root, 'dist'), fresh], { stdio: 'inherit' });
  } catch {
    console.error('dist/ is stale: run `npm run build` and commit dist/.');
    process.exitCode = 1;
  }
} finally {
  await rm(fresh, { recursive: true, force: true });
}
