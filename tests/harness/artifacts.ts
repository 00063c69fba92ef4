import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { StepOutput } from './commands.js';
import { globFiles } from './glob.js';
import type { Artifact } from './types.js';

/**
 * The run's artifact storage behind the actions/upload-artifact@v4 and download-artifact@v4
 * stand-ins, following their source (src/shared/search.ts, src/download-artifact.ts):
 * - upload: `path` is one pattern per line (globs, `!` excludes) relative to the workspace; hidden
 *   files are left out unless include-hidden-files; one search path that is the single file found
 *   stores it at the root by its name; several search paths are stored relative to their least
 *   common ancestor; otherwise relative to the one search path. A name is unique in a run unless
 *   `overwrite: true`. Outputs `artifact-id` and `artifact-url` (the run's page + /artifacts/ID).
 * - download: with `name`, that artifact's files into `path` (default the workspace); without,
 *   every artifact (or those matching `pattern`) into `path/<name>/`, or all into `path` with
 *   `merge-multiple: true`.
 */

/** Where a step runs: the job's workspace (its working directory) and HOME (`~`). */
export interface Runner {
  readonly workspace: string;
  readonly home: string;
}

const INVALID_NAME = /[":<>|*?\r\n\\/]/;

/** upload-artifact's getMultiPathLCA. */
function leastCommonAncestor(searchPaths: readonly string[]): string {
  const split = searchPaths.map((p) => path.normalize(p).split(path.sep));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0]?.[i]); i++)
    common.push(split[0]?.[i] ?? '');
  return path.join(path.sep, ...common);
}

export class ArtifactStore {
  readonly artifacts = new Map<string, Artifact>();
  #nextId = 1_000_001;

  /** `runUrl`: the run's page, https://github.com/OWNER/REPO/actions/runs/ID (for artifact-url). */
  constructor(
    private readonly dir: string,
    private readonly runUrl: string,
  ) {}

  upload(
    inputs: Readonly<Record<string, string>>,
    runner: Runner,
    output: StepOutput,
  ): Record<string, string> {
    const name = inputs.name || 'artifact';
    const invalid = INVALID_NAME.exec(name);
    if (invalid)
      throw new Error(
        `The artifact name is not valid: ${name}. Contains the following character: ${JSON.stringify(invalid[0])}`,
      );
    if (!inputs.path) throw new Error('Input required and not supplied: path');
    const ifNoFiles = inputs['if-no-files-found'] || 'warn';
    if (!['warn', 'error', 'ignore'].includes(ifNoFiles))
      throw new Error(
        `Unrecognized if-no-files-found input. Provided: ${ifNoFiles}. Available options: warn,error,ignore`,
      );
    const { files, searchPaths } = globFiles(inputs.path.split('\n'), runner.workspace, {
      excludeHidden: inputs['include-hidden-files'] !== 'true',
      home: runner.home,
    });
    if (files.length === 0) {
      const message = `No files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.`;
      if (ifNoFiles === 'error') throw new Error(message);
      if (ifNoFiles === 'warn') output.warn(message);
      else output.print(message);
      return {};
    }
    const [only] = files.length === 1 ? files : [];
    const root =
      searchPaths.length > 1
        ? leastCommonAncestor(searchPaths)
        : only !== undefined && only === searchPaths[0]
          ? path.dirname(only)
          : (searchPaths[0] ?? runner.workspace);
    if (this.artifacts.has(name) && inputs.overwrite !== 'true')
      throw new Error(
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
      );
    const id = this.#nextId++;
    const dir = path.join(this.dir, String(id));
    const stored = files.map((file) => path.relative(root, file));
    files.forEach((file, i) => {
      const destination = path.join(dir, stored[i] ?? '');
      mkdirSync(path.dirname(destination), { recursive: true });
      cpSync(file, destination);
    });
    this.artifacts.set(name, {
      id,
      name,
      dir,
      files: stored.map((file) => file.split(path.sep).join('/')).sort(),
    });
    output.print(
      `With the provided path, there will be ${files.length} file${files.length === 1 ? '' : 's'} uploaded`,
    );
    output.print(`Artifact ${name} has been successfully uploaded! Artifact ID: ${id}`);
    return { 'artifact-id': String(id), 'artifact-url': `${this.runUrl}/artifacts/${id}` };
  }

  download(
    inputs: Readonly<Record<string, string>>,
    runner: Runner,
    output: StepOutput,
  ): Record<string, string> {
    const target = path.resolve(
      runner.workspace,
      (inputs.path || runner.workspace).replace(/^~(?=\/|$)/, runner.home),
    );
    let chosen: Artifact[];
    if (inputs.name) {
      const artifact = this.artifacts.get(inputs.name);
      if (!artifact)
        throw new Error(`Unable to download artifact(s): Artifact '${inputs.name}' not found`);
      chosen = [artifact];
    } else {
      const matches = inputs.pattern ? picomatch(inputs.pattern) : () => true;
      chosen = [...this.artifacts.values()].filter((artifact) => matches(artifact.name));
    }
    const intoOne = Boolean(inputs.name) || inputs['merge-multiple'] === 'true';
    for (const artifact of chosen) {
      const destination = intoOne ? target : path.join(target, artifact.name);
      mkdirSync(destination, { recursive: true });
      cpSync(artifact.dir, destination, { recursive: true });
      output.print(`Artifact ${artifact.name} (ID: ${artifact.id}) downloaded to ${destination}`);
    }
    output.print(`Total of ${chosen.length} artifact(s) downloaded`);
    return chosen.length > 0 ? { 'download-path': target } : {};
  }
}
