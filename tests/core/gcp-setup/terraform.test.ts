import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { desiredState } from '../../../src/core/gcp-setup/desired-state.js';
import { resolveSetupInputs } from '../../../src/core/gcp-setup/setup-inputs.js';
import { hclString, renderTerraform } from '../../../src/core/gcp-setup/terraform.js';
import { attributeCondition } from '../../../src/core/gcp-setup/workload-identity.js';
import { CONFIG, INPUTS } from './fixtures.js';

interface Block {
  readonly header: string[];
  readonly attributes: Map<string, string>;
}

/**
 * A structural reading of the HCL the export writes: strings must use only HCL's escapes and
 * never split across lines, brackets must balance, and every top-level statement must be a
 * block `keyword "label"... {`. Returns the blocks with their top-level attributes (raw text).
 */
function parseHcl(text: string): Block[] {
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  let outside = '';
  const strings: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const char = code[i] ?? '';
    if (char !== '"') {
      outside += char;
      continue;
    }
    let value = '';
    for (i++; code[i] !== '"'; i++) {
      if (i >= code.length || code[i] === '\n') throw new Error(`unterminated string at ${i}`);
      if (code[i] === '\\') {
        const escape = code[i + 1] ?? '';
        if (escape === 'u') {
          const hex = code.slice(i + 2, i + 6);
          if (!/^[0-9a-f]{4}$/i.test(hex)) throw new Error(`bad \\u escape at ${i}`);
          value += String.fromCharCode(parseInt(hex, 16));
          i += 5;
          continue;
        }
        const known: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        const decoded = known[escape];
        if (decoded === undefined) throw new Error(`unknown escape \\${escape} at ${i}`);
        value += decoded;
        i++;
      } else value += code[i];
    }
    strings.push(value);
    outside += `"${strings.length - 1}"`;
  }
  const blocks: Block[] = [];
  let depth = 0;
  let current: Block | undefined;
  for (const line of outside.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (depth === 0) {
      const header = /^(terraform|provider|resource|data)((?: "\d+")*) \{$/.exec(trimmed);
      if (!header) throw new Error(`not a block: ${trimmed}`);
      const labels = [...(header[2] ?? '').matchAll(/"(\d+)"/g)].map(
        (m) => strings[Number(m[1])] ?? '',
      );
      current = { header: [header[1] ?? '', ...labels], attributes: new Map() };
      blocks.push(current);
    } else if (depth === 1 && current) {
      const attribute = /^([a-z_][a-z0-9_-]*)\s*=\s*(.*)$/.exec(trimmed);
      if (attribute)
        current.attributes.set(
          attribute[1] ?? '',
          (attribute[2] ?? '').replace(/"(\d+)"/g, (_, n: string) =>
            JSON.stringify(strings[Number(n)]),
          ),
        );
    }
    for (const char of trimmed) {
      if (char === '{' || char === '[') depth++;
      if (char === '}' || char === ']') depth--;
      if (depth < 0) throw new Error(`unbalanced at: ${trimmed}`);
    }
  }
  if (depth !== 0) throw new Error('unbalanced brackets at the end');
  return blocks;
}

const TEXT = renderTerraform(CONFIG);
const BLOCKS = parseHcl(TEXT);
const resources = (type: string) =>
  BLOCKS.filter((b) => b.header[0] === 'resource' && b.header[1] === type);

describe('the Terraform export', () => {
  it('parses as blocks of HCL', () => {
    expect(BLOCKS.map((b) => b.header[0])).toEqual(
      expect.arrayContaining(['terraform', 'provider', 'data', 'resource']),
    );
    const names = BLOCKS.map((b) => b.header.join(' '));
    expect(new Set(names).size).toBe(names.length);
  });

  it('grants only through additive *_iam_member resources', () => {
    expect(TEXT).not.toMatch(/_iam_policy|_iam_binding/);
    const members = BLOCKS.filter((b) => b.header[1]?.endsWith('_iam_member'));
    const agentCc = desiredState(CONFIG).bindings.filter(
      (b) => b.principal === 'vertex-code-agent',
    );
    expect(members).toHaveLength(desiredState(CONFIG).bindings.length - agentCc.length);
    expect(
      TEXT.match(/^# resource "google_artifact_registry_repository_iam_member"/gm),
    ).toHaveLength(agentCc.length);
  });

  it('declares the APIs, pool, provider, accounts, bucket and repositories', () => {
    expect(resources('google_project_service').map((b) => b.attributes.get('service'))).toEqual(
      desiredState(CONFIG).apis.map((api) => JSON.stringify(api)),
    );
    expect(resources('google_iam_workload_identity_pool')).toHaveLength(1);
    expect(resources('google_service_account').map((b) => b.attributes.get('account_id'))).toEqual([
      '"mlops-training"',
      '"mlops-deploy"',
      '"mlops-pipelines"',
    ]);
    expect(resources('google_storage_bucket')[0]?.attributes).toEqual(
      new Map([
        ['name', '"acme-ml-mlops"'],
        ['location', '"EUROPE-WEST4"'],
        ['uniform_bucket_level_access', 'true'],
        ['public_access_prevention', '"enforced"'],
        ['depends_on', '[google_project_service.storage]'],
      ]),
    );
    expect(
      resources('google_artifact_registry_repository').map((b) => b.attributes.get('format')),
    ).toEqual(['"DOCKER"', '"KFP"']);
  });

  it('gives the provider the same condition and mapping as setup', () => {
    const [provider] = resources('google_iam_workload_identity_pool_provider');
    expect(provider?.attributes.get('attribute_condition')).toBe(
      JSON.stringify(attributeCondition(CONFIG)),
    );
    expect(TEXT).toMatch(/"google\.subject"\s+= "assertion\.sub"/);
    expect(TEXT).toContain('issuer_uri = "https://token.actions.githubusercontent.com"');
  });

  it('refers to the project number through the data source, unescaped', () => {
    expect(TEXT).toContain(
      'principalSet://iam.googleapis.com/projects/${data.google_project.this.number}/locations/global/workloadIdentityPools/github/attribute.repository/acme/ml',
    );
    expect(TEXT).not.toContain('\\u0001');
  });

  it('escapes strings as HCL requires', () => {
    expect(hclString('say "hi"\\ ${x} %{y}\n')).toBe('"say \\"hi\\"\\\\ $${x} %%{y}\\n"');
    const config = resolveSetupInputs({ ...INPUTS, environment: 'prod ${eu} 100%{x}' });
    expect(() => parseHcl(renderTerraform(config))).not.toThrow();
    expect(renderTerraform(config)).toContain("assertion.environment == 'prod $${eu} 100%%{x}'");
  });

  it.skipIf(!hasTerraform())('is as terraform fmt writes it', () => {
    const result = spawnSync('terraform', ['fmt', '-check', '-no-color', '-'], {
      input: TEXT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
  });
});

function hasTerraform(): boolean {
  const found = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI === 'true') throw new Error('terraform is required under CI=true');
  return found;
}
