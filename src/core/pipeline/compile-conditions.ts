/**
 * The when-groups of a declarative pipeline (./compile-declarative.ts): tasks sharing a `when`
 * expression form one `condition-N` group, and each expression is rewritten into the SDK's
 * CEL over `pipelinechannel--*` inputs, collecting the inputs and upstream tasks it needs.
 *
 * Pure: works on values only.
 */
import { UserError } from '../errors.js';
import {
  channelName,
  describeReference,
  type CompileScope,
  type ConditionGroup,
  type ResolvedReference,
} from './compile-model.js';
import type { DeclarativePipeline } from './declarative-schema.js';
import { findConditionReferences } from './references.js';

export function assignConditionGroups(pipeline: DeclarativePipeline): {
  list: ConditionGroup[];
  byTask: Map<string, number>;
} {
  const list: ConditionGroup[] = [];
  const byTask = new Map<string, number>();
  for (const [name, task] of Object.entries(pipeline.tasks)) {
    if (task.when === undefined) continue;
    const expression = task.when.trim();
    let group = list.find((candidate) => candidate.expression === expression);
    if (!group) {
      group = { index: list.length + 1, expression, tasks: [] };
      list.push(group);
    }
    group.tasks.push(name);
    byTask.set(name, group.index);
  }
  return { list, byTask };
}

/** Rewrites `evaluate.accuracy >= params.min` into the SDK's CEL over channel inputs. */
export function conditionExpression(
  scope: CompileScope,
  group: ConditionGroup,
  inputs: Map<string, ResolvedReference>,
  dependencies: Set<string>,
): string {
  const where = `tasks.${group.tasks[0] ?? ''}.when`;
  let found;
  try {
    found = findConditionReferences(group.expression, scope.taskNames);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    scope.problems.push(`${where}: ${error.describe()}`);
    return group.expression;
  }
  if (found.length === 0)
    scope.problems.push(
      `${where}: "${group.expression}" does not depend on any parameter or task output`,
    );
  let condition = group.expression;
  for (const { reference, start, end } of [...found].sort((a, b) => b.start - a.start)) {
    const resolved = scope.resolve(reference, where);
    if (!resolved) continue;
    if (resolved.kind === 'task-artifact') {
      scope.problems.push(
        `${where}: ${describeReference(resolved)} is an artifact; conditions can only test parameters (output the metric as a Float too)`,
      );
      continue;
    }
    if (resolved.kind === 'task-parameter') {
      const producer = scope.tasks.get(resolved.task);
      if (producer?.group !== undefined) {
        scope.problems.push(
          `${where}: "${resolved.task}" is itself conditional; a when-expression can only use unconditional tasks`,
        );
      }
      dependencies.add(resolved.task);
    }
    const channel = channelName(resolved);
    inputs.set(channel, resolved);
    const access = `inputs.parameter_values['${channel}']`;
    condition =
      condition.slice(0, start) +
      (resolved.type === 'NUMBER_INTEGER' ? `int(${access})` : access) +
      condition.slice(end);
  }
  return condition;
}
