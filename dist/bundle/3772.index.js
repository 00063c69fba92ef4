export const id = 3772;
export const ids = [3772];
export const modules = {

/***/ 4158:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


/**
 * @license
 * Copyright 2020 Balena Ltd.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *    http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * ------------------------------------------------------------------------
 *
 * Copyright 2018 Zeit, Inc.
 * Licensed under the MIT License. See file LICENSE.md for a full copy.
 *
 * ------------------------------------------------------------------------
 */

/**
 * This module implements the [dockerignore
 * spec](https://docs.docker.com/engine/reference/builder/#dockerignore-file),
 * closely following Docker's (Moby) Golang implementation:
 * https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go
 * https://github.com/moby/moby/blob/v19.03.8/pkg/archive/archive.go#L825
 *
 * Something the spec is not clear about, but we discovered by reading source code
 * and testing against the "docker build" command, is the handling of backslashes and
 * forward slashes as path separators and escape characters in the .dockerignore file
 * across platforms including Windows, Linux and macOS:
 *
 * * On Linux and macOS, only forward slashes can be used as path separators in the
 *   .dockerignore file, and the backslash works as an escape character.
 * * On Windows, both forward slashes and backslashes are allowed as path separators
 *   in the .dockerignore file, and the backslash is not used as an escape character.
 *
 * This is consistent with how Windows works generally: both forward slashes and
 * backslashes are accepted as path separators by the cmd.exe Command Prompt or
 * PowerShell, and by library functions like the Golang filepath.Clean or the
 * Node.js path.normalize.
 *
 * Similarly, path strings provided to the IgnoreBase.ignores() and IgnoreBase.filter()
 * methods can use either forward slashes or backslashes as path separators on Windows,
 * but only forward slashes are accepted as path separators on Linux and macOS.
 */

const path = __webpack_require__(6928);

const factory = options => new IgnoreBase(options); // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L538-L539
// Fixes typescript module import


factory.default = factory;
module.exports = factory;

function make_array(subject) {
  return Array.isArray(subject) ? subject : [subject];
}

const REGEX_TRAILING_SLASH = /(?<=.)\/$/;
const REGEX_TRAILING_BACKSLASH = /(?<=.)\\$/;
const REGEX_TRAILING_PATH_SEP = path.sep === '\\' ? REGEX_TRAILING_BACKSLASH : REGEX_TRAILING_SLASH;
const KEY_IGNORE = typeof Symbol !== 'undefined' ? Symbol.for('dockerignore') : 'dockerignore'; // An implementation of Go's filepath.Clean
// https://golang.org/pkg/path/filepath/#Clean
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Note that, like Go, on Windows this function converts forward slashes
// to backslashes.

function cleanPath(file) {
  return path.normalize(file).replace(REGEX_TRAILING_PATH_SEP, '');
} // Javascript port of Golang's filepath.ToSlash
// https://golang.org/pkg/path/filepath/#ToSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go
// Convert any OS-specific path separator to '/'. Backslash is converted
// to forward slash on Windows, but not on Linux/macOS.
// Note that both forward slashes and backslashes are valid path separators on
// Windows. As a result, code such as `pattern.split(path.sep).join('/')` fails
// on Windows when forward slashes are used as path separators.


function toSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\\/g, '/');
} // Javascript port of Golang's filepath.FromSlash
// https://github.com/golang/go/blob/master/src/path/filepath/path.go


function fromSlash(file) {
  if (path.sep === '/') {
    return file;
  }

  return file.replace(/\//g, path.sep);
}

class IgnoreBase {
  constructor({
    // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L372
    ignorecase = true
  } = {}) {
    this._rules = [];
    this._ignorecase = ignorecase;
    this[KEY_IGNORE] = true;

    this._initCache();
  }

  _initCache() {
    this._cache = {};
  } // @param {Array.<string>|string|Ignore} pattern


  add(pattern) {
    this._added = false;

    if (typeof pattern === 'string') {
      pattern = pattern.split(/\r?\n/g);
    }

    make_array(pattern).forEach(this._addPattern, this); // Some rules have just added to the ignore,
    // making the behavior changed.

    if (this._added) {
      this._initCache();
    }

    return this;
  } // legacy


  addPattern(pattern) {
    return this.add(pattern);
  }

  _addPattern(pattern) {
    // https://github.com/kaelzhang/node-ignore/issues/32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules);
      this._added = true;
      return;
    }

    if (this._checkPattern(pattern)) {
      const rule = this._createRule(pattern.trim());

      if (rule !== null) {
        this._added = true;

        this._rules.push(rule);
      }
    }
  }

  _checkPattern(pattern) {
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L34-L40
    return pattern && typeof pattern === 'string' && pattern.indexOf('#') !== 0 && pattern.trim() !== "";
  }

  filter(paths) {
    return make_array(paths).filter(path => this._filter(path));
  }

  createFilter() {
    return path => this._filter(path);
  }

  ignores(path) {
    return !this._filter(path);
  } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L41-L53
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L29-L55


  _createRule(pattern) {
    const origin = pattern;
    let negative = false; // > An optional prefix "!" which negates the pattern;
    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L43-L46

    if (pattern[0] === '!') {
      negative = true;
      pattern = pattern.substring(1).trim();
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L47-L53


    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      pattern = toSlash(pattern);

      if (pattern.length > 1 && pattern[0] === '/') {
        pattern = pattern.slice(1);
      }
    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L54-L55


    if (negative) {
      pattern = '!' + pattern;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L30


    pattern = pattern.trim();

    if (pattern === "") {
      return null;
    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L34
    // convert forward slashes to backslashes on Windows


    pattern = cleanPath(pattern); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L36-L42

    if (pattern[0] === '!') {
      if (pattern.length === 1) {
        return null;
      }

      negative = true;
      pattern = pattern.substring(1);
    } else {
      negative = false;
    }

    return {
      origin,
      pattern,
      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L54
      dirs: pattern.split(path.sep),
      negative
    };
  } // @returns `Boolean` true if the `path` is NOT ignored


  _filter(path) {
    if (!path) {
      return false;
    }

    if (path in this._cache) {
      return this._cache[path];
    }

    return this._cache[path] = this._test(path);
  } // @returns {Boolean} true if a file is NOT ignored
  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L62


  _test(file) {
    file = fromSlash(file); // equivalent to golang filepath.Dir() https://golang.org/src/path/filepath/path.go

    const parentPath = cleanPath(path.dirname(file));
    const parentPathDirs = parentPath.split(path.sep);
    let matched = false;

    this._rules.forEach(rule => {
      let match = this._match(file, rule); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L80


      if (!match && parentPath !== ".") {
        // Check to see if the pattern matches one of our parent dirs.
        if (rule.dirs.includes('**')) {
          // Ah shucks! We have to test every possible parent path that has 
          // a number of dirs _n_ where 
          // `rule.dirs.filter(doubleStar).length <= _n_ <= parentPathDirs.length`
          // since the ** can imply any number of directories including 0
          for (let i = rule.dirs.filter(x => x !== '**').length; i <= parentPathDirs.length; i++) {
            match = match || this._match(parentPathDirs.slice(0, i).join(path.sep), rule);
          }
        } else if (rule.dirs.length <= parentPathDirs.length) {
          // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L83
          match = this._match(parentPathDirs.slice(0, rule.dirs.length).join(path.sep), rule);
        }
      }

      if (match) {
        matched = !rule.negative;
      }
    });

    return !matched;
  } // @returns {Boolean} true if a file is matched by a rule


  _match(file, rule) {
    return this._compile(rule).regexp.test(file);
  } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L139


  _compile(rule) {
    if (rule.regexp) {
      return rule;
    }

    let regStr = '^'; // Go through the pattern and convert it to a regexp.

    let escapedSlash = path.sep === '\\' ? '\\\\' : path.sep;

    for (let i = 0; i < rule.pattern.length; i++) {
      const ch = rule.pattern[i];

      if (ch === '*') {
        if (rule.pattern[i + 1] === '*') {
          // is some flavor of "**"
          i++; // Treat **/ as ** so eat the "/"

          if (rule.pattern[i + 1] === path.sep) {
            i++;
          }

          if (rule.pattern[i + 1] === undefined) {
            // is "**EOF" - to align with .gitignore just accept all
            regStr += ".*";
          } else {
            // is "**"
            // Note that this allows for any # of /'s (even 0) because
            // the .* will eat everything, even /'s
            regStr += `(.*${escapedSlash})?`;
          }
        } else {
          // is "*" so map it to anything but "/"
          regStr += `[^${escapedSlash}]*`;
        }
      } else if (ch === '?') {
        // "?" is any char except "/"
        regStr += `[^${escapedSlash}]`;
      } else if (ch === '.' || ch === '$') {
        // Escape some regexp special chars that have no meaning
        // in golang's filepath.Match
        regStr += `\\${ch}`;
      } else if (ch === '\\') {
        // escape next char. Note that a trailing \ in the pattern
        // will be left alone (but need to escape it)
        if (path.sep === '\\') {
          // On windows map "\" to "\\", meaning an escaped backslash,
          // and then just continue because filepath.Match on
          // Windows doesn't allow escaping at all
          regStr += escapedSlash;
          continue;
        }

        if (rule.pattern[i + 1] !== undefined) {
          regStr += '\\' + rule.pattern[i + 1];
          i++;
        } else {
          regStr += '\\';
        }
      } else {
        regStr += ch;
      }
    }

    regStr += "$";
    rule.regexp = new RegExp(regStr, this._ignorecase ? 'i' : '');
    return rule;
  }

}


/***/ }),

/***/ 7443:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ remoteRepository),
/* harmony export */   o: () => (/* binding */ gitOutput)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);

