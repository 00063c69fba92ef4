import type { PipelineSpec } from './schema.js';
import type { PipelineTaskSpec } from './schema-components.js';

/** The tasks a task waits for: its dependentTasks and the producers of its inputs. */
export function taskDependencies(task: PipelineTaskSpec): string[] {
  const names = new Set(task.dependentTasks ?? []);
  for (const input of Object.values(task.inputs?.parameters ?? {})) {
    if (input.taskOutputParameter?.producerTask) names.add(input.taskOutputParameter.producerTask);
    if (input.taskFinalStatus?.producerTask) names.add(input.taskFinalStatus.producerTask);
  }
  for (const input of Object.values(task.inputs?.artifacts ?? {})) {
    if (input.taskOutputArtifact?.producerTask) names.add(input.taskOutputArtifact.producerTask);
  }
  return [...names];
}

/**
 * Every task of the pipeline by path (`train`, `condition-1/deploy`, as run records name them)
 * with the paths of the tasks it waits for, sub-DAGs included.
 */
export function dependencyPaths(spec: PipelineSpec): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const walk = (tasks: Readonly<Record<string, PipelineTaskSpec>>, prefix: string): void => {
    for (const [name, task] of Object.entries(tasks)) {
      paths.set(
        `${prefix}${name}`,
        taskDependencies(task).map((dependency) => `${prefix}${dependency}`),
      );
      const component = spec.components?.[task.componentRef.name];
      if (component?.dag?.tasks) walk(component.dag.tasks, `${prefix}${name}/`);
    }
  };
  walk(spec.root.dag?.tasks ?? {}, '');
  return paths;
}
