import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';
import { UserError } from '../core/errors.js';
import { taskEnvironment } from '../core/pipeline/task-environment.js';

/** Exit code the helper script uses to say "kfp is not installed". */
const KFP_MISSING = 3;
const NO_PIPELINE = 4;

// Imports the user's file as a module, finds its @dsl.pipeline functions and compiles one with
// the real KFP compiler, so the IR is exactly what the user's kfp version writes.
const COMPILE_SCRIPT = `
import importlib.util, sys
try:
    from kfp import compiler
    from kfp.dsl import base_component
except ImportError as error:
    print(f"kfp is not importable by {sys.executable}: {error}", file=sys.stderr)
    sys.exit(${KFP_MISSING})
source, output, wanted = sys.argv[1], sys.argv[2], sys.argv[3]
spec = importlib.util.spec_from_file_location("mlops_user_pipeline", source)
module = importlib.util.module_from_spec(spec)
sys.modules["mlops_user_pipeline"] = module
spec.loader.exec_module(module)
pipelines = {name: value for name, value in vars(module).items()
             if isinstance(value, base_component.BaseComponent) and getattr(value, "pipeline_spec", None) is not None
             and type(value).__name__ == "GraphComponent"}
if wanted:
    pipelines = {name: value for name, value in pipelines.items() if name == wanted}
if len(pipelines) != 1:
    names = ", ".join(sorted(pipelines)) or "none"
    print(f"expected one @dsl.pipeline function{' named ' + wanted if wanted else ''}, found: {names}", file=sys.stderr)
    sys.exit(${NO_PIPELINE})
compiler.Compiler().compile(next(iter(pipelines.values())), output)
`;

export interface PythonCompileOptions {
  readonly python: string;
  /** The @dsl.pipeline function to compile when the file has several. */
  readonly functionName?: string;
}

/** Compiles a KFP Python pipeline file by running the user's Python with kfp; returns the IR text. */
export async function compileKfpPython(
  file: string,
  options: PythonCompileOptions,
): Promise<string> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'mlops-kfp-'));
  try {
    const script = path.join(workspace, 'compile.py');
    const output = path.join(workspace, 'pipeline.yaml');
    await writeFile(script, COMPILE_SCRIPT);
    let result;
    try {
      result = await getExecOutput(
        options.python,
        [script, file, output, options.functionName ?? ''],
        {
          silent: true,
          ignoreReturnCode: true,
          cwd: path.dirname(file),
          // The pipeline file is repository code: it gets a task's environment, not the tool's.
          env: {
            ...taskEnvironment(process.env),
            PYTHONPATH: [path.dirname(file), process.env.PYTHONPATH]
              .filter(Boolean)
              .join(path.delimiter),
          },
        },
      );
    } catch (error) {
      throw new UserError(
        `Cannot run ${options.python} to compile ${file}: ${(error as Error).message}`,
        {
          fix: 'Install Python 3 with kfp (pip install kfp), or pass --python with the interpreter to use.',
        },
      );
    }
    const lastLine = result.stderr.trim().split('\n').at(-1) ?? '';
    if (result.exitCode === KFP_MISSING) {
      throw new UserError(`Cannot compile ${file}: ${lastLine}`, {
        fix: `Install the KFP SDK for that interpreter (${options.python} -m pip install kfp), or pass --python.`,
      });
    }
    if (result.exitCode === NO_PIPELINE)
      throw new UserError(`Cannot compile ${file}: ${lastLine}`, {
        fix: 'Name the function with --function.',
      });
    if (result.exitCode !== 0) {
      throw new UserError(
        `Compiling ${file} with kfp failed (exit code ${result.exitCode}): ${lastLine}`,
        {
          details: result.stderr.trim().split('\n').slice(-15),
          fix: 'Fix the error in the pipeline code; the Python traceback is above.',
        },
      );
    }
    return await readFile(output, 'utf8');
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}
