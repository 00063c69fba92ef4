import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  fileIdentifier,
  parseFileReference,
} from '@actions/workflow-parser/workflows/file-reference';
import picomatch from 'picomatch';
import type { Pin, RepositoryUnderTest, WorkflowEvent } from './types.js';

/**
 * Workflow files read and checked by GitHub's own parser (@actions/workflow-parser): schema,
 * expression contexts allowed per key, reusable workflow calls (undeclared or missing inputs and
 * secrets). The model it converts to omits some keys (permissions, defaults, `with:` of steps,
 * timeouts, workflow_call outputs, number inputs), which the harness reads from the parsed tree.
 */

/** Which repository a workflow file lives in: the caller's, or this action's. */
export type Origin = 'caller' | 'action';

export interface WorkflowFile {
  readonly origin: Origin;
  /** Path inside its repository. */
  readonly path: string;
  readonly name: string;
  readonly template: WorkflowTemplate;
  readonly root: MappingToken;
}

/** A workflow GitHub would not start: every message its parser (or the harness's checks) gave. */
export class WorkflowError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join('\n'));
  }
}

/** A ref GitHub resolves: a full commit SHA or a version tag (a branch is refused here). */
export function pinOf(ref: string): Pin | undefined {
  if (/^[0-9a-f]{40}$/.test(ref)) return 'sha';
  if (/^v?\d+(\.\d+)*$/.test(ref)) return 'tag';
  return undefined;
}

export interface Resolved {
  readonly origin: Origin;
  readonly path: string;
  readonly pin: Pin;
}

export class WorkflowLoader {
  constructor(
    private readonly repository: RepositoryUnderTest,
    private readonly actionRoot: string,
    private readonly actionRepository: string,
  ) {}

  /** A reusable workflow reference, from a file in `from`. */
  resolve(uses: string, from: Origin): Resolved {
    const reference = parseFileReference(uses);
    if (!('repository' in reference)) return { origin: from, path: reference.path, pin: 'local' };
    const owner = `${reference.owner}/${reference.repository}`;
    if (owner.toLowerCase() !== this.actionRepository.toLowerCase())
      throw new Error(`the harness has no reusable workflow ${uses}`);
    const pin = pinOf(reference.version);
    if (!pin)
      throw new Error(
        `${uses}: the harness takes a full commit SHA or a version tag, not a branch`,
      );
    return { origin: 'action', path: reference.path, pin };
  }

