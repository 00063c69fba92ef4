import { describe, expect, it } from 'vitest';
import { environmentJson, fullRepository, githubApp, simpleUser } from '../github-api-json.js';
import { json, startHttpServer } from '../http-server.js';
import { githubContract, githubOpenApiContract } from './github-openapi-contract.js';
import { SchemaValidator } from './openapi-schema.js';

const API = 'http://127.0.0.1:1';
const AT = '2026-01-02T03:04:05Z';
const REPO = '/repos/acme/ml';
const repo = {
  owner: 'acme',
  ownerId: 4243,
  name: 'ml',
  fullName: 'acme/ml',
  id: 4242,
  private: false,
};
const contract = githubOpenApiContract();

/** The operation `method path` calls, asserting the request is clean. */
function operationOf(method: string, path: string, body?: unknown, query = '') {
  const { operation, problems } = contract.checkRequest(
    method,
    path,
    new URLSearchParams(query),
    body,
  );
  expect(problems).toEqual([]);
  if (!operation) throw new Error(`no operation for ${method} ${path}`);
  return operation;
}

const requestProblems = (method: string, path: string, body?: unknown, query = '') =>
  contract.checkRequest(method, path, new URLSearchParams(query), body);

const checkRun = {
  id: 7,
  node_id: 'CR_Nw',
  head_sha: 'a'.repeat(40),
  external_id: null,
  url: `${API}${REPO}/check-runs/7`,
  html_url: 'https://github.com/acme/ml/runs/7',
  details_url: null,
  status: 'completed',
  conclusion: 'success',
  started_at: AT,
  completed_at: AT,
  output: {
    title: 'Gate',
    summary: 'ok',
    text: null,
    annotations_count: 0,
    annotations_url: `${API}${REPO}/check-runs/7/annotations`,
  },
  name: 'gate',
  check_suite: { id: 1 },
  app: githubApp(API, { slug: 'github-actions', name: 'GitHub Actions' }, AT),
  pull_requests: [],
};

describe('GitHub OpenAPI contract: good exchanges per operation family', () => {
  it('secrets: public key, sealed PUT (201 with {}, 204 without body), list', () => {
    const key = operationOf('GET', `${REPO}/environments/production/secrets/public-key`);
    expect(key.id).toBe('actions/get-environment-public-key');
    expect(contract.checkResponse(key, 200, { key_id: '1', key: 'AAAA' })).toEqual([]);
    const put = operationOf('PUT', `${REPO}/actions/secrets/TOKEN`, {
      encrypted_value: 'c2VhbGVk',
      key_id: '568250167242549743',
    });
    expect(contract.checkResponse(put, 201, {})).toEqual([]);
    expect(contract.checkResponse(put, 204, undefined)).toEqual([]);
    const list = operationOf('GET', '/orgs/acme/actions/secrets', undefined, 'per_page=100&page=2');
    const secret = { name: 'A', created_at: AT, updated_at: AT, visibility: 'all' };
    expect(contract.checkResponse(list, 200, { total_count: 1, secrets: [secret] })).toEqual([]);
  });

  it('variables: create, update, list', () => {
    const create = operationOf('POST', `${REPO}/actions/variables`, { name: 'A', value: 'v' });
    expect(contract.checkResponse(create, 201, {})).toEqual([]);
    const update = operationOf('PATCH', `${REPO}/actions/variables/A`, { value: 'w' });
    expect(contract.checkResponse(update, 204, undefined)).toEqual([]);
    const list = operationOf('GET', `${REPO}/actions/variables`);
    const variable = { name: 'A', value: 'v', created_at: AT, updated_at: AT };
    expect(contract.checkResponse(list, 200, { total_count: 1, variables: [variable] })).toEqual(
      [],
    );
  });

  it('repository and environments', () => {
    expect(
      contract.checkResponse(operationOf('GET', REPO), 200, fullRepository(API, repo, AT)),
    ).toEqual([]);
    const environments = operationOf('GET', `${REPO}/environments`);
    const production = environmentJson(API, 'acme/ml', 1, 'production', AT);
    expect(
      contract.checkResponse(environments, 200, { total_count: 1, environments: [production] }),
    ).toEqual([]);
  });

  it('check runs: create with annotations, update, list for a ref', () => {
    const create = operationOf('POST', `${REPO}/check-runs`, {
      name: 'gate',
      head_sha: 'a'.repeat(40),
      status: 'completed',
      conclusion: 'success',
      output: {
        title: 'Gate',
        summary: 'ok',
        annotations: [
          { path: 'a.py', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'm' },
        ],
      },
    });
    expect(contract.checkResponse(create, 201, checkRun)).toEqual([]);
    const update = operationOf('PATCH', `${REPO}/check-runs/7`, { status: 'in_progress' });
    expect(contract.checkResponse(update, 200, checkRun)).toEqual([]);
    const list = operationOf(
      'GET',
      `${REPO}/commits/${'a'.repeat(40)}/check-runs`,
      undefined,
      'check_name=gate&filter=latest',
    );
    expect(contract.checkResponse(list, 200, { total_count: 1, check_runs: [checkRun] })).toEqual(
      [],
    );
  });

  it('issue comments: create, list, update, delete', () => {
    const comment = {
      id: 2,
      node_id: 'IC_Mg',
      url: `${API}${REPO}/issues/comments/2`,
      html_url: 'https://github.com/acme/ml/issues/5#issuecomment-2',
      issue_url: `${API}${REPO}/issues/5`,
      body: 'report',
      user: simpleUser(API, 'github-actions[bot]', 41898282, 'Bot'),
      created_at: AT,
      updated_at: AT,
      author_association: 'NONE',
    };
    const create = operationOf('POST', `${REPO}/issues/5/comments`, { body: 'report' });
    expect(contract.checkResponse(create, 201, comment)).toEqual([]);
    const list = operationOf('GET', `${REPO}/issues/5/comments`, undefined, 'per_page=100');
    expect(contract.checkResponse(list, 200, [comment])).toEqual([]);
    const update = operationOf('PATCH', `${REPO}/issues/comments/2`, { body: 'new' });
    expect(contract.checkResponse(update, 200, comment)).toEqual([]);
    const remove = operationOf('DELETE', `${REPO}/issues/comments/2`);
    expect(contract.checkResponse(remove, 204, undefined)).toEqual([]);
  });

  it('accepts GitHub error bodies, shared error statuses and gateway errors', () => {
    const get = operationOf('GET', `${REPO}/actions/secrets/A`);
    const error = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };
    expect(contract.checkResponse(get, 404, { ...error, status: '404' })).toEqual([]);
    expect(contract.checkResponse(get, 403, error)).toEqual([]);
    expect(contract.checkResponse(get, 502, { message: 'Server Error' })).toEqual([]);
  });
});

