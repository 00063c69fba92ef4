import { describe, expect, it } from 'vitest';
import { json, startHttpServer, type EmulatorRequest } from '../http-server.js';
import { contractFor, googleRestContract } from './google-rest-contract.js';

const ALT = '$alt=json%3Benum-encoding=int';
const query = (text = '') => new URLSearchParams(text);
const location = '/v1/projects/p/locations/us-central1';
const repository = `${location}/repositories/r`;

describe('aiplatform contract', () => {
  const contract = googleRestContract('aiplatform');
  const createJob = (body: unknown, extraQuery = '') =>
    contract.checkRequest(
      'POST',
      `${location}/pipelineJobs`,
      query(`pipelineJobId=run-1&${ALT}${extraQuery}`),
      body,
    );

  it('accepts a CreatePipelineJob request as the client sends it', () => {
    const { rpc, problems } = createJob({
      display_name: 'train',
      pipelineSpec: { pipelineInfo: { name: 'train' } },
      runtimeConfig: {
        parameters: {},
        parameterValues: { epochs: 3, lr: 0.1 },
        inputArtifacts: {},
        failurePolicy: 2,
        gcsOutputDirectory: 'gs://b/root',
      },
      labels: { team: 'ml' },
    });
    expect(rpc?.name).toBe('google.cloud.aiplatform.v1.PipelineService.CreatePipelineJob');
    expect(problems).toEqual([]);
  });

  it('names unknown fields, wrong types and unknown query parameters', () => {
    const { problems } = createJob(
      { displayName: 3, bogus: true, labels: { a: 1 }, runtimeConfig: { failurePolicy: 'NOPE' } },
      '&pageSize=2',
    );
    expect(problems).toEqual([
      expect.stringContaining('unknown query parameter pageSize'),
      expect.stringMatching(/^field displayName of PipelineJob must be a string, not number 3/),
      expect.stringMatching(/^unknown field bogus in PipelineJob/),
      expect.stringMatching(/^field labels of PipelineJob\[a\] must be a string/),
      expect.stringMatching(/^field failurePolicy of RuntimeConfig must be one of the/),
    ]);
  });

  it('reads custom methods before resource names and binds the operations mixin', () => {
    const cancel = contract.checkRequest(
      'POST',
      `${location}/pipelineJobs/j:cancel`,
      query(ALT),
      {},
    );
    expect(cancel.rpc?.name).toBe('google.cloud.aiplatform.v1.PipelineService.CancelPipelineJob');
    const poll = contract.checkRequest(
      'GET',
      `/ui/projects/p/locations/l/models/m/operations/9`,
      query(),
      undefined,
    );
    expect(poll.rpc?.name).toBe('google.longrunning.Operations.GetOperation');
  });

  it('reports a path no RPC serves and a body on a GET', () => {
    expect(contract.checkRequest('GET', `${location}/pipelineJobz`, query(), undefined)).toEqual({
      problems: [`no RPC of google.cloud.aiplatform.v1 matches GET ${location}/pipelineJobz`],
    });
    expect(
      contract.checkRequest('GET', `${location}/pipelineJobs/j`, query(), {}).problems,
    ).toEqual([expect.stringContaining('takes no body')]);
  });

  it('checks responses: well-known types, int64, enums, LROs and error bodies', () => {
    const { rpc } = createJob({});
    if (!rpc) throw new Error('no rpc');
    expect(
      contract.checkResponse(rpc, 200, {
        name: 'projects/p/locations/l/pipelineJobs/run-1',
        state: 'PIPELINE_STATE_RUNNING',
        createTime: '2024-01-01T00:00:00.123Z',
        jobDetail: { taskDetails: [{ taskId: '12', parentTaskId: 3, state: 4 }] },
      }),
    ).toEqual([]);
    expect(contract.checkResponse(rpc, 200, { createTime: 1704067200, state: 'DONE' })).toEqual([
      expect.stringMatching(/^field createTime of PipelineJob must be an RFC 3339 timestamp/),
      expect.stringMatching(/^field state of PipelineJob must be one of the PipelineState/),
    ]);
    expect(
      contract.checkResponse(rpc, 409, {
        error: { code: 409, message: 'x', status: 'ALREADY_EXISTS' },
      }),
    ).toEqual([]);
    expect(contract.checkResponse(rpc, 404, { error: { code: 404, message: 'x' } })).toEqual([
      'error.status must be a google.rpc.Code name, not undefined',
    ]);

    const upload = contract.checkRequest('POST', `${location}/models:upload`, query(ALT), {
      model: { displayName: 'm' },
    });
    if (!upload.rpc) throw new Error('no rpc');
    expect(upload.problems).toEqual([]);
    const metadata = 'type.googleapis.com/google.cloud.aiplatform.v1.UploadModelOperationMetadata';
    expect(
      contract.checkResponse(upload.rpc, 200, {
        name: 'projects/p/locations/l/operations/1',
        done: true,
        metadata: { '@type': metadata, genericMetadata: { createTime: '2024-01-01T00:00:00Z' } },
        response: {
          '@type': 'type.googleapis.com/google.cloud.aiplatform.v1.UploadModelResponse',
          model: 'projects/p/locations/l/models/1',
          modelVersion: 2,
        },
      }),
    ).toEqual([
      expect.stringMatching(
        /^field modelVersionId|^unknown field modelVersion in UploadModelResponse/,
      ),
    ]);
  });

  it('holds an LRO to the result and metadata types its RPC declares', () => {
    const { rpc } = contract.checkRequest('DELETE', `${location}/models/m`, query(ALT), undefined);
    if (!rpc) throw new Error('no rpc');
    const metadata = 'type.googleapis.com/google.cloud.aiplatform.v1.DeleteOperationMetadata';
    const answer = (response: string) => ({
      name: 'projects/p/locations/l/operations/1',
      done: true,
      metadata: { '@type': metadata },
      response: { '@type': response },
    });
    expect(
      contract.checkResponse(rpc, 200, answer('type.googleapis.com/google.protobuf.Empty')),
    ).toEqual([]);
    expect(
      contract.checkResponse(
        rpc,
        200,
        answer('type.googleapis.com/google.cloud.aiplatform.v1.UploadModelResponse'),
      ),
    ).toEqual([expect.stringMatching(/operation response must be a .*google.protobuf.Empty/)]);
  });

  it('holds integers to their type range', () => {
    const list = (pageSize: string) =>
      contract.checkRequest(
        'GET',
        `${location}/pipelineJobs`,
        query(`pageSize=${pageSize}`),
        undefined,
      ).problems;
    expect(list('2147483647')).toEqual([]);
    expect(list('2147483648')).toEqual([
      expect.stringContaining('must be an integer in the int32 range [-2147483648, 2147483647]'),
    ]);
    const { rpc } = createJob({});
    if (!rpc) throw new Error('no rpc');
    const tooBig = (2n ** 63n).toString();
    expect(
      contract.checkResponse(rpc, 200, { jobDetail: { taskDetails: [{ taskId: tooBig }] } }),
    ).toEqual([expect.stringContaining('in the int64 range')]);
  });

  it('checks that an update mask names fields of the resource it updates', () => {
    const schedule = `${location}/schedules/s`;
    const update = (mask: string) =>
      contract.checkRequest('PATCH', schedule, query(`updateMask=${mask}&${ALT}`), {
        displayName: 'nightly',
      }).problems;
    expect(update('display_name,createPipelineJobRequest.pipelineJob.labels.team')).toEqual([]);
    expect(update('display_name,cron_schedule')).toEqual([
      'updateMask path "cron_schedule" of google.cloud.aiplatform.v1.ScheduleService.UpdateSchedule names no field of Schedule',
    ]);
    expect(update('createPipelineJobRequest.pipelineJob.bogus')).toEqual([
      expect.stringContaining('path "createPipelineJobRequest.pipelineJob.bogus"'),
    ]);
  });

  it('checks Struct, Value and oneofs', () => {
    const predict = contract.checkRequest('POST', `${location}/endpoints/e:predict`, query(ALT), {
      instances: [{ x: [1, 2] }, 3, null],
      parameters: 'anything',
    });
    expect(predict.problems).toEqual([]);
  });
});

