import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
import {
  COMMANDS,
  PLAIN_COLORS,
  findCommand,
  formatTable,
  formatTaskEvent,
  packageVersion,
  productLabel,
  require_dist,
  secretMasker
} from "./chunk-RVSKHB7A.js";
import {
  actionState,
  debug,
  error,
  exportVariable,
  getInput,
  getMultilineInput,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-DGLBDW7W.js";
import {
  ReportedError,
  UserError,
  errorMessage
} from "./chunk-BNIO3GDX.js";
import {
  nodeVersionProblem
} from "./chunk-DJNWKIQ3.js";
import {
  __toESM
} from "./chunk-E7AZPVOI.js";

// src/commands/action-manifest.ts
var import_yaml = __toESM(require_dist(), 1);
function sharedInputs(commands = COMMANDS) {
  const inputs = /* @__PURE__ */ new Map();
  for (const command of commands) {
    for (const input of command.inputs) {
      const entry = inputs.get(input.name) ?? {
        name: input.name,
        ...input.default !== void 0 ? { default: input.default } : {},
        uses: []
      };
      const first = entry.uses[0];
      if (first && first.definition.default !== input.default) {
        throw new Error(
          `Input "${input.name}" has default ${JSON.stringify(first.definition.default)} in ${first.commands[0]} but ${JSON.stringify(input.default)} in ${command.name}; give one of them another name`
        );
      }
      const same = entry.uses.find((use) => use.definition.description === input.description);
      if (same) same.commands.push(command.name);
      else entry.uses.push({ definition: input, commands: [command.name] });
      inputs.set(input.name, entry);
    }
  }
  return [...inputs.values()];
}

// src/action/action-host.ts
import { tmpdir } from "node:os";
function createActionHost() {
  return {
    exportVariable: (name, value) => exportVariable(name, value),
    maskSecret: secretMasker(setSecret, warning),
    deleteAfterJob: (file) => actionState.addFileToDelete(file),
    trackCloudJob: (job) => actionState.setRunningJob(job),
    tempDir: process.env.RUNNER_TEMP || tmpdir()
  };
}

// src/action/action-ui.ts
function createActionUi() {
  return {
    colors: PLAIN_COLORS,
    info: (message) => info(message),
    warning: (message) => warning(message),
    debug: (message) => debug(message),
    group: (title, work) => group(title, work),
    task: (event) => {
      const line = formatTaskEvent(event, PLAIN_COLORS);
      if (event.state === "FAILED") error(line, { title: `Task ${event.path} failed` });
      else info(line);
    },
    taskOutput: (task, line) => info(`[${task}] ${line}`),
    diagram(title, mermaid) {
      summary.addHeading(escapeHtml(title), 3).addRaw(`

\`\`\`mermaid
${mermaid}
\`\`\`

`);
    },
    table(title, header, rows) {
      info(`
${title}
${formatTable(header, rows)}`);
      summary.addHeading(escapeHtml(title), 3).addTable([
        header.map((data) => ({ data: escapeHtml(data), header: true })),
        ...rows.map((row) => row.map(escapeHtml))
      ]);
    }
  };
}
function addSummaryFooter(command) {
  if (summary.isEmptyBuffer()) return;
  summary.addRaw(
    `

<sub>${escapeHtml(`${productLabel(packageVersion())} \xB7 ${command}`)}</sub>
`
  );
}
function escapeHtml(text) {
  if (text === "") return " ";
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

// src/action/main.ts
var ACTION_NAME = "mlops-platform";
var actionInputs = {
  string: (name) => getInput(name) || void 0,
  list: (name) => getMultilineInput(name).filter((line) => line.trim() !== ""),
  boolean: (name) => {
    const value = getInput(name).trim().toLowerCase();
    if (value === "") return void 0;
    if (value === "true") return true;
    if (value === "false") return false;
    throw new UserError(`Input "${name}" is "${value}"`, { fix: "Use true or false." });
  }
};
function inputsNotTaken(command, env) {
  const taken = new Set(command.inputs.map((input) => input.name));
  return sharedInputs().filter((input) => !taken.has(input.name)).filter((input) => {
    const value = env[`INPUT_${input.name.replaceAll(" ", "_").toUpperCase()}`] ?? "";
    return value.trim() !== "" && value !== (input.default ?? "");
  }).map((input) => input.name);
}
async function run(fixedCommand) {
  const commandName = fixedCommand ?? (getInput("command") || "run");
  try {
    const command = findCommand(commandName);
    actionState.setCommand(command.name);
    const ignored = fixedCommand ? [] : inputsNotTaken(command, process.env);
    if (ignored.length > 0) {
      const them = ignored.length === 1 ? "it" : "them";
      warning(
        `${command.name} does not take ${ignored.map((name) => `"${name}"`).join(", ")}: ignored. Remove ${them} from the step's with:.`
      );
    }
    const context = {
      ui: createActionUi(),
      host: createActionHost(),
      cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
      env: process.env
    };
    const inputs = command.parseInputs(actionInputs, context);
    const result = await command.run(inputs, context);
    for (const [name, value] of Object.entries(result.outputs)) setOutput(name, value);
    if (result.failure) setFailed(`${ACTION_NAME} ${command.name} failed: ${result.failure}`);
  } catch (error2) {
    const kind = error2 instanceof UserError ? "configuration error" : "failed";
    setFailed(`${ACTION_NAME} ${commandName} ${kind}: ${errorMessage(error2)}`);
    if (error2 instanceof Error && !(error2 instanceof ReportedError) && error2.stack)
      debug(error2.stack);
  } finally {
    addSummaryFooter(commandName);
    await summary.write();
  }
}

// src/action/main-entry.ts
async function startMainStep(command) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) warning(`${problem}: some commands may fail. Use runs.using: node24.`);
  await run(command);
}

export {
  startMainStep
};
