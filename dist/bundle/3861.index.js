export const id = 3861;
export const ids = [3861];
export const modules = {

/***/ 3861:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sharedInputs: () => (/* binding */ sharedInputs)
/* harmony export */ });
/* unused harmony exports actionManifests, isGeneratedManifest, renderActionManifest, renderCommandManifest */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

const HEADER = "# Generated from src/commands by `npm run action-yml`; edit the command definitions, not this file.\n";
function sharedInputs(commands) {
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
function describeInput(definition) {
  const choices = definition.choices ? ` One of: ${definition.choices.join(", ")}.` : "";
  const format = definition.kind === "list" ? " One per line." : definition.kind === "boolean" ? " true or false." : "";
  return `${definition.description}${choices}${format}`;
}
function inputEntry(description, required, defaultValue) {
  return {
    description,
    required,
    ...defaultValue !== void 0 ? { default: defaultValue } : {}
  };
}
function render({ name, description, branding, inputs, outputs, runs }) {
  const manifest = {
    name,
    description,
    author: "mlops-platform",
    ...branding ? { branding } : {},
    inputs,
    outputs,
    runs: { using: "node24", ...runs }
  };
  return `${HEADER}${stringify(manifest, { lineWidth: 0 })}`;
}
function renderActionManifest(commands) {
  const inputs = {
    command: inputEntry(
      `The command to run: ${commands.map((c) => c.name).join(", ")}.`,
      false,
      "run"
    )
  };
  for (const input of sharedInputs(commands)) {
    const description = input.uses.map(
      ({ definition, commands: names }) => `[${names.join(", ")}] ${describeInput(definition)}`
    ).join(" ");
    inputs[input.name] = inputEntry(description, false, input.default);
  }
  const outputs = {};
  for (const command of commands) {
    for (const output of command.outputs) {
      const existing = outputs[output.name];
      outputs[output.name] = existing ? { description: existing.description.replace(/^\[([^\]]*)\]/, `[$1, ${command.name}]`) } : { description: `[${command.name}] ${output.description}` };
    }
  }
  return render({
    name: "mlops-platform",
    description: "Compile, validate and run Kubeflow (KFP v2) pipelines locally or on Vertex AI, from GitHub Actions.",
    branding: { icon: "git-branch", color: "blue" },
    inputs,
    outputs,
    runs: { main: "dist/main.js", post: "dist/post.js" }
  });
}
function renderCommandManifest(command) {
  const inputs = {};
  for (const input of command.inputs)
    inputs[input.name] = inputEntry(describeInput(input), input.required ?? false, input.default);
  return render({
    name: `mlops-platform ${command.name}`,
    description: command.summary,
    inputs,
    outputs: Object.fromEntries(
      command.outputs.map((output) => [output.name, { description: output.description }])
    ),
    runs: {
      main: `../dist/actions/${command.name}.js`,
      ...command.postStep ? { post: "../dist/post.js" } : {}
    }
  });
}
function actionManifests(commands) {
  return new Map([
    ["action.yml", renderActionManifest(commands)],
    ...commands.map((command) => [
      `${command.name}/action.yml`,
      renderCommandManifest(command)
    ])
  ]);
}
const isGeneratedManifest = (text) => text.startsWith(HEADER);



/***/ })

};