function gitOutput(cwd, args) {
  try {
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    }).trim();
  } catch {
    return void 0;
  }
}
function remoteRepository(cwd) {
  const url = gitOutput(cwd, ["remote", "get-url", "origin"]);
  return url ? /github\.com[:/]([^/]+\/[^/]+?)(\.git)?$/.exec(url)?.[1] : void 0;
}



/***/ }),

/***/ 4642:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runProcess),
/* harmony export */   r: () => (/* binding */ quoteArgv)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);


const LOG_TAIL_LINES = 30;
function quoteArgv(argv) {
  return argv.map((arg) => /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`).join(" ");
}
function runProcess(file, args, options) {
  return new Promise((resolve) => {
    const log = options.logFile ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(options.logFile, { flags: "a" }) : void 0;
    const tail = [];
    const stdout = [];
    let partial = "";
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
      detached: true
    });
    const stop = () => {
      if (child.pid === void 0 || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
      }
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    const keep = (line) => {
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      options.onOutput?.(line);
    };
    const onData = (chunk) => {
      log?.write(chunk);
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      lines.forEach(keep);
    };
    child.stdout?.on("data", (chunk) => {
      stdout.push(chunk);
      onData(chunk);
    });
    child.stderr?.on("data", onData);
    if (options.input !== void 0) {
      child.stdin?.on("error", () => void 0);
      child.stdin?.end(options.input);
    }
    let spawnError;
    child.on("error", (error) => {
      spawnError = error;
    });
    child.on("close", (code, signal) => {
      options.signal?.removeEventListener("abort", stop);
      if (partial) keep(partial);
      const result = {
        exitCode: code ?? (signal ? 128 + 15 : 1),
        logTail: tail,
        stdout: Buffer.concat(stdout).toString("utf8"),
        ...spawnError ? { spawnError } : {}
      };
      if (log) log.end(() => resolve(result));
      else resolve(result);
    });
  });
}



/***/ }),

/***/ 3772:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildCommand: () => (/* binding */ buildCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/endpoints.js
var endpoints = __webpack_require__(824);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/git.js
var git = __webpack_require__(7443);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/registry/registry-client.js
var registry_client = __webpack_require__(6714);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/registry/registry-credentials.js
var registry_credentials = __webpack_require__(4195);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/images/image-reference.js
var image_reference = __webpack_require__(3698);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/ir/parameters.js
var parameters = __webpack_require__(8612);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/google-names.js
var google_names = __webpack_require__(4807);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/google-inputs.js
var google_inputs = __webpack_require__(8826);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/image-checks.js + 1 modules
var image_checks = __webpack_require__(2076);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/image-inputs.js
var image_inputs = __webpack_require__(5536);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(4158);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/docker/build-context.js




const createIgnore = ignore;
const CREDENTIAL_FILE = /(^|\/)(gha-creds-[0-9a-f]{16}|mlops-credentials-[0-9a-f]{16})\.json$/;
const MAX_CREDENTIAL_BYTES = 64 * 1024;
const CREDENTIAL_TYPES = /* @__PURE__ */ new Set([
  "service_account",
  "external_account",
  "authorized_user",
  "impersonated_service_account",
  "external_account_authorized_user"
]);
function isGoogleCredentialJson(content) {
  if (content.length > MAX_CREDENTIAL_BYTES || !content.includes('"type"')) return false;
  try {
    const parsed = JSON.parse(content.toString("utf8"));
    return typeof parsed === "object" && parsed !== null && CREDENTIAL_TYPES.has(String(parsed.type));
  } catch {
    return false;
  }
}
async function ignoreRules(settings) {
  for (const file of [
    `${settings.dockerfile}.dockerignore`,
    external_node_path_.join(settings.context, ".dockerignore")
  ]) {
    try {
      return (await (0,promises_.readFile)(file, "utf8")).split(/\r?\n/);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  return [];
}
async function hashBuildContext(settings, credentialPaths = []) {
  const inUse = new Set(credentialPaths.map((file) => external_node_path_.resolve(file)));
  const credentialFiles = [];
  const rules = await ignoreRules(settings);
  const ignore = createIgnore().add(rules);
  const hasExceptions = rules.some((rule) => rule.trim().startsWith("!"));
  const entries = [];
  const walk = async (relativeDir) => {
    const dir = external_node_path_.join(settings.context, relativeDir);
    const names = (await (0,promises_.readdir)(dir)).sort();
    for (const name of names) {
      const relative = relativeDir ? `${relativeDir}/${name}` : name;
      if (relative === ".git") continue;
      const absolute = external_node_path_.join(dir, name);
      const ignored = ignore.ignores(relative);
      const stat = await (0,promises_.lstat)(absolute);
      if (stat.isDirectory()) {
        if (!ignored) entries.push({ relative: `${relative}/`, absolute });
        if (!ignored || hasExceptions) await walk(relative);
      } else if (!ignored) entries.push({ relative, absolute });
    }
  };
  await walk("");
  const hash = (0,external_node_crypto_.createHash)("sha256");
  const field = (value) => {
    hash.update(`${Buffer.byteLength(value)}:${value}`);
  };
  field("mlops-build-context/v1");
  field(settings.platform);
  field(await (0,promises_.readFile)(settings.dockerfile, "utf8"));
  for (const [key, value] of Object.entries(settings.buildArgs).sort())
    field(`arg ${key}=${value}`);
  for (const [key, value] of Object.entries(settings.labels).sort()) field(`label ${key}=${value}`);
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    const stat = await (0,promises_.lstat)(entry.absolute);
    const mode = (stat.mode & 73) !== 0 ? "x" : "-";
    if (stat.isDirectory()) field(`dir ${entry.relative}`);
    else if (stat.isSymbolicLink())
      field(`link ${entry.relative} ${await (0,promises_.readlink)(entry.absolute)}`);
    else {
      const content = await (0,promises_.readFile)(entry.absolute);
      field(`file ${entry.relative} ${mode} ${(0,external_node_crypto_.createHash)("sha256").update(content).digest("hex")}`);
      files += 1;
      bytes += content.length;
      if (CREDENTIAL_FILE.test(entry.relative) || inUse.has(entry.absolute) || entry.relative.endsWith(".json") && isGoogleCredentialJson(content))
        credentialFiles.push(entry.relative);
    }
  }
  return { hash: hash.digest("hex"), files, bytes, credentialFiles };
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/gcp/grpc-codes.js
var grpc_codes = __webpack_require__(578);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/gcp/google-client.js
var google_client = __webpack_require__(9167);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/gcp/docker-repositories.js




function repositoryName(repository) {
  return `projects/${repository.project}/locations/${repository.location}/repositories/${repository.repository}`;
}
class DockerRepositories {
  #session;
  constructor(session) {
    this.#session = session;
  }
  static async connect(options) {
    const google = await (0,google_client/* loadGoogleClients */.SD)(options.project, options.env);
    const endpoint = (0,endpoints/* googleEndpoints */.g)(options.env).artifactRegistry;
    return new DockerRepositories(
      new google_client/* ClientSession */.ed(
        () => new google.ArtifactRegistryClient(
          (0,google_client/* restClientOptions */.i3)(endpoint, options.project, options.env)
        ),
        {
          onRetry: options.onRetry,
          fixes: {
            [grpc_codes/* RPC_CODES */.ff.PERMISSION_DENIED]: "The identity lacks permission on the repository: grant its service account roles/artifactregistry.writer (roles/artifactregistry.repoAdmin to let build create repositories)."
          }
        }
      )
    );
  }
  /** Finds the repository, creating it when missing and allowed; says which happened. */
  async ensure(target, create) {
    const name = repositoryName(target);
    const found = await this.#session.call(`read the repository ${name}`, async (client) => {
      try {
        return (await client.getRepository({ name }))[0];
      } catch (error) {
        if ((0,google_client/* grpcCode */._K)(error) === grpc_codes/* RPC_CODES */.ff.NOT_FOUND) return void 0;
        throw error;
      }
    });
    if (found) {
      const format = String(found.format ?? "");
      if (format !== "DOCKER" && format !== "1") {
        throw new errors/* UserError */.yo(`The repository ${name} holds ${format} packages, not Docker images`, {
          fix: "Give a Docker-format repository in repository (or a new name, which build creates)."
        });
      }
      return "found";
    }
    if (!create) {
      throw new errors/* UserError */.yo(`The Artifact Registry repository ${name} does not exist`, {
        fix: `Create it (gcloud artifacts repositories create ${target.repository} --repository-format=docker --location=${target.location}), or set create-repository: true.`
      });
    }
    await this.#session.call(`create the repository ${name}`, async (client) => {
      try {
        const [operation] = await client.createRepository({
          parent: `projects/${target.project}/locations/${target.location}`,
          repositoryId: target.repository,
          repository: { format: "DOCKER", description: "Images built by mlops-platform" }
        });
        await operation.promise();
      } catch (error) {
        if ((0,google_client/* grpcCode */._K)(error) !== grpc_codes/* RPC_CODES */.ff.ALREADY_EXISTS) throw error;
      }
    });
    return "created";
  }
  async close() {
    await this.#session.close();
  }
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/images/framework-versions.js
var framework_versions = __webpack_require__(7589);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/images/base-images.js
function dockerfileInstructions(dockerfile) {
  return dockerfile.replace(/\\\r?\n/g, " ").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#")).map((line) => {
    const [first = "", ...words] = line.split(/\s+/);
    return { instruction: first.toUpperCase(), words, line };
  });
}
function unpinnedBaseImages(dockerfile, buildArgs = {}) {
  const args = /* @__PURE__ */ new Map();
  const stages = /* @__PURE__ */ new Set();
  const unpinned = [];
  for (const { instruction, words } of dockerfileInstructions(dockerfile)) {
    if (instruction === "ARG") {
      for (const declaration of words) {
        const [name = "", value] = declaration.split(/=(.*)/s);
        const given = buildArgs[name];
        if (given !== void 0) args.set(name, given);
        else if (value !== void 0) args.set(name, value.replace(/^["']|["']$/g, ""));
      }
    } else if (instruction === "FROM") {
      const operands = words.filter((word) => !word.startsWith("--"));
      const image = (operands[0] ?? "").replace(
        /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (_, name) => args.get(name) ?? ""
      );
      if (operands[1]?.toUpperCase() === "AS" && operands[2]) stages.add(operands[2].toLowerCase());
      if (image === "" || image === "scratch" || stages.has(image.toLowerCase())) continue;
      if (!/@sha256:[0-9a-f]{64}$/.test(image)) unpinned.push(image);
    }
  }
  return [...new Set(unpinned)];
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/images/requirement-hashes.js

function pipRequirementFiles(dockerfile) {
  const files = /* @__PURE__ */ new Set();
  for (const { instruction, line } of dockerfileInstructions(dockerfile)) {
    if (instruction !== "RUN" || !/\bpip3?\s+install\b/.test(line)) continue;
    for (const match of line.matchAll(/(?:^|\s)(?:-r|--requirement)(?:\s+|=)(\S+)/g))
      if (match[1]) files.add(match[1].replace(/^["']|["']$/g, ""));
  }
  return [...files];
}
function unhashedRequirements(text) {
  const requirements = text.replace(/\\\r?\n/g, " ").split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, "").trim()).filter((line) => line !== "" && !line.startsWith("-"));
  return requirements.filter((line) => !/--hash[= ]sha256:/.test(line));
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/build-supply-chain.js




async function warnUnpinnedInputs(build, ui) {
  const dockerfile = await (0,promises_.readFile)(build.dockerfile, "utf8");
  for (const base of unpinnedBaseImages(dockerfile, build.buildArgs))
    ui.warning(
      `The base image ${base} is named by tag: what the tag points at can change (or be replaced) without changing this build's content tag. Pin it by digest (FROM ${base}@sha256:\u2026; docker buildx imagetools inspect ${base} shows it).`
    );
  for (const file of pipRequirementFiles(dockerfile)) {
    let text;
    try {
      text = await (0,promises_.readFile)(external_node_path_.join(build.context, file), "utf8");
    } catch {
      continue;
    }
    const unhashed = unhashedRequirements(text);
    if (unhashed.length > 0)
      ui.warning(
        `${file} gives pip ${unhashed.length} requirement${unhashed.length === 1 ? "" : "s"} without --hash (${unhashed.slice(0, 3).join(", ")}${unhashed.length > 3 ? ", \u2026" : ""}): pip installs whatever the index serves under those versions. Generate hashes (pip-compile --generate-hashes) and pip checks every download.`
      );
  }
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/build-steps.js









const PLATFORM = "linux/amd64";
async function prepare(inputs, context, client) {
  const { ui } = context;
  const { env } = context;
  const hashed = await hashBuildContext(
    {
      context: inputs.context,
      dockerfile: inputs.dockerfile,
      platform: PLATFORM,
      buildArgs: inputs.buildArgs,
      labels: inputs.labels
    },
    [env.GOOGLE_APPLICATION_CREDENTIALS, env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE].filter(
      (file) => Boolean(file)
    )
  );
  if (hashed.credentialFiles.length > 0) {
    throw new errors/* UserError */.yo(
      `The build context holds Google credentials: ${hashed.credentialFiles.join(", ")}; the image would carry them`,
      {
        fix: "Keep credentials out of the context: move them, or list them in .dockerignore (gha-creds-*.json for google-github-actions/auth). This action's auth writes its file to RUNNER_TEMP, outside the checkout, unless credentials-file-path points inside it."
      }
    );
  }
  await warnUnpinnedInputs(inputs, ui);
  const tag = (0,image_reference/* contentTag */.mB)(hashed.hash);
  ui.info(
    `Build context ${external_node_path_.relative(context.cwd, inputs.context) || "."}: ${hashed.files} files, ${(hashed.bytes / 1e6).toFixed(1)} MB; content tag ${tag}`
  );
  if (inputs.artifactRegistry) {
    const repositories = await DockerRepositories.connect({
      project: inputs.artifactRegistry.project,
      env: context.env,
      onRetry: (message) => ui.warning(message)
    });
    try {
      const state = await repositories.ensure(inputs.artifactRegistry, inputs.createRepository);
      ui.info(`Artifact Registry repository ${inputs.artifactRegistry.repository}: ${state}`);
    } finally {
      await repositories.close();
    }
  }
  return { tag, existing: await client.manifest(tag) };
}
async function reuse(session, existing) {
  const { name, client, inputs } = session;
  session.context.ui.info(
    `${name}:${session.tags[0] ?? ""} exists (${existing.digest}): skipping the build`
  );
  const image = await (0,image_checks/* verifyAmd64 */.wv)(client, existing.digest);
  const versions = (0,framework_versions/* versionsFromLabels */.be)(image.amd64.labels) ?? {};
  session.compare(versions);
  for (const tag of inputs.tags) await client.tag(tag, existing);
  return { digest: existing.digest, versions };
}
async function buildAndPush(session) {
  const { inputs, context, name } = session;
  const { ui } = context;
  const registry = inputs.target.registry;
  const cli = await session.docker.get();
  await cli.loginWith(session.client.credentials, registry);
  const local = `${name}:${session.tags[0] ?? ""}`;
  const versions = await ui.group(`Build ${name} for ${PLATFORM}`, async () => {
    await cli.build({
      context: inputs.context,
      dockerfile: inputs.dockerfile,
      platform: PLATFORM,
      buildArgs: inputs.buildArgs,
      labels: { ...inputs.sourceLabels, ...inputs.labels },
      tags: [local]
    });
    const built = await cli.inspect(local);
    const platform = built ? (0,registry_client/* formatPlatform */.Bq)(built) : "missing";
    if (platform !== PLATFORM) {
      throw new errors/* UserError */.yo(
        `The image built from ${external_node_path_.relative(context.cwd, inputs.dockerfile)} is ${platform}, not ${PLATFORM}; nothing was pushed`,
        {
          fix: "Vertex AI runs linux/amd64 only: use base images that have a linux/amd64 variant (a local base pulled for arm64 makes an arm64 image), and do not pin FROM --platform to another architecture."
        }
      );
    }
    let found = {};
    try {
      found = (0,framework_versions/* frameworkVersions */.aX)(await cli.pythonEnvironment(local), inputs.frameworks);
    } catch (error) {
      if (!(error instanceof errors/* ReportedError */.SS)) throw error;
      ui.warning(`${error.message}: no framework versions recorded`);
    }
    session.compare(found);
    await cli.addLabels(
      local,
      PLATFORM,
      (0,framework_versions/* frameworkLabels */.Wi)(found),
      session.tags.map((tag) => `${name}:${tag}`)
    );
    return found;
  });
  const digest = await ui.group(`Push ${name}`, async () => {
    await cli.loginWith(session.client.credentials, registry);
    let pushed = "";
    for (const tag of session.tags) pushed = await cli.push(`${name}:${tag}`);
    return pushed;
  });
  await ui.group("Verify the pushed image", async () => {
    const image = await (0,image_checks/* verifyAmd64 */.wv)(session.client, digest);
    ui.info(`${name}@${digest}: ${image.platforms.map(registry_client/* formatPlatform */.Bq).join(", ")}`);
  });
  return { digest, versions };
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/build.js















function parseTarget(raw, context) {
  const image = (0,command/* requireInput */.oN)(
    raw,
    "image",
    "Give the image name (e.g. trainer, with repository, project-id and region), or a full name such as us-central1-docker.pkg.dev/PROJECT/REPOSITORY/trainer."
  );
  if (image.includes("/")) {
    const ref = (0,image_reference/* parseImageReference */.o_)(image);
    if (image.includes("@") || /:[^/]*$/.test(image.replace(/^[^/]*\//, ""))) {
      throw new errors/* UserError */.yo(`image "${image}" has a tag or digest`, {
        fix: "Give the name only: build tags it with the commit, a content hash and the tags input."
      });
    }
    return { target: ref, artifactRegistry: (0,image_reference/* artifactRegistryRepository */.Oq)(ref) };
  }
  const repository = raw.string("repository")?.trim();
  const project = (0,google_inputs/* projectInput */.Yg)(raw, context);
  const location = raw.string("region")?.trim();
  if (!repository || !project || !location) {
    throw new errors/* UserError */.yo(
      `image "${image}" is a bare name, so build needs the repository to put it in`,
      {
        fix: "Set repository (an Artifact Registry Docker repository), project-id (or run auth first) and region; or give image as a full name, REGISTRY/PATH/NAME."
      }
    );
  }
  const artifactRegistry = (0,command/* parseFields */.L5)("build", {
    project: () => (0,google_names/* checkProjectId */.v)(project),
    location: () => (0,image_reference/* checkRegistryLocation */.tt)(location),
    repository: () => checkRepositoryId(repository)
  });
  const host = (0,endpoints/* googleEndpoints */.g)(context.env).dockerRegistry.replaceAll("{region}", location);
  const target = (0,image_reference/* parseImageReference */.o_)(`${host}/${project}/${repository}/${image}`);
  return { target, artifactRegistry };
}
function checkRepositoryId(id) {
  if (!/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(id)) {
    throw new errors/* UserError */.yo(`repository "${id}" is not an Artifact Registry repository id`, {
      fix: "Use lowercase letters, digits and hyphens, starting with a letter (up to 63)."
    });
  }
  return id;
}
function checkExists(named, kind, input) {
  let stat;
  try {
    stat = (0,external_node_fs_.statSync)(named.path);
  } catch {
    stat = void 0;
  }
  if (!stat || (kind === "file" ? !stat.isFile() : !stat.isDirectory())) {
    const what = input === "dockerfile" ? "Dockerfile" : `${input} ${kind}`;
    throw new errors/* UserError */.yo(`The ${what} ${named.given} does not exist`, {
      fix: input === "dockerfile" ? "Add a Dockerfile to the build context, or set dockerfile to its path (relative to the working directory)." : `Set ${input} to an existing ${kind}, relative to the working directory.`
    });
  }
  return named.path;
}
function planBuild(request, context) {
  const folder = (0,command/* once */.Oo)(() => checkExists(request.context, "folder", "context"));
  const inContext = request.dockerfile.path === external_node_path_.join(request.context.path, "Dockerfile");
  const paths = (0,command/* parseFields */.L5)("build", {
    context: folder,
    // The default Dockerfile of a context that does not exist is not a second problem.
    dockerfile: () => {
      if (inContext) folder();
      return checkExists(request.dockerfile, "file", "dockerfile");
    }
  });
  const sha = context.env.GITHUB_SHA || (0,git/* gitOutput */.o)(paths.context, ["rev-parse", "HEAD"]);
  return {
    ...request,
    ...paths,
    sourceLabels: sourceLabels(context, sha),
    tags: [.../* @__PURE__ */ new Set([...sha ? [sha.slice(0, 7)] : [], ...request.tags])]
  };
}
function sourceLabels(context, revision) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = context.env;
  return {
    ...server && repository ? { "org.opencontainers.image.source": `${server}/${repository}` } : {},
    ...revision ? { "org.opencontainers.image.revision": revision } : {},
    "org.opencontainers.image.created": (/* @__PURE__ */ new Date()).toISOString()
  };
}
const buildCommand = (0,command/* defineCommand */.NB)({
  name: "build",
  summary: "Build a linux/amd64 image, push it to Artifact Registry (or any registry) tagged by commit and content hash, and verify it: platform, and framework versions against the training image.",
  inputs: [
    {
      name: "image",
      description: "The image name: a bare name (trainer) goes to REGION-docker.pkg.dev/PROJECT/REPOSITORY/trainer; or a full name, REGISTRY/PATH/NAME.",
      kind: "string",
      required: true,
      positional: true
    },
    {
      name: "context",
      description: "Build: the build context folder.",
      kind: "string",
      default: ".",
      valueName: "FOLDER"
    },
    {
      name: "dockerfile",
      description: "Build: the Dockerfile, relative to the working directory.",
      kind: "string",
      default: "CONTEXT/Dockerfile",
      valueName: "FILE"
    },
    {
      name: "repository",
      description: "Build: the Artifact Registry Docker repository for bare image names (found, or created when create-repository is on).",
      kind: "string",
      valueName: "REPOSITORY"
    },
    {
      name: "create-repository",
      description: "Build: create the Artifact Registry repository when it does not exist.",
      kind: "boolean",
      default: "true"
    },
    {
      name: "build-args",
      description: "Build: build arguments as NAME=VALUE.",
      kind: "list",
      valueName: "NAME=VALUE"
    },
    {
      name: "labels",
      description: "Build: extra image labels as KEY=VALUE.",
      kind: "list",
      valueName: "KEY=VALUE"
    },
    {
      name: "image-tags",
      description: "Build: extra tags (e.g. latest); the commit SHA and the content hash are always tagged.",
      kind: "list",
      valueName: "TAG"
    },
    image_inputs/* TRAINING_IMAGE_INPUT */.MG,
    image_inputs/* FRAMEWORKS_INPUT */.LQ,
    ...image_inputs/* REGISTRY_LOGIN_INPUTS */.oB,
    google_inputs/* PROJECT_INPUT */.Hl,
    google_inputs/* REGION_INPUT */.aD
  ],
  outputs: [
    {
      name: "image",
      description: "The image by digest, REGISTRY/PATH/NAME@sha256:\u2026, for deploy and run."
    },
    { name: "digest", description: "The manifest digest, sha256:\u2026." },
    { name: "tags", description: "The tags pushed, comma-separated." },
    {
      name: "built",
      description: "true when the image was built; false when its content hash was already in the registry."
    },
    { name: "framework-versions", description: "The framework versions in the image, as JSON." }
  ],
  parseInputs(raw, context) {
    const destination = (0,command/* once */.Oo)(() => parseTarget(raw, context));
    const contextFolder = (0,command/* once */.Oo)(() => {
      const given = (0,command/* stringInput */.Uj)(raw, "context");
      return { given, path: external_node_path_.resolve(context.cwd, given) };
    });
    const { destination: where, ...fields } = (0,command/* parseFields */.L5)("build", {
      destination,
      createRepository: () => (0,command/* booleanInput */.tE)(raw, "create-repository"),
      context: contextFolder,
      dockerfile: () => {
        const given = raw.string("dockerfile")?.trim();
        if (given && given !== "CONTEXT/Dockerfile")
          return { given, path: external_node_path_.resolve(context.cwd, given) };
        const inContext = external_node_path_.join(contextFolder().path, "Dockerfile");
        return { given: inContext, path: inContext };
      },
      buildArgs: () => (0,parameters/* parseParameterAssignments */.Tw)(raw.list("build-args"), "Build argument", "PYTHON_VERSION=3.11"),
      labels: () => (0,parameters/* parseParameterAssignments */.Tw)(raw.list("labels"), "Label", "team=ml"),
      tags: () => (0,command/* listInput */.dt)(raw, "image-tags").map(image_reference/* checkDockerTag */.jH),
      login: () => (0,image_inputs/* parseRegistryLogin */.Eh)(raw, context, destination().target.registry),
      trainingImage: () => (0,image_inputs/* parseImageInput */.bI)(raw, "training-image"),
      frameworks: () => (0,image_inputs/* parseFrameworks */.Vi)(raw)
    });
    return { ...where, ...fields };
  },
  async run(request, context) {
    const { ui } = context;
    const inputs = planBuild(request, context);
    const name = (0,image_reference/* imageName */.tO)(inputs.target);
    const credentials = (0,registry_credentials/* registryCredentials */.Qn)(context.env, {
      login: inputs.login,
      // An Artifact Registry target is Google's even at an endpoint override's host.
      artifactRegistryHost: inputs.artifactRegistry && inputs.target.registry,
      maskSecret: (value, name2) => context.host.maskSecret(value, name2)
    });
    const client = new registry_client/* RegistryClient */.bP(inputs.target, credentials, (message) => ui.warning(message));
    const docker = (0,image_checks/* lazyDocker */.D0)(context, (line) => ui.info(ui.colors.dim(line)));
    try {
      const { tag, existing } = await ui.group(
        `Prepare ${name}`,
        () => prepare(inputs, context, client)
      );
      const training = inputs.trainingImage ? await (0,image_checks/* readRegistryImage */.Jz)(ui, inputs.trainingImage, {
        credentials,
        docker,
        frameworks: inputs.frameworks,
        required: true
      }) : void 0;
      const session = {
        inputs,
        context,
        client,
        docker,
        name,
        tags: [tag, ...inputs.tags],
        compare: (versions2) => {
          if (training)
            (0,image_checks/* checkFrameworkMatch */.SF)(ui, training, { image: name, versions: versions2 }, inputs.frameworks);
        }
      };
      const { digest, versions } = existing ? await ui.group("Reuse the image built from this content", () => reuse(session, existing)) : await buildAndPush(session);
      const reference = `${name}@${digest}`;
      ui.table(
        `Image ${name}`,
        ["Image", "Platform", "Tags", "Built"],
        [
          [
            reference,
            PLATFORM,
            session.tags.join(", "),
            existing ? "no: reused (same content)" : "yes"
          ]
        ]
      );
      if (Object.keys(versions).length > 0 && !training)
        ui.table("Framework versions", ["Package", "Version"], Object.entries(versions));
      return {
        outputs: {
          image: reference,
          digest,
          tags: session.tags.join(","),
          built: String(!existing),
          "framework-versions": JSON.stringify(versions)
        }
      };
    } finally {
      await docker.close();
    }
  }
});



/***/ }),

/***/ 8826:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hl: () => (/* binding */ PROJECT_INPUT),
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   W_: () => (/* binding */ parseGoogleLocation),
/* harmony export */   Yg: () => (/* binding */ projectInput),
/* harmony export */   ZZ: () => (/* binding */ parseTimeout),
/* harmony export */   aD: () => (/* binding */ REGION_INPUT),
/* harmony export */   lR: () => (/* binding */ readRunRecord),
/* harmony export */   vj: () => (/* binding */ RUN_RECORD_INPUT)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9033);
/* harmony import */ var _core_gcp_google_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4807);
/* harmony import */ var _core_run_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9195);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3422);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5435);







