/**
 * Runs a ParallelFor loop of the local run: the loop's sub-DAG once per item (from a raw list
 * or an input parameter), at most parallelismLimit at a time, then gathers each DAG output
 * into a list across the iterations.
 */
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import type { ParameterValue } from '../../core/ir/parameters.js';
import type { RuntimeArtifact } from '../../core/ir/placeholders.js';
import type { ComponentSpec, PipelineTaskSpec } from '../../core/ir/schema-components.js';
import { groupState, type Outcome, type Scope } from './local-run-types.js';
import { Slots } from './slots.js';

/** ParallelFor: the loop's sub-DAG once per item, at most parallelismLimit at a time. */
export async function runLoop(
  task: PipelineTaskSpec,
  component: ComponentSpec,
  scope: Scope,
  runDag: (component: ComponentSpec, scope: Scope) => Promise<Outcome>,
): Promise<Outcome> {
  const iterator = task.parameterIterator;
  let items: unknown = undefined;
  if (iterator?.items?.raw !== undefined) items = JSON.parse(iterator.items.raw);
  else if (iterator?.items?.inputParameter !== undefined)
    items = scope.parameters[iterator.items.inputParameter];
  if (typeof items === 'string') items = JSON.parse(items);
  if (!Array.isArray(items)) throw new UserError(`loop items are not a list`);
  const limit = task.iteratorPolicy?.parallelismLimit ?? 0;
  const slots = new Slots(limit > 0 ? limit : items.length);
  const itemInput = iterator?.itemInput ?? '';
  const results = await Promise.all(
    (items as ParameterValue[]).map((item, index) =>
      slots.use(() =>
        runDag(component, {
          path: `${scope.path}/${index}`,
          dir: path.join(scope.dir, String(index)),
          parameters: { ...scope.parameters, [itemInput]: item },
          artifacts: scope.artifacts,
        }),
      ),
    ),
  );
  const parameters: Record<string, ParameterValue> = {};
  const artifacts: Record<string, RuntimeArtifact[]> = {};
  for (const key of Object.keys(component.dag?.outputs?.parameters ?? {})) {
    parameters[key] = results.map((result) => result.parameters[key] ?? null);
  }
  for (const key of Object.keys(component.dag?.outputs?.artifacts ?? {})) {
    artifacts[key] = results.flatMap((result) => result.artifacts[key] ?? []);
  }
  return {
    state: groupState(results),
    parameters,
    artifacts,
  };
}