describe('artifactregistry contract', () => {
  const contract = googleRestContract('artifactregistry');

  it('accepts createRepository and a percent-encoded version name with an enum view', () => {
    const create = contract.checkRequest(
      'POST',
      `${location}/repositories`,
      query(`repositoryId=r&${ALT}`),
      { format: 10, cleanupPolicies: {}, labels: {} },
    );
    expect(create.rpc?.name).toBe(
      'google.devtools.artifactregistry.v1.ArtifactRegistry.CreateRepository',
    );
    expect(create.problems).toEqual([]);
    const version = contract.checkRequest(
      'GET',
      `${repository}/packages/p/versions/sha256%3Aabc`,
      query(`view=2&${ALT}`),
      undefined,
    );
    expect(version.rpc?.name).toBe(
      'google.devtools.artifactregistry.v1.ArtifactRegistry.GetVersion',
    );
    expect(version.problems).toEqual([]);
  });

  it('reports an oneof set twice, a bad query value and a field bound by the path', () => {
    const create = contract.checkRequest(
      'POST',
      `${location}/repositories`,
      query('repositoryId=r'),
      { mavenConfig: {}, dockerConfig: {} },
    );
    expect(create.problems).toEqual([
      expect.stringMatching(
        /^fields mavenConfig and dockerConfig of Repository are in oneof formatConfig/,
      ),
    ]);
    const list = contract.checkRequest(
      'GET',
      `${repository}/packages/p/versions`,
      query('view=SIDEWAYS&pageSize=ten&parent=x'),
      undefined,
    );
    expect(list.problems).toEqual([
      expect.stringMatching(/^query parameter view .* must be one of the VersionView/),
      expect.stringMatching(/^query parameter pageSize .* must be an integer/),
      expect.stringMatching(/^query parameter parent .* repeats a field bound by the path/),
    ]);
  });
});