const PROJECT_INPUT = {
  name: "project-id",
  description: "Vertex: the Google Cloud project. Defaults to the project the auth step exported.",
  kind: "string",
  valueName: "ID"
};
const REGION_INPUT = {
  name: "region",
  description: "Vertex: the region, e.g. us-central1.",
  kind: "string",
  valueName: "REGION"
};
function projectInput(raw, context) {
  return raw.string("project-id")?.trim() || context.env.GOOGLE_CLOUD_PROJECT || context.env.CLOUDSDK_CORE_PROJECT || void 0;
}
function parseGoogleLocation(raw, context, what) {
  return (0,_command_js__WEBPACK_IMPORTED_MODULE_6__/* .parseFields */ .L5)(what, {
    project: () => {
      const project = projectInput(raw, context);
      if (!project)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} need a project`, {
          fix: "Set project-id, or run the auth step first (it exports GOOGLE_CLOUD_PROJECT)."
        });
      return (0,_core_gcp_google_names_js__WEBPACK_IMPORTED_MODULE_3__/* .checkProjectId */ .v)(project);
    },
    region: () => {
      const region = raw.string("region")?.trim();
      if (!region)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} need a region`, {
          fix: "Set region, e.g. us-central1 or europe-west4."
        });
      return (0,_core_gcp_google_names_js__WEBPACK_IMPORTED_MODULE_3__/* .checkRegion */ .O)(region);
    }
  });
}
function parseTimeout(raw, name) {
  const text = (0,_command_js__WEBPACK_IMPORTED_MODULE_6__/* .stringInput */ .Uj)(raw, name);
  const ms = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_5__/* .durationMs */ .p)(text, "m");
  if (ms === void 0)
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${name} "${text}" is not a duration`, {
      fix: "Use e.g. 90m, 2h or 3600s."
    });
  return ms;
}
const RUN_RECORD_INPUT = {
  name: "run-record",
  description: "The run to read: the run record JSON a run step wrote (its run-record output), local or Vertex.",
  kind: "string",
  valueName: "FILE"
};
async function readJsonFile(file, cwd, label, what) {
  const display = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(cwd, file) || file;
  try {
    return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, "utf8"));
  } catch (error) {
    const code = error.code;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(
      code === "ENOENT" ? `${label} ${display} does not exist` : `${label} ${display} is not JSON: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(error.message)}`,
      { fix: `Pass ${what}.` }
    );
  }
}
async function readRunRecord(file, cwd) {
  const parsed = await readJsonFile(file, cwd, "Run record", _core_run_record_js__WEBPACK_IMPORTED_MODULE_4__/* .RUN_RECORD_SOURCE */ .WN);
  return (0,_core_run_record_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRunRecord */ .Yz)(parsed, node_path__WEBPACK_IMPORTED_MODULE_1__.relative(cwd, file) || file);
}



/***/ }),

/***/ 2076:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SF: () => (/* binding */ checkFrameworkMatch),
  D0: () => (/* binding */ lazyDocker),
  Jz: () => (/* binding */ readRegistryImage),
  wv: () => (/* binding */ verifyAmd64)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/images/framework-versions.js
var framework_versions = __webpack_require__(7589);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/process.js
var process = __webpack_require__(4642);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/adapters/docker/docker-cli.js







const PYTHON_PROBE = [
  "import json, sys",
  "from importlib import metadata",
  "packages = {}",
  "for dist in metadata.distributions():",
  '    name = dist.metadata["Name"]',
  "    if name: packages[name] = dist.version",
  'print(json.dumps({"python": "%d.%d.%d" % sys.version_info[:3], "packages": packages}))'
].join("\n");
class DockerCli {
  constructor(configDir, options) {
    this.configDir = configDir;
    this.options = options;
  }
  configDir;
  options;
  #buildx;
  /** Checks the engine answers, then makes the private config folder. */
  static async open(options) {
    const probe = await (0,process/* runProcess */.R)("docker", ["version", "--format", "{{.Server.Version}}"], {
      env: options.env,
      ...options.signal ? { signal: options.signal } : {}
    });
    if (probe.spawnError?.code === "ENOENT") {
      throw new errors/* UserError */.yo("Building images needs the docker CLI, which is not on PATH", {
        fix: "Install Docker (GitHub-hosted Ubuntu runners have it)."
      });
    }
    if (probe.exitCode !== 0) {
      throw new errors/* UserError */.yo(`The Docker engine does not answer: ${lastLine(probe)}`, {
        fix: "Start dockerd (or Docker Desktop) and check that this user may use it."
      });
    }
    const configDir = await (0,promises_.mkdtemp)(external_node_path_.join(options.tempDir, "docker-config-"));
    const userPlugins = external_node_path_.join(
      options.env.DOCKER_CONFIG ?? external_node_path_.join((0,external_node_os_.homedir)(), ".docker"),
      "cli-plugins"
    );
    if ((0,external_node_fs_.existsSync)(userPlugins)) await (0,promises_.symlink)(userPlugins, external_node_path_.join(configDir, "cli-plugins"));
    return new DockerCli(configDir, options);
  }
  async close() {
    await (0,promises_.rm)(this.configDir, { recursive: true, force: true });
  }
  /** Logs in to `host` with what `credentials` has for it; anonymous when it has nothing. */
  async loginWith(credentials, host) {
    const basic = await credentials.basic(host);
    if (basic) await this.login(host, basic);
  }
  async login(host, credentials) {
    const result = await this.#run(
      ["login", host, "--username", credentials.username, "--password-stdin"],
      { input: credentials.password, quiet: true }
    );
    if (result.exitCode !== 0) {
      const reason = lastLine(result);
      if (registryFault(reason) === "remote") {
        throw new errors/* RemoteFailure */.p3(`The registry ${host} failed the login: ${reason}`, {
          fix: REMOTE_FIX
        });
      }
      throw new errors/* UserError */.yo(
        `The registry ${host} refused the login of ${credentials.username}: ${reason}`,
        {
          fix: "For Artifact Registry, run the auth step first and grant its service account roles/artifactregistry.writer on the repository; for other registries check registry-username and registry-password."
        }
      );
    }
  }
  /** buildx builds with BuildKit; without it the classic builder is used. */
  async hasBuildx() {
    this.#buildx ??= (await this.#run(["buildx", "version"], { quiet: true })).exitCode === 0;
    return this.#buildx;
  }
  /** Builds and tags an image locally; returns its ID. */
  async build(spec) {
    const iidFile = external_node_path_.join(this.configDir, "image-id");
    const flags = [
      "--platform",
      spec.platform,
      "--file",
      spec.dockerfile,
      "--iidfile",
      iidFile,
      ...Object.entries(spec.buildArgs).flatMap(([key, value]) => [
        "--build-arg",
        `${key}=${value}`
      ]),
      ...Object.entries(spec.labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
      ...spec.tags.flatMap((tag) => ["--tag", tag])
    ];
    const args = await this.hasBuildx() ? ["buildx", "build", "--load", "--provenance=false", ...flags, spec.context] : ["build", ...flags, spec.context];
    const result = await this.#run(args, {});
    if (result.exitCode !== 0) {
      throw new errors/* UserError */.yo(`docker build failed: ${lastLine(result)}`, {
        fix: `Fix the Dockerfile or build context; the build log is above. Command: ${(0,process/* quoteArgv */.r)(["docker", ...args])}`
      });
    }
    return (await (0,promises_.readFile)(iidFile, "utf8")).trim();
  }
  /** Adds labels to a built image (a LABEL-only build on top of it), tagged with `tags`. */
  async addLabels(image, platform, labels, tags) {
    if (Object.keys(labels).length === 0) {
      for (const tag of tags) {
        const result2 = await this.#run(["tag", image, tag], { quiet: true });
        if (result2.exitCode !== 0) throw new Error(`Could not tag ${image}: ${lastLine(result2)}`);
      }
      return;
    }
    const args = [
      "build",
      "--platform",
      platform,
      ...Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
      ...tags.flatMap((tag) => ["--tag", tag]),
      "-"
    ];
    const result = await this.#run(args, { input: `FROM ${image}
