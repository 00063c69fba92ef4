import {
  desiredState,
  REQUIRED_APIS,
  type DesiredBinding,
  type DesiredState,
} from './desired-state.js';
import type { Scope } from './permissions.js';
import type { SetupConfig } from './setup-inputs.js';

/**
 * `setup gcp --format terraform`: the same desired state as Terraform, for teams that manage
 * infrastructure that way. Grants are additive `google_*_iam_member` resources only: the
 * `_iam_policy` and `_iam_binding` resources own a whole policy or role and would revoke what
 * they do not list, the service agents' roles included (create-service-agents page).
 */

/** An HCL expression written as is (a reference), as opposed to a string to quote. */
interface Raw {
  readonly raw: string;
}
type Value = string | boolean | Raw | readonly string[] | Readonly<Record<string, string>>;
type Attributes = ReadonlyArray<readonly [string, Value]>;

/**
 * Stands in for the project number while the desired state is built: the number is unknown
 * until apply, so it becomes a reference to the google_project data source. Control characters
 * cannot occur in validated inputs, so the marker cannot collide with a name.
 */
const NUMBER_MARKER = '\u0001project-number\u0001';
const NUMBER_REFERENCE = '${data.google_project.this.number}';

/** An HCL quoted string: escapes per the HCL native syntax spec, templates (`${`, `%{`) doubled. */
export function hclString(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  // A function, not a replacement string, in which `$$` would mean one `$`.
  out = out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  return `"${out.replaceAll(hclEscapedMarker(), NUMBER_REFERENCE)}"`;
}

function hclEscapedMarker(): string {
  return NUMBER_MARKER.split('\u0001').join('\\u0001');
}

function render(value: Value, indent: string): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value as readonly string[];
    return items.length === 0
      ? '[]'
      : `[\n${items.map((item) => `${indent}  ${hclString(item)},`).join('\n')}\n${indent}]`;
  }
  if ('raw' in value && typeof value.raw === 'string') return value.raw;
  const entries = Object.entries(value as Record<string, string>).map(
    ([k, v]) => [hclString(k), hclString(v)] as const,
  );
  const width = Math.max(...entries.map(([k]) => k.length));
  return `{\n${entries.map(([k, v]) => `${indent}  ${k.padEnd(width)} = ${v}`).join('\n')}\n${indent}}`;
}

/**
 * A block laid out as `terraform fmt` would: the `=` of consecutive one-line attributes aligned,
 * a multi-line value ending the run, so `terraform fmt -check` passes on the export.
 */
function block(header: string, attributes: Attributes, nested: string[] = []): string {
  const rendered = attributes.map(([key, value]) => [key, render(value, '  ')] as const);
  const lines: string[] = [];
  let run: (typeof rendered)[number][] = [];
  const flush = () => {
    const width = Math.max(...run.map(([key]) => key.length));
    lines.push(...run.map(([key, text]) => `  ${key.padEnd(width)} = ${text}`));
    run = [];
  };
  for (const [key, text] of rendered) {
    if (!text.includes('\n')) run.push([key, text]);
    else {
      flush();
      lines.push(`  ${key} = ${text}`);
    }
  }
  flush();
  return `${header} {\n${[...lines, ...nested].join('\n')}\n}`;
}

const resource = (type: string, name: string, attributes: Attributes, nested: string[] = []) =>
  block(`resource "${type}" "${name}"`, attributes, nested);

const raw = (text: string): Raw => ({ raw: text });

/** A Terraform name from any text: letters, digits and underscores, starting with a letter. */
function label(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(cleaned) ? cleaned : `r_${cleaned}`;
}

