import { createRequire as __mlopsCreateRequire } from 'node:module';
import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';
import { dirname as __mlopsDirname } from 'node:path';
const require = __mlopsCreateRequire(import.meta.url);
const __filename = __mlopsFileURLToPath(import.meta.url);
const __dirname = __mlopsDirname(__filename);
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
} from "./chunks/chunk-V4IDTCAQ.js";
import {
  PLAIN_COLORS,
  findCommand,
  formatTable,
  formatTaskEvent,
  secretMasker
} from "./chunks/chunk-NK5LFAPV.js";
import "./chunks/chunk-X6SCAR3F.js";
import "./chunks/chunk-LV7FU3JZ.js";
import "./chunks/chunk-4FC3R7LD.js";
import "./chunks/chunk-DHEVHBAV.js";
import "./chunks/chunk-36D4W4BT.js";
import {
  UserError,
  errorMessage
} from "./chunks/chunk-5NL3ENXG.js";

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
async function run() {
  const commandName = getInput("command") || "run";
  try {
    const command = findCommand(commandName);
    actionState.setCommand(command.name);
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
    if (error2 instanceof Error && !(error2 instanceof UserError) && error2.stack)
      debug(error2.stack);
  } finally {
    await summary.write();
  }
}

// src/action/main-entry.ts
await run();