`, quiet: true });
    if (result.exitCode !== 0) throw new Error(`Could not label ${image}: ${lastLine(result)}`);
  }
  async inspect(image) {
    const result = await this.#run(["image", "inspect", "--format", "{{json .}}", image], {
      quiet: true
    });
    if (result.exitCode !== 0) return void 0;
    const body = JSON.parse(result.stdout);
    return {
      id: body.Id,
      os: body.Os,
      architecture: body.Architecture,
      ...body.Variant ? { variant: body.Variant } : {},
      labels: body.Config?.Labels ?? {}
    };
  }
  /** Pushes a tag; returns the digest the registry gave the manifest. */
  async push(image) {
    const result = await this.#run(["push", image], {});
    const digest = /digest: (sha256:[a-f0-9]{64})/.exec(result.logTail.join("\n"))?.[1];
    if (result.exitCode !== 0 || !digest) {
      const reason = lastLine(result);
      if (registryFault(reason) === "user") {
        throw new errors/* UserError */.yo(`docker push ${image} was refused: ${reason}`, {
          fix: "Check that the credentials may push to this repository (roles/artifactregistry.writer for Artifact Registry) and that the repository exists."
        });
      }
      throw new errors/* RemoteFailure */.p3(`docker push ${image} failed: ${reason}`, { fix: REMOTE_FIX });
    }
    return digest;
  }
  async pull(image) {
    const result = await this.#run(["pull", "--quiet", image], { quiet: true });
    if (result.exitCode !== 0) {
      const reason = lastLine(result);
      if (registryFault(reason) === "user") {
        throw new errors/* UserError */.yo(`docker pull ${image} failed: ${reason}`, {
          fix: "Check the image reference and that the credentials may read it."
        });
      }
      throw new errors/* RemoteFailure */.p3(`docker pull ${image} failed: ${reason}`, { fix: REMOTE_FIX });
    }
  }
  /** Runs Python inside the image (no network) to list its version and packages. */
  async pythonEnvironment(image) {
    let last;
    for (const python of ["python3", "python"]) {
      last = await this.#run(
        ["run", "--rm", "--network", "none", "--entrypoint", python, image, "-c", PYTHON_PROBE],
        { quiet: true }
      );
      if (last.exitCode === 0) {
        const parsed = JSON.parse(last.stdout.trim().split("\n").at(-1) ?? "");
        return {
          python: parsed.python,
          packages: Object.fromEntries(
            Object.entries(parsed.packages).map(([name, version]) => [
              (0,framework_versions/* normalizePackageName */.NX)(name),
              version
            ])
          )
        };
      }
      if (last.exitCode !== 127) break;
    }
    const reason = last?.exitCode === 127 ? "it has no python3 or python" : lastLine(last);
    throw new errors/* UserError */.yo(`Cannot read the Python packages of ${image}: ${reason}`, {
      fix: "The image needs python3 (3.8 or later) on its PATH; or compare images that have it."
    });
  }
  #run(args, options) {
    return (0,process/* runProcess */.R)("docker", args, {
      env: { ...this.options.env, DOCKER_CONFIG: this.configDir },
      ...options.input !== void 0 ? { input: options.input } : {},
      ...!options.quiet && this.options.onOutput ? { onOutput: this.options.onOutput } : {},
      ...this.options.signal ? { signal: this.options.signal } : {}
    });
  }
}
const REMOTE_FIX = "The registry failed or could not be reached (see the message): run the step again; if it keeps failing, check the registry status and the network between this machine and it.";
const REFUSED = /\b(unauthori[sz]ed|denied|forbidden|authentication required|(name|manifest|blob) unknown|not found|does not exist|no such host|invalid reference|invalid username|incorrect username|x509|certificate|server gave HTTP response to HTTPS client|401|403|404)\b/i;
function registryFault(reason) {
  return REFUSED.test(reason) ? "user" : "remote";
}
function lastLine(result) {
  return result?.logTail.map((line) => line.trim()).filter((line) => line && !line.startsWith("Run 'docker")).at(-1) ?? "no output";
}


// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/registry/registry-client.js
var registry_client = __webpack_require__(6714);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/images/image-reference.js
var image_reference = __webpack_require__(3698);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/image-checks.js





function lazyDocker(context, onOutput) {
  let docker;
  return {
    async get() {
      docker ??= await DockerCli.open({
        tempDir: context.host.tempDir,
        env: context.env,
        ...context.signal ? { signal: context.signal } : {},
        ...onOutput ? { onOutput } : {}
      });
      return docker;
    },
    async close() {
      await docker?.close();
    }
  };
}
async function verifyAmd64(client, reference) {
  const inspected = await (0,registry_client/* inspectImage */.mm)(client, reference);
  if (!inspected.amd64) {
    const found = inspected.platforms.map(registry_client/* formatPlatform */.Bq).join(", ") || "no platform";
    throw new errors/* UserError */.yo(
      `${(0,image_reference/* formatImage */.vy)({ ...client.image, reference })} has no linux/amd64 image: it is ${found}`,
      {
        fix: "Vertex AI runs linux/amd64 only. Build with --platform linux/amd64 (the build command does) and do not pin another platform in FROM --platform."
      }
    );
  }
  return inspected;
}
async function registryImageVersions(client, image, docker, packages) {
  const labelled = (0,framework_versions/* versionsFromLabels */.be)(image.amd64.labels);
  if (labelled) return { versions: labelled, source: "labels" };
  const byDigest = (0,image_reference/* formatImage */.vy)({ ...client.image, reference: image.amd64.digest });
  const cli = await docker.get();
  await cli.loginWith(client.credentials, client.image.registry);
  await cli.pull(byDigest);
  return {
    versions: (0,framework_versions/* frameworkVersions */.aX)(await cli.pythonEnvironment(byDigest), packages),
    source: "python in the image"
  };
}
function readRegistryImage(ui, ref, options) {
  const image = (0,image_reference/* formatImage */.vy)(ref);
  return ui.group(`Verify ${image}`, async () => {
    const client = new registry_client/* RegistryClient */.bP(ref, options.credentials, (message) => ui.warning(message));
    const inspected = await verifyAmd64(client, ref.reference);
    ui.info(
      `${image} (${inspected.digest}): ${inspected.platforms.map(registry_client/* formatPlatform */.Bq).join(", ")}`
    );
    try {
      const { versions, source } = await registryImageVersions(
        client,
        inspected,
        options.docker,
        options.frameworks
      );
      ui.info(`Framework versions from ${source}`);
      return { image, versions };
    } catch (error) {
      if (options.required || !(error instanceof errors/* ReportedError */.SS)) throw error;
      ui.warning(error.message);
      return { image, versions: {} };
    }
  });
}
const MATCH_TEXT = {
  same: "same",
  compatible: "same minor version",
  mismatch: "MISMATCH",
  missing: "MISSING in serving",
  absent: "not in training"
};
function checkFrameworkMatch(ui, training, serving, packages) {
  const { rows, failed } = (0,framework_versions/* compareFrameworks */.l6)(training.versions, serving.versions, packages);
  const color = (row) => row.match === "mismatch" || row.match === "missing" ? ui.colors.fail(MATCH_TEXT[row.match]) : row.match === "absent" ? ui.colors.dim(MATCH_TEXT[row.match]) : ui.colors.ok(MATCH_TEXT[row.match]);
  ui.table(
    "Framework versions, training vs serving",
    ["Package", `Training (${training.image})`, `Serving (${serving.image})`, "Match"],
    rows.map((row) => [row.name, row.training ?? "\u2013", row.serving ?? "\u2013", color(row)])
  );
  if (!failed) return;
  const bad = rows.filter((row) => row.match === "mismatch" || row.match === "missing");
  throw new errors/* UserError */.yo(
    `The serving image cannot be trusted to load the model: ${bad.length} framework version${bad.length === 1 ? "" : "s"} differ from the training image`,
    {
      details: bad.map(
        (row) => `${row.name}: training ${row.training ?? "\u2013"}, serving ${row.serving ?? "not installed"}`
      ),
      fix: "Install the training versions in the serving image (pin them in its requirements, or build both from one base), or narrow frameworks to the packages the model uses."
    }
  );
}



/***/ }),

/***/ 5536:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eh: () => (/* binding */ parseRegistryLogin),
/* harmony export */   L7: () => (/* binding */ imageReferenceInput),
/* harmony export */   LQ: () => (/* binding */ FRAMEWORKS_INPUT),
/* harmony export */   MG: () => (/* binding */ TRAINING_IMAGE_INPUT),
/* harmony export */   Vi: () => (/* binding */ parseFrameworks),
/* harmony export */   ZZ: () => (/* binding */ requireImageInput),
/* harmony export */   bI: () => (/* binding */ parseImageInput),
/* harmony export */   oB: () => (/* binding */ REGISTRY_LOGIN_INPUTS)
/* harmony export */ });
/* harmony import */ var _adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4195);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9033);
/* harmony import */ var _core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7589);
/* harmony import */ var _core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3698);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5435);





const REGISTRY_LOGIN_INPUTS = [
  {
    name: "registry-username",
    description: `Images: the registry user (default ${_adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .GOOGLE_REGISTRY_USER */ .sO}, for Artifact Registry with an access token).`,
    kind: "string",
    valueName: "USER"
  },
  {
    name: "registry-password",
    description: "Images: the registry password. Not needed for Artifact Registry: the access token of the auth step is used.",
    kind: "string",
    valueName: "PASSWORD",
    secret: true
  }
];
const TRAINING_IMAGE_INPUT = {
  name: "training-image",
  description: "The training image whose framework versions the image (build: the serving image being built) must match.",
  kind: "string",
  valueName: "IMAGE"
};
const FRAMEWORKS_INPUT = {
  name: "frameworks",
  description: "Images: the packages whose versions must match between training and serving images (python is the interpreter).",
  kind: "list",
  default: _core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .FRAMEWORK_PACKAGES */ .ds.join(","),
  valueName: "PACKAGE"
};
function parseRegistryLogin(raw, context, host) {
  const password = raw.string("registry-password");
  const username = raw.string("registry-username")?.trim();
  if (!password) {
    if (username)
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("registry-username is set without registry-password", {
        fix: "Give registry-password too, or neither to use the access token of the auth step."
      });
    return void 0;
  }
  context.host.maskSecret(password, "registry-password");
  return { host, credentials: { username: username || _adapters_registry_registry_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .GOOGLE_REGISTRY_USER */ .sO, password } };
}
function parseFrameworks(raw) {
  return [
    ...new Set(
      (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .listInput */ .dt)(raw, "frameworks").map(
        (name) => name === _core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .PYTHON */ .ZB ? name : (0,_core_images_framework_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePackageName */ .NX)(name)
      )
    )
  ];
}
function requireImageInput(raw, name, hint) {
  return imageReferenceInput(name, (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .requireInput */ .oN)(raw, name, hint));
}
function parseImageInput(raw, name) {
  const value = raw.string(name)?.trim();
  return value ? imageReferenceInput(name, value) : void 0;
}
function imageReferenceInput(name, value) {
  try {
    return (0,_core_images_image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageReference */ .o_)(value);
  } catch (error) {
    if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo)
      throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${name}: ${error.message}`, error.fix ? { fix: error.fix } : {});
    throw error;
  }
}