export function renderTerraform(config: SetupConfig): string {
  const desired = desiredState(config, NUMBER_MARKER);
  const apis = (names: readonly string[]) =>
    raw(
      `[${names.map((api) => `google_project_service.${label(api.split('.')[0] ?? api)}`).join(', ')}]`,
    );
  const blocks: string[] = [
    `# Written by mlops setup gcp --format terraform for ${config.repository}.\n# IAM grants are additive (*_iam_member): they never remove a member someone else granted.`,
    block(
      'terraform',
      [],
      [
        '  required_providers {',
        '    google      = { source = "hashicorp/google", version = ">= 5.0" }',
        '    google-beta = { source = "hashicorp/google-beta", version = ">= 5.0" }',
        '  }',
      ],
    ),
    block('provider "google"', [
      ['project', config.projectId],
      ['region', config.region],
    ]),
    block('provider "google-beta"', [
      ['project', config.projectId],
      ['region', config.region],
    ]),
    block('data "google_project" "this"', [['project_id', config.projectId]]),
  ];
  for (const api of REQUIRED_APIS)
    blocks.push(
      resource('google_project_service', label(api.split('.')[0] ?? api), [
        ['service', api],
        ['disable_on_destroy', false],
      ]),
    );
  // The primary Vertex AI agent can be created ahead; the -cc one only appears on first use.
  blocks.push(
    resource('google_project_service_identity', 'vertex_agent', [
      ['provider', raw('google-beta')],
      ['service', 'aiplatform.googleapis.com'],
    ]),
  );
  blocks.push(
    resource('google_iam_workload_identity_pool', 'github', [
      ['workload_identity_pool_id', desired.pool.id],
      ['display_name', desired.pool.displayName],
      ['depends_on', apis(['iam.googleapis.com', 'sts.googleapis.com'])],
    ]),
  );
  blocks.push(
    resource(
      'google_iam_workload_identity_pool_provider',
      'github',
      [
        [
          'workload_identity_pool_id',
          raw('google_iam_workload_identity_pool.github.workload_identity_pool_id'),
        ],
        ['workload_identity_pool_provider_id', desired.provider.id],
        ['display_name', desired.provider.displayName],
        ['attribute_mapping', desired.provider.attributeMapping],
        ['attribute_condition', desired.provider.attributeCondition ?? ''],
      ],
      [`  oidc {\n    issuer_uri = ${hclString(desired.provider.issuerUri)}\n  }`],
    ),
  );
  blocks.push(
    resource('google_project_iam_custom_role', 'trainer', [
      ['role_id', desired.trainerRole.id],
      ['title', desired.trainerRole.title],
      ['permissions', desired.trainerRole.permissions],
      ['depends_on', apis(['iam.googleapis.com'])],
    ]),
  );
  for (const account of desired.serviceAccounts)
    blocks.push(
      resource('google_service_account', account.key, [
        ['account_id', account.id],
        ['display_name', account.displayName],
        ['depends_on', apis(['iam.googleapis.com'])],
      ]),
    );
  blocks.push(
    resource('google_storage_bucket', 'pipelines', [
      ['name', desired.bucket.name],
      ['location', desired.bucket.location],
      ['uniform_bucket_level_access', true],
      ['public_access_prevention', desired.bucket.publicAccessPrevention],
      ['depends_on', apis(['storage.googleapis.com'])],
    ]),
  );
  for (const repository of desired.repositories)
    blocks.push(
      resource('google_artifact_registry_repository', repository.format.toLowerCase(), [
        ['location', config.region],
        ['repository_id', repository.id],
        ['format', repository.format],
        ['depends_on', apis(['artifactregistry.googleapis.com'])],
      ]),
    );
  const names = new Set<string>();
  for (const binding of desired.bindings) {
    const text = iamMember(desired, binding, names);
    // Terraform cannot wait for Google to create the -cc agent: leave that grant for later.
    blocks.push(
      binding.principal === 'vertex-code-agent'
        ? `# Google creates the Vertex AI Custom Code Service Agent on the first pipeline run; then uncomment:\n${text.replace(/^/gm, '# ')}`
        : text,
    );
  }
  return `${blocks.join('\n\n')}\n`;
}

const TARGET: Record<Scope, (desired: DesiredState) => [string, Attributes]> = {
  project: (d) => ['google_project_iam_member', [['project', d.config.projectId]]],
  bucket: () => [
    'google_storage_bucket_iam_member',
    [['bucket', raw('google_storage_bucket.pipelines.name')]],
  ],
  'docker-repository': (d) => [
    'google_artifact_registry_repository_iam_member',
    [
      ['location', d.config.region],
      ['repository', raw('google_artifact_registry_repository.docker.name')],
    ],
  ],
  'kfp-repository': (d) => [
    'google_artifact_registry_repository_iam_member',
    [
      ['location', d.config.region],
      ['repository', raw('google_artifact_registry_repository.kfp.name')],
    ],
  ],
  'training-account': () => [
    'google_service_account_iam_member',
    [['service_account_id', raw('google_service_account.training.name')]],
  ],
  'deploy-account': () => [
    'google_service_account_iam_member',
    [['service_account_id', raw('google_service_account.deploy.name')]],
  ],
  'pipeline-account': () => [
    'google_service_account_iam_member',
    [['service_account_id', raw('google_service_account.pipeline.name')]],
  ],
};

/** Service accounts and the agent must exist before a grant names them. */
const DEPENDS: Partial<Record<string, string>> = {
  training: 'google_service_account.training',
  deploy: 'google_service_account.deploy',
  pipeline: 'google_service_account.pipeline',
  'vertex-agent': 'google_project_service_identity.vertex_agent',
  'github-repository': 'google_iam_workload_identity_pool_provider.github',
  'github-deploy-environment': 'google_iam_workload_identity_pool_provider.github',
};

function iamMember(desired: DesiredState, binding: DesiredBinding, names: Set<string>): string {
  const [type, target] = TARGET[binding.scope](desired);
  let name = label(`${binding.principal}_${binding.role.split('/').pop() ?? ''}_${binding.scope}`);
  while (names.has(`${type}.${name}`)) name = `${name}_2`;
  names.add(`${type}.${name}`);
  const role: Value =
    binding.role.includes('/roles/') && !binding.role.startsWith('roles/')
      ? raw('google_project_iam_custom_role.trainer.name')
      : binding.role;
  const depends = DEPENDS[binding.principal];
  return resource(type, name, [
    ...target,
    ['role', role],
    ['member', binding.member],
    ...(depends ? [['depends_on', raw(`[${depends}]`)] as const] : []),
  ]);
}
