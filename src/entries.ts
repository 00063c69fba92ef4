/**
 * The bundle's one entry: scripts/build.mjs bundles it with ncc to dist/bundle/index.js, and the
 * files the runner and the shell start (dist/main.js, dist/post.js, dist/cli.js and
 * dist/actions/<command>.js) are two lines over it. Each host is imported lazily, so a step
 * loads only its own code.
 */

/** The action's main step; `command` is fixed by `<command>/action.yml`, else the input chooses. */
export async function startMainStep(command?: string): Promise<void> {
  const { startMainStep: start } = await import('./action/main-entry.js');
  await start(command);
}

/** The action's post step. */
export async function startPostStep(): Promise<void> {
  const { post } = await import('./action/post.js');
  await post();
}

/** The CLI; resolves to its exit code. */
export async function startCli(argv: readonly string[]): Promise<number> {
  const { startCli: start } = await import('./cli/start.js');
  return start(argv);
}
