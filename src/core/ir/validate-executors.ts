/**
 * The executor checks of a pipeline spec, for ./validate.ts: container placeholders
 * (`{{$.inputs.parameters['x']}}`, structured IfPresent/Concat ones) and importer runtime
 * parameters must resolve against the interface of every component using the executor.
 *
 * Pure: works on values only.
 */
import { excerpt } from '../errors.js';
import {
  inputsOf,
  outputsOf,
  PIPELINE_CHANNEL_PREFIX,
  type ComponentInterface,
  type Problems,
  type SpecIndex,
} from './validate-index.js';
import { didYouMean, isRecord, known, record, text, type Path } from './validate-values.js';

/** `{{$.inputs.parameters['x']}}`, `{{$.outputs.artifacts['m'].path}}`, ... (the accessor tail is kept for messages). */
const PLACEHOLDER =
  /\{\{\$\.(inputs|outputs)\.(parameters|artifacts)\[\s*(['"])(.*?)\3\s*\][^}]*\}\}/g;
const STRUCTURED_PLACEHOLDER = /^\s*\{\s*"(Concat|IfPresent|IsPresent)"/;

/** Placeholders in an executor resolve against the interface of every component using it. */
export function checkExecutors(index: SpecIndex): void {
  const users = new Map<string, ComponentInterface[]>();
  for (const component of index.components.values()) {
    if (component.executorLabel !== undefined)
      users.set(component.executorLabel, [
        ...(users.get(component.executorLabel) ?? []),
        component,
      ]);
  }
  for (const [label, executor] of Object.entries(index.executors)) {
    const components = users.get(label) ?? [];
    const executorPath = ['deploymentSpec', 'executors', label];
    walkStrings(executor, executorPath, (value, path) => {
      for (const match of value.matchAll(PLACEHOLDER)) {
        const [placeholder, direction = '', collection = '', , name = ''] = match;
        const kind = collection === 'parameters' ? 'parameter' : 'artifact';
        for (const component of components) {
          const declared =
            direction === 'inputs'
              ? [...inputsOf(component, kind).keys()]
              : outputsOf(component, kind);
          if (!declared.includes(name) && !passedByEveryTask(index, component, direction, name)) {
            const what = `${direction === 'inputs' ? 'input' : 'output'} ${kind}`;
            index.problems.add(
              path,
              `${placeholder} refers to ${what} "${name}", which ${component.name} does not declare ${known(declared)}${didYouMean(name, declared)}`,
            );
          }
        }
      }
      if (STRUCTURED_PLACEHOLDER.test(value))
        checkStructuredPlaceholder(index.problems, value, path, components);
    });
    const importer = record(record(executor)['importer']);
    const runtimeParameter = text(record(importer['artifactUri'])['runtimeParameter']);
    for (const component of components) {
      if (runtimeParameter !== undefined && !component.inputParameters.has(runtimeParameter)) {
        index.problems.add(
          [...executorPath, 'importer', 'artifactUri', 'runtimeParameter'],
          `"${runtimeParameter}" is not an input parameter of ${component.name} ${known([...component.inputParameters.keys()])}`,
        );
      }
    }
  }
}

/** An SDK-injected `pipelinechannel--` input is resolvable when every task running the component passes it. */
function passedByEveryTask(
  index: SpecIndex,
  component: ComponentInterface,
  direction: string,
  name: string,
): boolean {
  const tasks = index.taskInputs.get(component.name) ?? [];
  return (
    direction === 'inputs' &&
    name.startsWith(PIPELINE_CHANNEL_PREFIX) &&
    tasks.length > 0 &&
    tasks.every((passed) => passed.has(name))
  );
}

/** `{"IfPresent": {"InputName": "x", "Then": [...], "Else": [...]}}` and `{"Concat": [...]}`, serialized into one argument. */
function checkStructuredPlaceholder(
  problems: Problems,
  value: string,
  path: Path,
  components: readonly ComponentInterface[],
): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    problems.add(path, `malformed structured placeholder (not valid JSON): ${excerpt(value, 80)}`);
    return;
  }
  const inputNames: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) {
        if ((key === 'InputName' || key === 'IsPresent') && typeof child === 'string')
          inputNames.push(child);
        else collect(child);
      }
    }
  };
  collect(parsed);
  for (const name of inputNames) {
    for (const component of components) {
      if (!component.inputParameters.has(name) && !component.inputArtifacts.has(name)) {
        const declared = [...component.inputParameters.keys(), ...component.inputArtifacts.keys()];
        problems.add(
          path,
          `placeholder input "${name}" is not an input of ${component.name} ${known(declared)}${didYouMean(name, declared)}`,
        );
      }
    }
  }
}

function walkStrings(value: unknown, path: Path, visit: (value: string, path: Path) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, position) => walkStrings(item, [...path, position], visit));
  else if (isRecord(value))
    for (const [key, child] of Object.entries(value)) walkStrings(child, [...path, key], visit);
}