  read(origin: Origin, file: string): string {
    try {
      if (origin === 'action') return readFileSync(path.join(this.actionRoot, file), 'utf8');
      // GitHub reads the caller's workflows at the event's commit, not from a working tree.
      return execFileSync('git', ['show', `${this.repository.sha}:${file}`], {
        cwd: this.repository.dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      throw new Error(`${this.display(origin, file)}: no such workflow file`);
    }
  }

  display(origin: Origin, file: string): string {
    return origin === 'action' ? `${this.actionRepository}/${file}` : file;
  }

  async load(origin: Origin, file: string): Promise<WorkflowFile> {
    let content: string;
    try {
      content = this.read(origin, file);
    } catch (error) {
      throw new WorkflowError([error instanceof Error ? error.message : String(error)]);
    }
    const parsed = parseWorkflow(
      { name: this.display(origin, file), content },
      new NoOperationTraceWriter(),
    );
    const unresolved: string[] = [];
    const template = parsed.value
      ? await convertWorkflowTemplate(
          parsed.context,
          parsed.value,
          {
            getFileContent: (reference) => {
              try {
                const target = this.resolve(fileIdentifier(reference), origin);
                const name = this.display(target.origin, target.path);
                return Promise.resolve({ name, content: this.read(target.origin, target.path) });
              } catch (error) {
                unresolved.push(error instanceof Error ? error.message : String(error));
                throw error;
              }
            },
          },
          { fetchReusableWorkflowDepth: 1 },
        )
      : undefined;
    const errors =
      template?.errors?.map((e) => e.Message) ??
      parsed.context.errors.getErrors().map((e) => e.message);
    if (unresolved.length > 0 || errors.length > 0 || !template || !parsed.value)
      // The parser's own "Unable to find reusable workflow" says less than the harness's reason.
      throw new WorkflowError([
        ...unresolved,
        ...errors.filter(
          (e) => !unresolved.length || !e.endsWith('Unable to find reusable workflow'),
        ),
      ]);
    const root = parsed.value.assertMapping('workflow root');
    const name = root.find('name');
    return {
      origin,
      path: file,
      name: name && isString(name) ? name.value : file,
      template,
      root,
    };
  }
}

/** `on.<event>` as written, or undefined when the workflow has no such trigger. */
function trigger(root: MappingToken, event: string): TemplateToken | null | undefined {
  const on = root.find('on');
  if (!on) return undefined;
  if (isString(on)) return on.value === event ? null : undefined;
  if (isSequence(on)) {
    for (const item of on) if (isString(item) && item.value === event) return null;
    return undefined;
  }
  const value = on.assertMapping('on').find(event);
  if (value === undefined) return undefined;
  return isMapping(value) ? value : null;
}

export interface InputDefinition {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly default?: TemplateToken;
  readonly options?: readonly string[];
}

/** `on.<event>.<section>` entries (inputs, secrets, outputs), in file order. */
export function triggerEntries(
  root: MappingToken,
  event: string,
  section: 'inputs' | 'secrets' | 'outputs',
): Array<[string, MappingToken | undefined]> {
  const config = trigger(root, event);
  const entries = config ? config.assertMapping(event).find(section) : undefined;
  if (!entries) return [];
  return [...entries.assertMapping(section)].map((pair) => [
    pair.key.assertString(section).value,
    isMapping(pair.value) ? pair.value : undefined,
  ]);
}

export function inputDefinitions(root: MappingToken, event: string): InputDefinition[] {
  return triggerEntries(root, event, 'inputs').map(([name, spec]) => {
    const type = spec?.find('type');
    const required = spec?.find('required');
    const options = spec?.find('options');
    const fallback = spec?.find('default');
    return {
      name,
      type: type && isString(type) ? type.value : 'string',
      required: required?.assertBoolean('required').value ?? false,
      ...(fallback ? { default: fallback } : {}),
      ...(options
        ? {
            options: [...options.assertSequence('options')].map(
              (o) => o.assertString('option').value,
            ),
          }
        : {}),
    };
  });
}

/**
 * GitHub starts a workflow only for a trigger it has, and for push and pull_request only when
 * the branch filters match (`paths` filters are not modelled: they need the event's diff).
 */
export function checkTrigger(
  file: WorkflowFile,
  event: WorkflowEvent,
  repository: RepositoryUnderTest,
): void {
  const config = trigger(file.root, event.name);
  if (config === undefined)
    throw new Error(`${file.path} has no \`on: ${event.name}\` trigger: GitHub would not run it`);
  if (!config || (event.name !== 'push' && event.name !== 'pull_request')) return;
  const pullRequest = event.payload?.pull_request as { base?: { ref?: string } } | undefined;
  const branch =
    event.name === 'push'
      ? repository.ref.replace(/^refs\/heads\//, '')
      : (pullRequest?.base?.ref ?? repository.defaultBranch);
  const list = (key: string) => {
    const value = config.assertMapping(event.name).find(key);
    return value
      ? [...value.assertSequence(key)].map((item) => item.assertString(key).value)
      : undefined;
  };
  const branches = list('branches');
  const ignored = list('branches-ignore');
  if (
    (branches && !picomatch.isMatch(branch, branches)) ||
    (ignored && picomatch.isMatch(branch, ignored))
  )
    throw new Error(`${file.path}: the ${event.name} branch filter excludes '${branch}'`);
}
