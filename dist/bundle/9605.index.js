export const id = 9605;
export const ids = [9605];
export const modules = {

/***/ 8889:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const fs = __webpack_require__(9896)
const path = __webpack_require__(6928)
const os = __webpack_require__(857)
const crypto = __webpack_require__(6982)

// Array of tips to display randomly
const TIPS = [
  '◈ encrypted .env [www.dotenvx.com]',
  '◈ secrets for agents [www.dotenvx.com]',
  '⌁ auth for agents [www.vestauth.com]',
  '⌘ custom filepath { path: \'/custom/path/.env\' }',
  '⌘ enable debugging { debug: true }',
  '⌘ override existing { override: true }',
  '⌘ suppress logs { quiet: true }',
  '⌘ multiple files { path: [\'.env.local\', \'.env\'] }'
]

// Get a random tip from the tips array
function _getRandomTip () {
  return TIPS[Math.floor(Math.random() * TIPS.length)]
}

function parseBoolean (value) {
  if (typeof value === 'string') {
    return !['false', '0', 'no', 'off', ''].includes(value.toLowerCase())
  }
  return Boolean(value)
}

function supportsAnsi () {
  return process.stdout.isTTY // && process.env.TERM !== 'dumb'
}

function dim (text) {
  return supportsAnsi() ? `\x1b[2m${text}\x1b[0m` : text
}

const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg

// Parse src into an Object
function parse (src) {
  const obj = {}

  // Convert buffer to string
  let lines = src.toString()

  // Convert line breaks to same format
  lines = lines.replace(/\r\n?/mg, '\n')

  let match
  while ((match = LINE.exec(lines)) != null) {
    const key = match[1]

    // Default undefined or null to empty string
    let value = (match[2] || '')

    // Remove whitespace
    value = value.trim()

    // Check if double quoted
    const maybeQuote = value[0]

    // Remove surrounding quotes
    value = value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2')

    // Expand newlines if double quoted
    if (maybeQuote === '"') {
      value = value.replace(/\\n/g, '\n')
      value = value.replace(/\\r/g, '\r')
    }

    // Add to object
    obj[key] = value
  }

  return obj
}

function _parseVault (options) {
  options = options || {}

  const vaultPath = _vaultPath(options)
  options.path = vaultPath // parse .env.vault
  const result = DotenvModule.configDotenv(options)
  if (!result.parsed) {
    const err = new Error(`MISSING_DATA: Cannot parse ${vaultPath} for an unknown reason`)
    err.code = 'MISSING_DATA'
    throw err
  }

  // handle scenario for comma separated keys - for use with key rotation
  // example: DOTENV_KEY="dotenv://:key_1234@dotenvx.com/vault/.env.vault?environment=prod,dotenv://:key_7890@dotenvx.com/vault/.env.vault?environment=prod"
  const keys = _dotenvKey(options).split(',')
  const length = keys.length

  let decrypted
  for (let i = 0; i < length; i++) {
    try {
      // Get full key
      const key = keys[i].trim()

      // Get instructions for decrypt
      const attrs = _instructions(result, key)

      // Decrypt
      decrypted = DotenvModule.decrypt(attrs.ciphertext, attrs.key)

      break
    } catch (error) {
      // last key
      if (i + 1 >= length) {
        throw error
      }
      // try next key
    }
  }

  // Parse decrypted .env string
  return DotenvModule.parse(decrypted)
}

function _warn (message) {
  console.error(`⚠ ${message}`)
}

function _debug (message) {
  console.log(`┆ ${message}`)
}

function _log (message) {
  console.log(`◇ ${message}`)
}

function _dotenvKey (options) {
  // prioritize developer directly setting options.DOTENV_KEY
  if (options && options.DOTENV_KEY && options.DOTENV_KEY.length > 0) {
    return options.DOTENV_KEY
  }

  // secondary infra already contains a DOTENV_KEY environment variable
  if (process.env.DOTENV_KEY && process.env.DOTENV_KEY.length > 0) {
    return process.env.DOTENV_KEY
  }

  // fallback to empty string
  return ''
}

function _instructions (result, dotenvKey) {
  // Parse DOTENV_KEY. Format is a URI
  let uri
  try {
    uri = new URL(dotenvKey)
  } catch (error) {
    if (error.code === 'ERR_INVALID_URL') {
      const err = new Error('INVALID_DOTENV_KEY: Wrong format. Must be in valid uri format like dotenv://:key_1234@dotenvx.com/vault/.env.vault?environment=development')
      err.code = 'INVALID_DOTENV_KEY'
      throw err
    }

    throw error
  }

  // Get decrypt key
  const key = uri.password
  if (!key) {
    const err = new Error('INVALID_DOTENV_KEY: Missing key part')
    err.code = 'INVALID_DOTENV_KEY'
    throw err
  }

  // Get environment
  const environment = uri.searchParams.get('environment')
  if (!environment) {
    const err = new Error('INVALID_DOTENV_KEY: Missing environment part')
    err.code = 'INVALID_DOTENV_KEY'
    throw err
  }

  // Get ciphertext payload
  const environmentKey = `DOTENV_VAULT_${environment.toUpperCase()}`
  const ciphertext = result.parsed[environmentKey] // DOTENV_VAULT_PRODUCTION
  if (!ciphertext) {
    const err = new Error(`NOT_FOUND_DOTENV_ENVIRONMENT: Cannot locate environment ${environmentKey} in your .env.vault file.`)
    err.code = 'NOT_FOUND_DOTENV_ENVIRONMENT'
    throw err
  }

  return { ciphertext, key }
}

function _vaultPath (options) {
  let possibleVaultPath = null

  if (options && options.path && options.path.length > 0) {
    if (Array.isArray(options.path)) {
      for (const filepath of options.path) {
        if (fs.existsSync(filepath)) {
          possibleVaultPath = filepath.endsWith('.vault') ? filepath : `${filepath}.vault`
        }
      }
    } else {
      possibleVaultPath = options.path.endsWith('.vault') ? options.path : `${options.path}.vault`
    }
  } else {
    possibleVaultPath = path.resolve(process.cwd(), '.env.vault')
  }

  if (fs.existsSync(possibleVaultPath)) {
    return possibleVaultPath
  }

  return null
}

function _resolveHome (envPath) {
  return envPath[0] === '~' ? path.join(os.homedir(), envPath.slice(1)) : envPath
}

function _configVault (options) {
  const debug = parseBoolean(process.env.DOTENV_CONFIG_DEBUG || (options && options.debug))
  const quiet = parseBoolean(process.env.DOTENV_CONFIG_QUIET || (options && options.quiet))

  if (debug || !quiet) {
    _log('loading env from encrypted .env.vault')
  }

  const parsed = DotenvModule._parseVault(options)

  let processEnv = process.env
  if (options && options.processEnv != null) {
    processEnv = options.processEnv
  }

  DotenvModule.populate(processEnv, parsed, options)

  return { parsed }
}

function configDotenv (options) {
  const dotenvPath = path.resolve(process.cwd(), '.env')
  let encoding = 'utf8'
  let processEnv = process.env
  if (options && options.processEnv != null) {
    processEnv = options.processEnv
  }
  let debug = parseBoolean(processEnv.DOTENV_CONFIG_DEBUG || (options && options.debug))
  let quiet = parseBoolean(processEnv.DOTENV_CONFIG_QUIET || (options && options.quiet))

  if (options && options.encoding) {
    encoding = options.encoding
  } else {
    if (debug) {
      _debug('no encoding is specified (UTF-8 is used by default)')
    }
  }

  let optionPaths = [dotenvPath] // default, look for .env
  if (options && options.path) {
    if (!Array.isArray(options.path)) {
      optionPaths = [_resolveHome(options.path)]
    } else {
      optionPaths = [] // reset default
      for (const filepath of options.path) {
        optionPaths.push(_resolveHome(filepath))
      }
    }
  }

  // Build the parsed data in a temporary object (because we need to return it).  Once we have the final
  // parsed data, we will combine it with process.env (or options.processEnv if provided).
  let lastError
  const parsedAll = {}
  for (const path of optionPaths) {
    try {
      // Specifying an encoding returns a string instead of a buffer
      const parsed = DotenvModule.parse(fs.readFileSync(path, { encoding }))

      DotenvModule.populate(parsedAll, parsed, options)
    } catch (e) {
      if (debug) {
        _debug(`failed to load ${path} ${e.message}`)
      }
      lastError = e
    }
  }

  const populated = DotenvModule.populate(processEnv, parsedAll, options)

  // handle user settings DOTENV_CONFIG_ options inside .env file(s)
  debug = parseBoolean(processEnv.DOTENV_CONFIG_DEBUG || debug)
  quiet = parseBoolean(processEnv.DOTENV_CONFIG_QUIET || quiet)

  if (debug || !quiet) {
    const keysCount = Object.keys(populated).length
    const shortPaths = []
    for (const filePath of optionPaths) {
      try {
        const relative = path.relative(process.cwd(), filePath)
        shortPaths.push(relative)
      } catch (e) {
        if (debug) {
          _debug(`failed to load ${filePath} ${e.message}`)
        }
        lastError = e
      }
    }

    _log(`injected env (${keysCount}) from ${shortPaths.join(',')} ${dim(`// tip: ${_getRandomTip()}`)}`)
  }

  if (lastError) {
    return { parsed: parsedAll, error: lastError }
  } else {
    return { parsed: parsedAll }
  }
}

// Populates process.env from .env file
function config (options) {
  // fallback to original dotenv if DOTENV_KEY is not set
  if (_dotenvKey(options).length === 0) {
    return DotenvModule.configDotenv(options)
  }

  const vaultPath = _vaultPath(options)

  // dotenvKey exists but .env.vault file does not exist
  if (!vaultPath) {
    _warn(`you set DOTENV_KEY but you are missing a .env.vault file at ${vaultPath}`)

    return DotenvModule.configDotenv(options)
  }

  return DotenvModule._configVault(options)
}

function decrypt (encrypted, keyStr) {
  const key = Buffer.from(keyStr.slice(-64), 'hex')
  let ciphertext = Buffer.from(encrypted, 'base64')

  const nonce = ciphertext.subarray(0, 12)
  const authTag = ciphertext.subarray(-16)
  ciphertext = ciphertext.subarray(12, -16)

  try {
    const aesgcm = crypto.createDecipheriv('aes-256-gcm', key, nonce)
    aesgcm.setAuthTag(authTag)
    return `${aesgcm.update(ciphertext)}${aesgcm.final()}`
  } catch (error) {
    const isRange = error instanceof RangeError
    const invalidKeyLength = error.message === 'Invalid key length'
    const decryptionFailed = error.message === 'Unsupported state or unable to authenticate data'

    if (isRange || invalidKeyLength) {
      const err = new Error('INVALID_DOTENV_KEY: It must be 64 characters long (or more)')
      err.code = 'INVALID_DOTENV_KEY'
      throw err
    } else if (decryptionFailed) {
      const err = new Error('DECRYPTION_FAILED: Please check your DOTENV_KEY')
      err.code = 'DECRYPTION_FAILED'
      throw err
    } else {
      throw error
    }
  }
}

// Populate process.env with parsed values
function populate (processEnv, parsed, options = {}) {
  const debug = Boolean(options && options.debug)
  const override = Boolean(options && options.override)
  const populated = {}

  if (typeof parsed !== 'object') {
    const err = new Error('OBJECT_REQUIRED: Please check the processEnv argument being passed to populate')
    err.code = 'OBJECT_REQUIRED'
    throw err
  }

  // Set process.env
  for (const key of Object.keys(parsed)) {
    if (Object.prototype.hasOwnProperty.call(processEnv, key)) {
      if (override === true) {
        processEnv[key] = parsed[key]
        populated[key] = parsed[key]
      }

      if (debug) {
        if (override === true) {
          _debug(`"${key}" is already defined and WAS overwritten`)
        } else {
          _debug(`"${key}" is already defined and was NOT overwritten`)
        }
      }
    } else {
      processEnv[key] = parsed[key]
      populated[key] = parsed[key]
    }
  }

  return populated
}

const DotenvModule = {
  configDotenv,
  _configVault,
  _parseVault,
  config,
  decrypt,
  parse,
  populate
}

module.exports.configDotenv = DotenvModule.configDotenv
module.exports._configVault = DotenvModule._configVault
module.exports._parseVault = DotenvModule._parseVault
module.exports.config = DotenvModule.config
module.exports.decrypt = DotenvModule.decrypt
module.exports.parse = DotenvModule.parse
module.exports.populate = DotenvModule.populate

module.exports = DotenvModule


/***/ }),