describe('on the shared HTTP server', () => {
  const jobs = `${location}/pipelineJobs`;

  async function serve(answer: unknown) {
    const calls: string[] = [];
    const handler = (request: EmulatorRequest) => {
      calls.push(request.path);
      return json(200, answer);
    };
    const server = await startHttpServer({
      name: 'vertex',
      contract: contractFor('aiplatform'),
      routes: [
        { name: 'create', method: 'POST', pattern: jobs, handler },
        {
          name: 'kfp',
          method: 'GET',
          pattern: '/{project}/{repo}',
          handler: () => json(200, { notAMessage: true }),
        },
      ],
    });
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      return { status: response.status, body: await response.json() };
    };
    return { server, calls, call };
  }

  it('rejects a request that breaks the contract before the route runs', async () => {
    const { server, calls, call } = await serve({ displayName: 'ok' });
    try {
      expect(await call('POST', jobs, { displayName: 'ok', colour: 'red' })).toEqual({
        status: 400,
        body: {
          error: {
            code: 400,
            status: 'INVALID_ARGUMENT',
            message: expect.stringContaining('unknown field colour in PipelineJob') as unknown,
          },
        },
      });
      expect((await call('GET', `${location}/pipelineJobz`)).status).toBe(404);
      expect(calls).toEqual([]);
      expect(server.log.all().map((entry) => entry.contractProblems?.length)).toEqual([1, 1]);
      expect((await call('POST', jobs, { displayName: 'ok' })).status).toBe(200);
      expect((await call('GET', '/acme/pipelines')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('turns an answer that breaks the contract into a 500 naming the problem', async () => {
    const { server, call } = await serve({ displayName: 'ok', colour: 'red' });
    try {
      const { status, body } = await call('POST', jobs, {});
      expect(status).toBe(500);
      expect(JSON.stringify(body)).toContain(
        'Emulator vertex broke the API contract in its 200 answer: unknown field colour in PipelineJob',
      );
    } finally {
      await server.close();
    }
  });
});
