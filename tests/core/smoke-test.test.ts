import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  autoSmokePlan,
  probeInstance,
  runSmokeTest,
  shortJson,
  SMOKE_ATTEMPTS,
  smokeFileRequest,
  smokeSchema,
  smokeSource,
  type SmokeAnswer,
  type SmokeRequest,
} from '../../src/core/gcp/smoke-test.js';
import type { JsonValue } from '../../src/core/ir/schema-common.js';

function userError(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('no UserError thrown');
}

async function rejection(work: Promise<unknown>): Promise<UserError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('no UserError thrown');
}

describe('smoke-instances', () => {
  it.each([
    [undefined, { kind: 'auto' }],
    ['', { kind: 'auto' }],
    [' auto ', { kind: 'auto' }],
    ['none', { kind: 'none' }],
    ['smoke/instances.json', { kind: 'file', path: 'smoke/instances.json' }],
  ])('smokeSource(%j) = %j', (value, expected) => {
    expect(smokeSource(value)).toEqual(expected);
  });

  it('reads {"instances", "parameters"} or a bare array', () => {
    const instances: JsonValue[] = [{ tenure: 12, Contract: 'One year' }, { tenure: null }];
    expect(smokeFileRequest({ instances, parameters: { top: 1 } }, 'smoke.json')).toEqual({
      instances,
      parameters: { top: 1 },
      source: 'smoke.json',
    });
    expect(smokeFileRequest(instances, 'smoke.json')).toEqual({
      instances,
      parameters: undefined,
      source: 'smoke.json',
    });
  });

  it.each<[string, JsonValue, string[]]>([
    ['an empty list', { instances: [] }, ['"instances" is empty']],
    ['no list', { instance: [{ a: 1 }] }, ['unknown key(s) instance', 'no "instances" list']],
    ['a scalar', 3, ['no "instances" list']],
    [
      'parameters that are not an object',
      { instances: [{ a: 1 }], parameters: [1] },
      ['"parameters" must be an object'],
    ],
    [
      'array instances',
      [[1, 'a'], { image: [[0, 1]] }],
      [
        'instances[0] is an array inside an array',
        'instances[1].image[0] is an array inside an array',
      ],
    ],
  ])('refuses %s, naming every problem', (_name, parsed, problems) => {
    const error = userError(() => smokeFileRequest(parsed, 'smoke.json'));
    expect(error.message).toBe('The smoke-instances file smoke.json is not a prediction request');
    expect(error.details).toHaveLength(problems.length);
    problems.forEach((problem, index) => expect(error.details[index]).toContain(problem));
    expect(error.fix).toContain('{"instances": [...]}');
  });
});

describe('the probe instance from the feature schema', () => {
  const metadata = {
    framework: 'scikit-learn',
    feature_schema: [
      { name: 'tenure', kind: 'numeric' },
      { name: 'Contract', kind: 'categorical', example: 'Month-to-month' },
      { name: 'PaymentMethod', kind: 'categorical' },
    ],
  };

  it('gives numbers 0, categories their example (else null), keyed by name', () => {
    const features = smokeSchema(metadata);
    expect(features).toHaveLength(3);
    expect(probeInstance(features as Exclude<typeof features, string>)).toEqual({
      tenure: 0,
      Contract: 'Month-to-month',
      PaymentMethod: null,
    });
    expect(autoSmokePlan(metadata, 'package-model.deployable_model')).toEqual({
      send: {
        instances: [{ tenure: 0, Contract: 'Month-to-month', PaymentMethod: null }],
        parameters: undefined,
        source: 'the feature schema of package-model.deployable_model',
      },
    });
  });

  it.each([
    [{}, 'its metadata has no feature_schema'],
    [{ feature_schema: [] }, 'its feature_schema is not a list of features'],
    [{ feature_schema: 'tenure' }, 'its feature_schema is not a list of features'],
    [
      {
        feature_schema: [
          { name: 'tenure', kind: 'numeric' },
          { name: 'x', kind: 'date' },
        ],
      },
      'feature_schema[1] is not {name, kind: numeric | categorical}',
    ],
  ])('skips (with a warning) a model whose metadata is %j', (metadata, reason) => {
    expect(smokeSchema(metadata)).toBe(reason);
    expect(autoSmokePlan(metadata, 'train.model')).toEqual({
      skip: `the model train.model records no usable feature schema (${reason}) to build a probe instance from; package it with the current package_model component, or give smoke-instances a file`,
      warn: true,
    });
  });
});