/***/ 9605:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  syncSecretsCommand: () => (/* binding */ syncSecretsCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/secrets/secrets-target.js
var secrets_target = __webpack_require__(2557);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/errors.js
var errors = __webpack_require__(9033);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/core/secrets/sync-plan.js
var sync_plan = __webpack_require__(2224);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/command.js
var command = __webpack_require__(5435);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/commands/github-writes.js + 2 modules
var github_writes = __webpack_require__(2164);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/.mlops-build/src/adapters/git.js
var git = __webpack_require__(7443);
// EXTERNAL MODULE: ./node_modules/dotenv/lib/main.js
var main = __webpack_require__(8889);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/core/secrets/env-file.js


const MAX_VALUE_BYTES = 48 * 1024;
function secretNameProblem(name) {
  if (!/^[A-Za-z0-9_]+$/.test(name)) return "only letters, digits and underscores are allowed";
  if (/^[0-9]/.test(name)) return "it must not start with a digit";
  if (/^GITHUB_/i.test(name)) return "the GITHUB_ prefix is reserved";
  return void 0;
}
const KEY_LINE = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]\s*(.*)$/;
function closingRow(lines, row, col, quote) {
  const candidates = [];
  scan: for (let r = row, c = col; r < lines.length; r++, c = 0) {
    const line = lines[r] ?? "";
    for (; c < line.length; c++) {
      const escaped = line[c] === "\\" && line[c + 1] === quote;
      if (escaped) c++;
      if (line[c] !== quote) continue;
      candidates.push({ row: r, col: c });
      if (!escaped) break scan;
    }
  }
  const end = candidates.findLast(
    ({ row: r, col: c }) => /^\s*(#.*)?$/.test((lines[r] ?? "").slice(c + 1))
  );
  return end?.row;
}
function scanLines(text) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const keys = [];
  const dropped = [];
  const unclosed = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? "";
    if (raw.trim() === "" || raw.trim().startsWith("#")) continue;
    const match = KEY_LINE.exec(raw);
    if (!match) {
      dropped.push(index + 1);
      continue;
    }
    const key = match[1] ?? "";
    keys.push({ key, line: index + 1 });
    const value = match[2] ?? "";
    const quote = value[0];
    if (quote !== '"' && quote !== "'" && quote !== "`") continue;
    const end = closingRow(lines, index, raw.length - value.length + 1, quote);
    if (end === void 0)
      unclosed.push(
        `line ${index + 1}: ${key}: its opening ${quote} is never closed (a quoted value ends with ${quote} at the end of its last line)`
      );
    else index = end;
  }
  return { keys, dropped, unclosed };
}
function parseEnvFile(text, fileLabel) {
  const values = main.parse(text);
  const { keys, dropped, unclosed } = scanLines(text);
  const problems = [
    ...dropped.map((line) => `line ${line}: not KEY=VALUE (dotenv would silently drop it)`),
    ...unclosed
  ];
  const firstLine = /* @__PURE__ */ new Map();
  const byUpper = /* @__PURE__ */ new Map();
  for (const { key, line } of keys) {
    const earlier = firstLine.get(key);
    if (earlier !== void 0) {
      problems.push(
        `line ${line}: ${key} is also set on line ${earlier} (only the last would count)`
      );
      continue;
    }
    firstLine.set(key, line);
    const nameProblem = secretNameProblem(key);
    if (nameProblem) problems.push(`line ${line}: ${key}: ${nameProblem}`);
    const upper = key.toUpperCase();
    const other = byUpper.get(upper);
    if (other !== void 0)
      problems.push(
        `line ${line}: ${key} and ${other} are the same name to GitHub (names are case-insensitive)`
      );
    byUpper.set(upper, key);
    const value = values[key] ?? "";
    if (value === "") problems.push(`line ${line}: ${key} is empty`);
    const bytes = Buffer.byteLength(value, "utf8");
    if (bytes > MAX_VALUE_BYTES)
      problems.push(
        `line ${line}: ${key} is ${bytes} bytes; GitHub takes at most ${MAX_VALUE_BYTES}`
      );
  }
  if (problems.length > 0) {
    throw new errors/* UserError */.yo(
      `${fileLabel} has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was written`,
      {
        details: problems,
        fix: "Names: letters, digits and _ only, not starting with a digit or GITHUB_; one line per name; no empty values; values up to 48 KB (quote multi-line values, and end them with the closing quote)."
      }
    );
  }
  return keys.map(({ key, line }) => ({ name: key.toUpperCase(), value: values[key] ?? "", line }));
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/sync-secrets-inputs.js







const OWNER_NAME = /^([\w.-]+)\/([\w.-]+)$/;
function repositoryTarget(repository, environment) {
  const match = OWNER_NAME.exec(repository);
  if (!match) {
    throw new errors/* UserError */.yo(`repository "${repository}" is not OWNER/NAME`, {
      fix: "Set repository to OWNER/NAME (a workflow defaults to its own), or org."
    });
  }
  const [, owner = "", repo = ""] = match;
  return environment ? { level: "environment", owner, repo, environment } : { level: "repository", owner, repo };
}
function parseTarget(raw, context) {
  const org = raw.string("org")?.trim();
  const environment = raw.string("environment")?.trim() || void 0;
  const visibility = (0,command/* choiceInput */.ij)(raw, "visibility", ["all", "private", "selected"]);
  if (org) {
    if (environment)
      throw new errors/* UserError */.yo("org and environment are both set", {
        fix: "Environments belong to a repository: give environment with repository, or org alone."
      });
    if (visibility === "selected")
      throw new errors/* UserError */.yo('visibility "selected" is not supported yet', {
        fix: "Use all or private, and limit access to repositories in the organization settings."
      });
    return { level: "organization", org, visibility };
  }
  const repository = raw.string("repository")?.trim() || context.env.GITHUB_REPOSITORY;
  return repository ? repositoryTarget(repository, environment) : { level: "git-remote", environment };
}
function parseSyncInputs(raw, context) {
  const checkOnly = (0,command/* once */.Oo)(() => (0,command/* booleanInput */.tE)(raw, "check-only"));
  return (0,command/* parseFields */.L5)("sync-secrets", {
    envFile: () => external_node_path_.resolve(context.cwd, (0,command/* stringInput */.Uj)(raw, "env-file")),
    checkOnly,
    ifChanged: () => (0,command/* booleanInput */.tE)(raw, "if-changed"),
    token: () => {
      const token = raw.string("github-token")?.trim() || context.env.GH_TOKEN || context.env.GITHUB_TOKEN;
      if (token) context.host.maskSecret(token, "github-token");
      else if (!checkOnly())
        throw new errors/* UserError */.yo("sync-secrets needs a GitHub token that may write secrets", {
          fix: 'Set github-token to a fine-grained PAT or GitHub App token with "Secrets: write" (stored as a secret); GITHUB_TOKEN cannot write secrets.'
        });
      return token ?? "";
    },
    target: () => checkOnly() ? void 0 : parseTarget(raw, context),
    selection: () => ({
      include: (0,command/* listInput */.dt)(raw, "include"),
      exclude: (0,command/* listInput */.dt)(raw, "exclude"),
      variables: (0,command/* listInput */.dt)(raw, "variables")
    }),
    dryRun: () => (0,command/* booleanInput */.tE)(raw, "dry-run"),
    prunePrefixes: () => (0,command/* booleanInput */.tE)(raw, "prune") ? (0,sync_plan/* checkPrunePrefixes */.vJ)((0,command/* listInput */.dt)(raw, "prune-prefix")) : void 0,
    concurrency: () => (0,command/* integerInput */.$A)(raw, "concurrency", 1)
  });
}
function readEnvFile(file, cwd) {
  const display = external_node_path_.relative(cwd, file) || file;
  let text;
  try {
    text = (0,external_node_fs_.readFileSync)(file, "utf8");
  } catch (error) {
    throw new errors/* UserError */.yo(`Cannot read ${display}: ${error.code ?? ""}`, {
      fix: "Set env-file to the .env file to sync (relative to the working directory)."
    });
  }
  return parseEnvFile(text, display);
}
function remoteTarget(cwd, environment) {
  const repository = (0,git/* remoteRepository */.D)(cwd);
  if (!repository) {
    throw new errors/* UserError */.yo("No repository to sync to", {
      fix: "Set repository to OWNER/NAME (a workflow defaults to its own), or org."
    });
  }
  return repositoryTarget(repository, environment);
}
function refuseTrackedSecrets(file, entries, selection, cwd) {
  const included = selection.include.length > 0 ? (0,sync_plan/* nameMatcher */.MH)(selection.include) : () => true;
  const excluded = (0,sync_plan/* nameMatcher */.MH)(selection.exclude);
  const isVariable = (0,sync_plan/* nameMatcher */.MH)(selection.variables);
  const secrets = entries.map((entry) => entry.name).filter((name) => included(name) && !excluded(name) && !isVariable(name));
  if (secrets.length === 0) return;
  const tracked = (0,git/* gitOutput */.o)(external_node_path_.dirname(file), [
    "ls-files",
    "--error-unmatch",
    "--",
    external_node_path_.basename(file)
  ]);
  if (tracked === void 0) return;
  const display = external_node_path_.relative(cwd, file) || file;
  throw new errors/* UserError */.yo(
    `${display} is tracked by git, so its secrets (${secrets.join(", ")}) are in the repository's history; nothing was written`,
    {
      fix: `Untrack it (git rm --cached ${display}, and add it to .gitignore), rotate every secret it held, then sync from an untracked file (a local .env, or a file written from a secret in the workflow). Only plain settings may come from a committed file: list them in variables.`
    }
  );
}
function planSyncInputs(request, context) {
  const { envFile, selection, target } = request;
  const planned = (0,command/* parseFields */.L5)("sync-secrets", {
    entries: () => {
      const entries = readEnvFile(envFile, context.cwd);
      const isVariable = (0,sync_plan/* nameMatcher */.MH)(selection.variables);
      for (const entry of entries)
        if (!isVariable(entry.name)) context.host.maskSecret(entry.value, entry.name);
      return entries;
    },
    target: () => target?.level === "git-remote" ? remoteTarget(context.cwd, target.environment) : target
  });
  if (!request.checkOnly) refuseTrackedSecrets(envFile, planned.entries, selection, context.cwd);
  return { ...request, ...planned };
}


// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/sync-secrets-stamp.js






function syncStamp(inputs, target, context) {
  const hash = (0,external_node_crypto_.createHash)("sha256");
  hash.update(
    JSON.stringify([(0,secrets_target/* describeTarget */.f)(target), inputs.selection, inputs.prunePrefixes ?? null])
  );
  for (const entry of inputs.entries) hash.update(`${entry.name}\0${entry.value}\0`);
  const gitDir = (0,git/* gitOutput */.o)(context.cwd, ["rev-parse", "--git-dir"]);
  const folder = gitDir ? external_node_path_.resolve(context.cwd, gitDir) : external_node_path_.join(
    context.env.XDG_CACHE_HOME || external_node_path_.join(context.env.HOME || (0,external_node_os_.homedir)(), ".cache"),
    "mlops-platform"
  );
  const name = (0,external_node_crypto_.createHash)("sha256").update(`${inputs.envFile}\0${(0,secrets_target/* describeTarget */.f)(target)}`).digest("hex");
  return {
    file: external_node_path_.join(folder, "mlops-sync-secrets", name.slice(0, 16)),
    fingerprint: hash.digest("hex")
  };
}
async function readStamp(file) {
  try {
    return (await (0,promises_.readFile)(file, "utf8")).trim();
  } catch {
    return void 0;
  }
}
async function writeStamp(file, fingerprint) {
  await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
  await (0,promises_.writeFile)(file, `${fingerprint}
`, { mode: 384 });
}


;// CONCATENATED MODULE: ./node_modules/.mlops-build/src/commands/sync-secrets.js








const syncSecretsCommand = (0,command/* defineCommand */.NB)({
  name: "sync-secrets",
  summary: "Write the values of a .env file to GitHub Actions secrets (sealed with libsodium) or variables, for a repository, environment or organization.",
  inputs: [
    {
      name: "env-file",
      description: "Secrets: the .env file to sync.",
      kind: "string",
      default: ".env",
      positional: true
    },
    {
      name: "github-token",
      description: 'Secrets: a token that may write secrets: fine-grained PAT or GitHub App token with "Secrets: write" ("Variables", "Environments" as needed). GITHUB_TOKEN cannot. The CLI also reads GH_TOKEN or GITHUB_TOKEN.',
      kind: "string",
      valueName: "TOKEN",
      secret: true
    },
    {
      name: "repository",
      description: `Secrets: the repository, OWNER/NAME. Defaults to the workflow's repository (the CLI: the git remote "origin").`,
      kind: "string",
      valueName: "OWNER/NAME"
    },
    {
      name: "environment",
      description: "Secrets: write to this deployment environment of the repository (it must exist).",
      kind: "string",
      valueName: "NAME"
    },
    {
      name: "org",
      description: "Secrets: write organization secrets and variables instead.",
      kind: "string",
      valueName: "ORG"
    },
    {
      name: "visibility",
      description: "Secrets: which repositories see organization secrets.",
      kind: "string",
      choices: ["all", "private", "selected"],
      default: "private"
    },
    {
      name: "variables",
      description: "Secrets: names or patterns (e.g. *_REGION) written as plain Actions variables instead of secrets.",
      kind: "list",
      valueName: "PATTERN"
    },
    {
      name: "include",
      description: "Secrets: only names matching these patterns (default: all).",
      kind: "list",
      valueName: "PATTERN"
    },
    {
      name: "exclude",
      description: "Secrets: leave out names matching these patterns.",
      kind: "list",
      valueName: "PATTERN"
    },
    {
      name: "dry-run",
      description: "Show what would change (names only) and write nothing.",
      kind: "boolean",
      default: "false"
    },
    {
      name: "prune",
      description: "Secrets: delete secrets and variables that are not in the file, among the names starting with prune-prefix.",
      kind: "boolean",
      default: "false"
    },
    {
      name: "prune-prefix",
      description: "Secrets: the prefixes of the names the file owns, which prune may delete.",
      kind: "list",
      valueName: "PREFIX"
    },
    {
      name: "check-only",
      description: "Secrets: check the file (names, duplicates, sizes) without contacting GitHub.",
      kind: "boolean",
      default: "false"
    },
    {
      name: "if-changed",
      description: "Secrets: skip the sync when the file, target and options are unchanged since the last sync from this checkout (for git hooks).",
      kind: "boolean",
      default: "false"
    },
    {
      name: "concurrency",
      description: "Secrets: requests to GitHub at once.",
      kind: "integer",
      default: "8"
    }
  ],
  outputs: [
    { name: "added", description: "Names added, comma-separated." },
    { name: "updated", description: "Names rewritten, comma-separated." },
    { name: "unchanged", description: "Variables already holding the value, comma-separated." },
    { name: "removed", description: "Names pruned, comma-separated." }
  ],
  parseInputs: parseSyncInputs,
  async run(request, context) {
    const { ui } = context;
    const inputs = planSyncInputs(request, context);
    const display = external_node_path_.relative(context.cwd, inputs.envFile) || inputs.envFile;
    const target = inputs.target;
    if (!target) {
      ui.info(`${display}: ${inputs.entries.length} values, all valid for GitHub`);
      return { outputs: {} };
    }
    const where = (0,secrets_target/* describeTarget */.f)(target);
    const stamp = syncStamp(inputs, target, context);
    if (inputs.ifChanged && await readStamp(stamp.file) === stamp.fingerprint) {
      ui.info(`${display} is unchanged since its last sync to ${where}: nothing to do`);
      return { outputs: {} };
    }
    const store = await (0,github_writes/* openSecretsStore */.fI)(target, inputs.token, context);
    const plan = await ui.group(`Read ${where}`, async () => {
      const [secrets, variables] = await Promise.all([store.secretNames(), store.variables()]);
      ui.info(`${secrets.length} secrets and ${variables.size} variables there now`);
      const plan2 = (0,sync_plan/* planSync */.R4)(
        inputs.entries,
        inputs.selection,
        { secrets, variables },
        inputs.prunePrefixes
      );
      checkSecretCount(target, secrets.length, plan2);
      return plan2;
    });
    if (plan.skipped.length > 0) ui.info(`Left out by include/exclude: ${plan.skipped.join(", ")}`);
    const outcome = inputs.dryRun ? void 0 : await ui.group(
      `Write to ${where}`,
      () => (0,github_writes/* writeChanges */.vB)(store, plan.changes, inputs.concurrency)
    );
    const rows = plan.changes.map((change) => [
      change.name,
      change.kind,
      inputs.dryRun ? `would be ${github_writes/* ACTION_TEXT */.pr[change.action]}` : outcome?.done.get(change) ?? github_writes/* ACTION_TEXT */.pr[change.action]
    ]);
    ui.table(
      `${inputs.dryRun ? "Dry run: " : ""}${external_node_path_.basename(inputs.envFile)} \u2192 ${where}`,
      ["Name", "Kind", "Change"],
      rows
    );
    const names = (action) => plan.changes.filter((change) => change.action === action).map((change) => change.name).join(",");
    const outputs = {
      added: names("add"),
      updated: names("update"),
      unchanged: names("unchanged"),
      removed: names("remove")
    };
    const failure = outcome && (0,github_writes/* writeFailure */.EU)(
      outcome,
      plan.changes.length,
      where,
      "Fix the cause named above and run the sync again; it is safe to repeat."
    );
    if (failure) throw failure;
    if (!inputs.dryRun) await writeStamp(stamp.file, stamp.fingerprint);
    return { outputs };
  }
});
function checkSecretCount(target, existing, plan) {
  const limit = target.level === "organization" ? 1e3 : 100;
  const count = (action) => plan.changes.filter((change) => change.kind === "secret" && change.action === action).length;
  const after = existing + count("add") - count("remove");
  if (after > limit) {
    throw new errors/* UserError */.yo(
      `${(0,secrets_target/* describeTarget */.f)(target)} would have ${after} secrets; GitHub allows ${limit} at this level. Nothing was written`,
      {
        fix: "Sync fewer names (include/exclude), move plain settings to variables, prune old ones, or use environment or organization secrets."
      }
    );
  }
}



/***/ }),

/***/ 2557:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ describeTarget)
/* harmony export */ });
function describeTarget(target) {
  switch (target.level) {
    case "repository":
      return `${target.owner}/${target.repo}`;
    case "environment":
      return `${target.owner}/${target.repo} environment ${target.environment}`;
    case "organization":
      return `organization ${target.org} (${target.visibility})`;
  }
}



/***/ })

};