/***/ }),

/***/ 4807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ checkRegion),
/* harmony export */   v: () => (/* binding */ checkProjectId)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

const REGION = /^(us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d+$/;
function checkRegion(region) {
  const trimmed = region.trim();
  if (!REGION.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`region "${region}" is not a Google Cloud region`, {
      fix: "Use a Vertex AI region such as us-central1, europe-west4 or asia-southeast1 (not a zone like us-central1-a, nor a multi-region like us)."
    });
  }
  return trimmed;
}
function checkProjectId(project) {
  const trimmed = project.trim();
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(trimmed) && !/^\d+$/.test(trimmed)) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`project "${project}" is not a project ID or number`, {
      fix: "Give the project ID (6-30 lowercase letters, digits and hyphens) or its number."
    });
  }
  return trimmed;
}



/***/ }),

/***/ 8612:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SA: () => (/* binding */ resolveRunParameters),
/* harmony export */   Tw: () => (/* binding */ parseParameterAssignments),
/* harmony export */   v: () => (/* binding */ coerceParameter)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2926);


function resolveRunParameters(spec, given, source) {
  const definitions = spec.root.inputDefinitions?.parameters ?? {};
  const problems = [];
  const resolved = {};
  const known = Object.keys(definitions);
  for (const [name, value] of Object.entries(given)) {
    const definition = definitions[name];
    if (!definition) {
      const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .closest */ .k)(name, known);
      problems.push(
        `"${name}" is not a parameter of this pipeline${hint ? ` (did you mean "${hint}"?)` : ""}; parameters: ${known.join(", ") || "none"}`
      );
      continue;
    }
    const type = definition.parameterType;
    const parsed = coerceParameter(value, type);
    if (parsed.ok) resolved[name] = parsed.value;
    else problems.push(`"${name}" must be ${describeType(type)}, got ${JSON.stringify(value)}`);
  }
  for (const [name, definition] of Object.entries(definitions)) {
    if (name in resolved || name in given) continue;
    if (definition.defaultValue !== void 0) resolved[name] = definition.defaultValue;
    else if (!definition.isOptional)
      problems.push(
        `"${name}" is required (${describeType(definition.parameterType)}) and has no default`
      );
  }
  if (problems.length > 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Invalid parameters for ${source}`, {
      details: problems,
      fix: "Pass parameters as NAME=VALUE with the declared names and types."
    });
  }
  return resolved;
}
function describeType(type) {
  switch (type) {
    case "NUMBER_INTEGER":
      return "an integer";
    case "NUMBER_DOUBLE":
      return "a number";
    case "BOOLEAN":
      return "true or false";
    case "LIST":
      return "a JSON list";
    case "STRUCT":
      return "a JSON object";
    default:
      return "a string";
  }
}
function coerceParameter(value, type) {
  const text = typeof value === "string" ? value.trim() : void 0;
  switch (type) {
    case "STRING":
      return typeof value === "string" ? { ok: true, value } : { ok: false };
    case "NUMBER_INTEGER": {
      const number = text !== void 0 && text !== "" ? Number(text) : value;
      return typeof number === "number" && Number.isSafeInteger(number) ? { ok: true, value: number } : { ok: false };
    }
    case "NUMBER_DOUBLE": {
      const number = text !== void 0 && text !== "" ? Number(text) : value;
      return typeof number === "number" && Number.isFinite(number) ? { ok: true, value: number } : { ok: false };
    }
    case "BOOLEAN":
      if (typeof value === "boolean") return { ok: true, value };
      return text !== void 0 && /^(true|false)$/i.test(text) ? { ok: true, value: text.toLowerCase() === "true" } : { ok: false };
    case "LIST":
    case "STRUCT": {
      let parsed = value;
      if (text !== void 0) {
        try {
          parsed = JSON.parse(text);
        } catch {
          return { ok: false };
        }
      }
      const isList = Array.isArray(parsed);
      const isStruct = typeof parsed === "object" && parsed !== null && !isList;
      return (type === "LIST" ? isList : isStruct) ? { ok: true, value: parsed } : { ok: false };
    }
    default:
      return typeof value === "string" ? { ok: true, value } : { ok: false };
  }
}
function parseParameterAssignments(lines, noun = "Parameter", example = "--param test_size=0.25") {
  const result = {};
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const equals = trimmed.indexOf("=");
    if (equals <= 0)
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`"${trimmed}" is not NAME=VALUE`, {
        fix: `Write each ${noun.toLowerCase()} as NAME=VALUE, e.g. ${example}.`
      });
    const name = trimmed.slice(0, equals).trim();
    if (name in result)
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${noun} "${name}" is given twice`, {
        fix: `Give each ${noun.toLowerCase()} once.`
      });
    result[name] = trimmed.slice(equals + 1);
  }
  return result;
}



