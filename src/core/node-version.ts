/** The Node.js major version the action runtime (`node24`) and the CLI are built for. */
export const REQUIRED_NODE_MAJOR = 24;

/** What is wrong with running on `version` (process.versions.node), or undefined when it is new enough. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number.parseInt(version, 10);
  return Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR
    ? undefined
    : `mlops-platform needs Node.js ${REQUIRED_NODE_MAJOR} or newer; this is Node.js ${version}`;
}