describe('GitHub OpenAPI contract: problems', () => {
  it('names an unknown body field and a wrong type', () => {
    const { problems, status } = requestProblems('PUT', `${REPO}/actions/secrets/A`, {
      encrypted_value: 'c2VhbGVk',
      key_id: 5,
      value: 'plain',
    });
    expect(status).toBe(422);
    expect(problems).toEqual([
      'body.key_id must be string, not integer',
      'body has the unknown field value',
    ]);
  });

  it('names missing required fields, enum values and the anyOf of a completed check run', () => {
    expect(requestProblems('PUT', '/orgs/acme/actions/secrets/A', {}).problems).toEqual([
      'body lacks the required field visibility',
    ]);
    const { problems } = requestProblems('PATCH', `${REPO}/check-runs/7`, { status: 'completed' });
    expect(problems).toEqual([expect.stringMatching(/^body matches none of the anyOf/)]);
    expect(
      requestProblems('POST', `${REPO}/check-runs`, { name: 'g', head_sha: 's', conclusion: 'ok' })
        .problems,
    ).toEqual([expect.stringMatching(/^body.conclusion must be one of "action_required"/)]);
  });

  it('answers unknown paths, unemulated operations and ill-typed path parameters with 404', () => {
    expect(requestProblems('GET', `${REPO}/nothing-here`)).toEqual({
      status: 404,
      problems: [`no operation of GitHub's REST API matches GET ${REPO}/nothing-here`],
    });
    expect(requestProblems('GET', '/user').problems).toEqual([
      'GET /user is a GitHub operation the emulator does not implement',
    ]);
    const wrongId = requestProblems('GET', `${REPO}/check-runs/abc`);
    expect(wrongId.status).toBe(404);
    expect(wrongId.problems).toEqual([
      'path parameter check_run_id of checks/get must be an integer',
    ]);
  });

  it('names unknown and ill-typed query parameters and a body where none is taken', () => {
    expect(
      requestProblems('GET', `${REPO}/actions/secrets`, undefined, 'per_page=x&visibility=all')
        .problems,
    ).toEqual([
      'query parameter per_page must be an integer',
      'unknown query parameter visibility of actions/list-repo-secrets',
    ]);
    expect(requestProblems('DELETE', `${REPO}/actions/secrets/A`, {}).problems).toEqual([
      'actions/delete-repo-secret takes no body',
    ]);
  });

  it('names undocumented statuses and bodies, and broken error bodies', () => {
    const put = operationOf('PUT', `${REPO}/actions/secrets/A`, {
      encrypted_value: 'c2VhbGVk',
      key_id: '1',
    });
    expect(contract.checkResponse(put, 200, {})).toEqual([
      'actions/create-or-update-repo-secret does not answer 200',
    ]);
    expect(contract.checkResponse(put, 418, { message: 'teapot' })).toEqual([
      'actions/create-or-update-repo-secret does not answer 418',
    ]);
    expect(contract.checkResponse(put, 204, {})).toEqual([
      'actions/create-or-update-repo-secret answers 204 without a body',
    ]);
    expect(contract.checkResponse(put, 201, { created: true })).toEqual([
      'response(201) has the unknown field created',
    ]);
    expect(contract.checkResponse(put, 401, { message: 'Bad credentials', code: 1 })).toEqual([
      'error 401 has the unknown field code',
      'error 401 lacks a string documentation_url',
    ]);
    const get = operationOf('GET', `${REPO}/check-runs/7`);
    expect(contract.checkResponse(get, 200, { ...checkRun, app: { slug: 'x' } })).toContain(
      'response(200).app lacks the required field id',
    );
  });
});