/***/ }),

/***/ 9195:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IE: () => (/* binding */ collectMetrics),
/* harmony export */   Lv: () => (/* binding */ MetricsSchema),
/* harmony export */   TH: () => (/* binding */ taskMetrics),
/* harmony export */   WN: () => (/* binding */ RUN_RECORD_SOURCE),
/* harmony export */   X1: () => (/* binding */ RUN_RECORD_VERSION),
/* harmony export */   Yz: () => (/* binding */ parseRunRecord),
/* harmony export */   k5: () => (/* binding */ modelArtifact)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);
/* harmony import */ var _zod_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4262);



const RUN_RECORD_VERSION = 1;
const MetricsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig());
const RunRecordSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
  recordVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(RUN_RECORD_VERSION),
  producer: zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }).optional(),
  runId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  pipelineName: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  state: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
  tasks: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(
    zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({
      path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      state: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
      upstream: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
      durationMs: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().optional(),
      artifacts: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(
        zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({ uri: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), schemaTitle: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }))
      )
    })
  ),
  metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), MetricsSchema)
});
const RUN_RECORD_SOURCE = "the run step's run-record output (run.json of a local run)";
function parseRunRecord(value, source) {
  const parsed = RunRecordSchema.safeParse(value);
  if (!parsed.success) {
    const problems = (0,_zod_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatZodIssues */ .t)(parsed.error);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      `${source} is not a valid run record (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      { details: problems, fix: `Pass ${RUN_RECORD_SOURCE}.` }
    );
  }
  return value;
}
function collectMetrics(tasks) {
  const metrics = {};
  for (const task of Object.values(tasks)) {
    if (task.state !== "SUCCEEDED") continue;
    const numbers = {};
    for (const list of Object.values(task.artifacts)) {
      for (const artifact of list) {
        if (artifact.schemaTitle !== "system.Metrics") continue;
        for (const [key, value] of Object.entries(artifact.metadata))
          if (typeof value === "number") numbers[key] = value;
      }
    }
    for (const [key, value] of Object.entries(task.parameters)) {
      if (typeof value === "number" && !(key in numbers)) numbers[key] = value;
    }
    if (Object.keys(numbers).length > 0) metrics[task.path] = numbers;
  }
  return metrics;
}
function taskMetrics(metrics, taskPath) {
  const tasks = Object.keys(metrics);
  if (taskPath !== void 0) {
    const found = metrics[taskPath];
    if (!found) {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Task "${taskPath}" reported no metrics`, {
        fix: `Name a task that did: ${tasks.length > 0 ? tasks.join(", ") : "(none in this run)"}.`
      });
    }
    return { task: taskPath, metrics: found };
  }
  const evaluators = tasks.filter((task2) => /eval/i.test(task2.split("/").at(-1) ?? ""));
  const chosen = tasks.length === 1 ? tasks : evaluators;
  const [task] = chosen;
  if (chosen.length !== 1 || task === void 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      tasks.length === 0 ? "The run reported no metrics" : `Several tasks reported metrics: ${tasks.join(", ")}`,
      {
        fix: tasks.length === 0 ? "Have the evaluate step output a Metrics artifact or numeric output parameters." : "Say which one to use with metrics-task."
      }
    );
  }
  return { task, metrics: metrics[task] ?? {} };
}
function modelArtifact(record, selector) {
  const models = [];
  for (const task of Object.values(record.tasks)) {
    if (task.state !== "SUCCEEDED") continue;
    for (const [output, list] of Object.entries(task.artifacts)) {
      const [artifact] = list;
      if (artifact?.schemaTitle === "system.Model")
        models.push({ task: task.path, output, artifact });
    }
  }
  const names = models.map((m) => `${m.task}.${m.output}`);
  if (selector !== void 0) {
    const found = models.find((m) => `${m.task}.${m.output}` === selector);
    if (!found) {
      throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Run ${record.runId} has no model output "${selector}"`, {
        fix: `Set model-output to one of: ${names.join(", ") || "(no model outputs in this run)"}.`
      });
    }
    return found;
  }
  const packaged = models.filter((m) => /packag|export|deploy|serv/i.test(`${m.task} ${m.output}`));
  const chosen = models.length === 1 ? models : packaged;
  const [only] = chosen;
  if (chosen.length !== 1 || only === void 0) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(
      models.length === 0 ? `Run ${record.runId} produced no model (no succeeded task output of type system.Model)` : `Run ${record.runId} produced several models: ${names.join(", ")}`,
      {
        fix: models.length === 0 ? "Deploy a run whose packaging step ran (did the quality condition skip it?)." : "Say which one to deploy with model-output: TASK.OUTPUT."
      }
    );
  }
  return only;
}



/***/ }),

/***/ 2926:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
function closest(word, candidates) {
  const normalize = (value) => value.toLowerCase().replace(/[-_]/g, "");
  const exact = candidates.find((candidate) => normalize(candidate) === normalize(word));
  if (exact !== void 0) return exact;
  let best;
  let bestDistance = Math.floor(word.length / 3) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  const table = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => Math.max(i, j) * Number(i === 0 || j === 0))
  );
  const at = (i, j) => table[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      table[i]?.splice(j, 1, distance);
    }
  }
  return at(a.length, b.length);
}



/***/ }),

/***/ 4262:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ formatZodIssues)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9033);

function formatZodIssues(error) {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(String(key), 80)).join(".") || "(top level)";
    if (issue.code === "unrecognized_keys")
      return `${path}: unknown key ${issue.keys.map((k) => `"${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(k, 80)}"`).join(", ")}`;
    return `${path}: ${issue.message}`;
  });
}



/***/ })

};