describe('runSmokeTest', () => {
  const request: SmokeRequest = {
    instances: [{ a: 1 }, { a: 2 }],
    parameters: undefined,
    source: 'x',
  };

  /** Answers from these deployed models in turn, with `count` predictions each. */
  function answers(ids: string[], count = 2) {
    let calls = 0;
    const send = () => {
      const id = ids[Math.min(calls, ids.length - 1)] ?? '';
      calls++;
      const answer: SmokeAnswer = {
        predictions: Array.from({ length: count }, (_, i) => ({ label: `${id}-${i}` })),
        deployedModelId: id,
        modelVersionId: id === 'new' ? '2' : '1',
      };
      return Promise.resolve({ answer, ms: 5 * calls });
    };
    return { send, calls: () => calls };
  }

  it('is verified by the first answer of the new deployment', async () => {
    const { send, calls } = answers(['old', 'old', 'new', 'old']);
    const outcome = await runSmokeTest(send, request, 'new', false);
    expect(outcome).toMatchObject({ verified: true, requests: 3, ms: 15 });
    expect(outcome.answer.predictions[0]).toEqual({ label: 'new-0' });
    expect(calls()).toBe(3);
  });

  it(`leaves a canary unverified after ${SMOKE_ATTEMPTS} answers from others`, async () => {
    const { send, calls } = answers(['old']);
    const outcome = await runSmokeTest(send, request, 'new', false);
    expect(outcome).toMatchObject({ verified: false, requests: SMOKE_ATTEMPTS });
    expect(outcome.answer.deployedModelId).toBe('old');
    expect(calls()).toBe(SMOKE_ATTEMPTS);
  });

  it('fails a promotion the new deployment never answers', async () => {
    const error = await rejection(
      runSmokeTest(answers(['old', 'older']).send, request, 'new', true),
    );
    expect(error.message).toBe(
      `The new deployment new has all the traffic, but ${SMOKE_ATTEMPTS} smoke predictions were answered by deployed model(s) old, older`,
    );
  });

  it('fails an answer with a prediction count other than the instance count', async () => {
    const error = await rejection(runSmokeTest(answers(['new'], 1).send, request, 'new', true));
    expect(error.message).toBe(
      'The smoke prediction came back with 1 prediction(s) for 2 instance(s) (answered by deployed model new)',
    );
    // Also from another deployment: the endpoint answers wrongly whichever model serves.
    await expect(runSmokeTest(answers(['old'], 3).send, request, 'new', false)).rejects.toThrow(
      '3 prediction(s) for 2 instance(s) (answered by deployed model old)',
    );
  });

  it('lets errors of the call through', async () => {
    const send = () => Promise.reject(new Error('Failed to send a prediction: 400'));
    await expect(runSmokeTest(send, request, 'new', false)).rejects.toThrow(
      'Failed to send a prediction: 400',
    );
  });
});

describe('shortJson', () => {
  it('keeps short values and cuts long ones to the limit', () => {
    expect(shortJson({ label: 'No', probabilities: { No: 0.9, Yes: 0.1 } })).toBe(
      '{"label":"No","probabilities":{"No":0.9,"Yes":0.1}}',
    );
    const long = shortJson({ text: 'x'.repeat(500) }, 40);
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
    expect(shortJson(undefined)).toBe('undefined');
  });
});