describe('SchemaValidator', () => {
  const validator = new SchemaValidator({
    named: { type: 'object', properties: { a: { type: 'integer', nullable: true } } },
  });

  it('follows references, honours nullable, oneOf and allOf', () => {
    const ref = { $ref: '#/components/schemas/named' };
    expect(validator.validate(ref, { a: null }, 'v')).toEqual([]);
    expect(validator.validate(ref, { a: 1.5 }, 'v')).toEqual(['v.a must be integer, not number']);
    const oneOf = { oneOf: [{ type: 'string' }, { type: 'number' }] };
    expect(validator.validate(oneOf, 3, 'v')).toEqual([]);
    expect(validator.validate(oneOf, true, 'v')).toEqual([
      'v matches none of the oneOf alternatives (v must be string, not boolean | v must be number, not boolean)',
    ]);
    const allOf = { allOf: [ref, { properties: { b: { type: 'string' } } }] };
    expect(validator.validate(allOf, { a: 1, b: 'x' }, 'v')).toEqual([]);
    expect(validator.validate(allOf, { a: 1, c: 'x' }, 'v')).toEqual(['v has the unknown field c']);
  });
});

describe('SchemaValidator formats', () => {
  const validator = new SchemaValidator({});

  it('checks the formats GitHub answers rely on and lets the others through', () => {
    const check = (format: string, value: unknown) => validator.validate({ format }, value, 'v');
    expect(check('date-time', '2026-12-05T00:00:00Z')).toEqual([]);
    expect(check('date-time', '2026-12-05 00:00')).toEqual([
      'v must be an RFC 3339 date-time (format date-time), not "2026-12-05 00:00"',
    ]);
    expect(check('date', '2026-02-28')).toEqual([]);
    expect(check('date', '05/12/2026')).toEqual([expect.stringContaining('full-date')]);
    expect(check('uri', 'https://api.github.com/repos/o/r')).toEqual([]);
    expect(check('uri', '/repos/o/r')).toEqual([expect.stringContaining('an absolute URI')]);
    expect(check('email', 'octocat@github.com')).toEqual([]);
    expect(check('email', 'octocat')).toEqual([expect.stringContaining('an email address')]);
    expect(check('int32', 2 ** 31)).toEqual([expect.stringContaining('int32 range')]);
    expect(check('int64', 2 ** 60)).toEqual([expect.stringContaining('loses digits')]);
    expect(check('uri-template', 'https://x/{id}')).toEqual([]);
  });
});

describe('the emulator hook', () => {
  it('rejects a bad request with 422 and turns a contract-breaking answer into a 500', async () => {
    const server = await startHttpServer({
      name: 'gh',
      contract: githubContract(),
      routes: [
        {
          name: 'key',
          method: 'GET',
          pattern: '/repos/{owner}/{repo}/actions/secrets/public-key',
          handler: () => json(200, { key_id: 1 }),
        },
        { name: 'create', method: 'POST', pattern: /./, handler: () => json(201, {}) },
      ],
    });
    try {
      const bad = await fetch(`${server.url}${REPO}/actions/variables`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'A' }),
      });
      expect(bad.status).toBe(422);
      expect(await bad.json()).toMatchObject({
        message: 'Invalid request.\n\nbody lacks the required field value',
      });
      const broken = await fetch(`${server.url}${REPO}/actions/secrets/public-key`);
      expect(broken.status).toBe(500);
      expect(server.log.all().map((e) => e.contractProblems)).toEqual([
        ['body lacks the required field value'],
        [
          'response(200) lacks the required field key',
          'response(200).key_id must be string, not integer',
        ],
      ]);
    } finally {
      await server.close();
    }
  });
});
