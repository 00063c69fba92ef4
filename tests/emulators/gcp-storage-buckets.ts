/**
 * Cloud Storage buckets (JSON API, storage.googleapis.com/storage/v1) on 127.0.0.1: creating the
 * pipeline-root bucket and editing its IAM policy, as `setup gcp` and `doctor` do. Point
 * @googleapis/storage at it with `rootUrl: <url>`. It runs as its own server, or on the object
 * emulator's host (cloud-storage.ts given the world), where the world's buckets hold objects too;
 * the routes (`gcpStorageBucketRoutes`) can be added to any HttpServer.
 *
 * Served:
 * - `POST /storage/v1/b?project=P` (buckets.insert: `{name, location, storageClass,
 *   iamConfiguration: {uniformBucketLevelAccess: {enabled}, publicAccessPrevention}}`) and
 *   `GET /storage/v1/b/B` → `{kind: "storage#bucket", id, name, selfLink, projectNumber,
 *   metageneration, location (upper case), locationType, storageClass, etag, timeCreated,
 *   updated, iamConfiguration: {bucketPolicyOnly, uniformBucketLevelAccess: {enabled,
 *   lockedTime}, publicAccessPrevention}, rpo}`. A taken name is 409 conflict ("Your previous
 *   request to create the named bucket succeeded and you already own it." for the same
 *   project); an unknown bucket is 404 "The specified bucket does not exist.".
 * - `GET /storage/v1/b/B/iam?optionsRequestedPolicyVersion=N` → `{kind: "storage#policy",
 *   resourceId: "projects/_/buckets/B", version, etag, bindings}`; a new bucket's policy
 *   grants the project's owners/editors legacyBucketOwner and viewers legacyBucketReader. A
 *   policy with conditions asked for below version 3 is refused (400), unlike IAM's.
 * - `PUT /storage/v1/b/B/iam` (the policy): a stale etag is 412 conditionNotMet "Precondition
 *   Failed" (Cloud Storage answers 412 where IAM and Resource Manager answer 409; see
 *   hashicorp/terraform-provider-google#7853) and the policy is left as it was.
 * - `GET /storage/v1/b/B/iam/testPermissions?permissions=...` →
 *   `{kind: "storage#testIamPermissionsResponse", permissions?}` from the bindings for the
 *   caller (bucket policy and project policy); storage.buckets.create/list are refused (400):
 *   they are project permissions.
 * Errors have Cloud Storage's shape (`{error: {code, message, errors: [{reason}]}}`, no gRPC
 * status), as cloud-storage.ts's do.
 */
import { storageError } from './cloud-storage.js';
import { testedPermissionsProblem } from './gcp-iam-policy-routes.js';
import {
  bodyOf,
  policyVersion,
  GcpApiFaults,
  startGoogleApi,
  type GcpApiEmulator,
  type BucketRecord,
  type GcpWorld,
  type ProjectRecord,
} from './gcp-setup-state.js';
import {
  type FaultInjector,
  json,
  type EmulatorRequest,
  type EmulatorResponse,
  type RequestLog,
  type Route,
} from './http-server.js';

export const GCP_STORAGE_BUCKETS_SERVER = 'storage-buckets';

const NINETY_DAYS_MS = 90 * 24 * 3600 * 1000;
const MULTI_REGIONS = new Set(['US', 'EU', 'ASIA']);
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;

/** Failures in Cloud Storage's error shape; a concurrent edit is its 412 conditionNotMet. */
class BucketFaults extends GcpApiFaults {
  override abortNext(count: number, route: string): void {
    this.failNext(count, 412, { route, message: 'Precondition Failed', reason: 'conditionNotMet' });
  }

  protected override errorBody(status: number, message?: string, reason?: string): unknown {
    return storageError(status, message ?? `Injected fault (${status}).`, reason ?? 'backendError')
      .body;
  }
}

function bucketJson(url: string, bucket: BucketRecord): Record<string, unknown> {
  const ubla = bucket.uniformBucketLevelAccess
    ? {
        enabled: true,
        lockedTime: new Date(Date.parse(bucket.timeCreated) + NINETY_DAYS_MS).toISOString(),
      }
    : { enabled: false };
  return {
    kind: 'storage#bucket',
    selfLink: `${url}/storage/v1/b/${bucket.name}`,
    id: bucket.name,
    name: bucket.name,
    projectNumber: bucket.projectNumber,
    metageneration: String(bucket.metageneration),
    location: bucket.location,
    locationType: MULTI_REGIONS.has(bucket.location) ? 'multi-region' : 'region',
    storageClass: bucket.storageClass,
    etag: Buffer.from([8, bucket.metageneration]).toString('base64'),
    timeCreated: bucket.timeCreated,
    updated: bucket.timeCreated,
    iamConfiguration: {
      bucketPolicyOnly: ubla,
      uniformBucketLevelAccess: ubla,
      publicAccessPrevention: bucket.publicAccessPrevention,
    },
    rpo: 'DEFAULT',
  };
}

export function gcpStorageBucketRoutes(world: GcpWorld, selfUrl: () => string): Route[] {
  const denied = (
    request: EmulatorRequest,
    permission: string,
    project: ProjectRecord | undefined,
    bucket?: BucketRecord,
  ) => {
    const policies = [...(project ? [project.policy] : []), ...(bucket ? [bucket.policy] : [])];
    const member = world.memberOf(request);
    if (!world.refuses(member, permission, policies, project)) return undefined;
    const who = member.replace(/^\w+:/, '');
    const message = `${who} does not have ${permission} access to the Google Cloud Storage bucket. Permission '${permission}' denied on resource (or it may not exist).`;
    return storageError(403, message, 'forbidden');
  };
  const find = (request: EmulatorRequest, permission?: string): BucketRecord | EmulatorResponse => {
    const bucket = world.buckets.get(request.params.bucket ?? '');
    if (!bucket) return storageError(404, 'The specified bucket does not exist.', 'notFound');
    const project = world.project(bucket.projectNumber);
    return (permission && denied(request, permission, project, bucket)) || bucket;
  };
  const policyJson = (bucket: BucketRecord, version: number) => ({
    kind: 'storage#policy',
    resourceId: `projects/_/buckets/${bucket.name}`,
    ...world.readPolicy(bucket.policy, version),
  });

  return [
    {
      name: 'storage.buckets.insert',
      method: 'POST',
      pattern: '/storage/v1/b',
      handler: (request) => {
        const projectKey = request.query.get('project') ?? '';
        const project = world.project(projectKey);
        if (!project) return storageError(400, `Unknown project id: ${projectKey}`, 'invalid');
        const refused = denied(request, 'storage.buckets.create', project);
        if (refused) return refused;
        const body = bodyOf(request);
        const name = typeof body.name === 'string' ? body.name : '';
        if (!BUCKET_NAME.test(name)) return storageError(400, 'Invalid bucket name', 'invalid');
        const existing = world.buckets.get(name);
        if (existing)
          return existing.projectNumber === project.number
            ? storageError(
                409,
                'Your previous request to create the named bucket succeeded and you already own it.',
                'conflict',
              )
            : storageError(
                409,
                'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
                'conflict',
              );
        const iam = (body.iamConfiguration ?? {}) as {
          uniformBucketLevelAccess?: { enabled?: boolean };
          publicAccessPrevention?: string;
        };
        const bucket = world.addBucket(
          project,
          name,
          typeof body.location === 'string' ? body.location : 'US',
          {
            uniformBucketLevelAccess: iam.uniformBucketLevelAccess?.enabled === true,
            publicAccessPrevention: iam.publicAccessPrevention ?? 'inherited',
          },
        );
        if (typeof body.storageClass === 'string') bucket.storageClass = body.storageClass;
        return json(200, bucketJson(selfUrl(), bucket));
      },
    },
    {
      name: 'storage.buckets.get',
      method: 'GET',
      pattern: '/storage/v1/b/{bucket}',
      handler: (request) => {
        const bucket = find(request, 'storage.buckets.get');
        return 'name' in bucket ? json(200, bucketJson(selfUrl(), bucket)) : bucket;
      },
    },
    {
      name: 'storage.buckets.getIamPolicy',
      method: 'GET',
      pattern: '/storage/v1/b/{bucket}/iam',
      handler: (request) => {
        const bucket = find(request, 'storage.buckets.getIamPolicy');
        if (!('name' in bucket)) return bucket;
        const version = policyVersion(request.query.get('optionsRequestedPolicyVersion'));
        if (version < 3 && bucket.policy.bindings.some((b) => b.condition))
          return storageError(
            400,
            `Requested policy version (${version}) cannot be less than the existing policy version (3).`,
            'invalid',
          );
        return json(200, policyJson(bucket, version));
      },
    },
    {
      name: 'storage.buckets.setIamPolicy',
      method: 'PUT',
      pattern: '/storage/v1/b/{bucket}/iam',
      handler: (request) => {
        const bucket = find(request, 'storage.buckets.setIamPolicy');
        if (!('name' in bucket)) return bucket;
        const resource = `projects/_/buckets/${bucket.name}`;
        const written = world.writePolicy(bucket.policy, resource, bodyOf(request));
        if ('refused' in written)
          return written.refused === 'stale'
            ? storageError(412, 'Precondition Failed', 'conditionNotMet', {
                locationType: 'header',
                location: 'If-Match',
              })
            : storageError(400, written.message, 'invalid');
        return json(200, policyJson(bucket, 3));
      },
    },
    {
      name: 'storage.buckets.testIamPermissions',
      method: 'GET',
      pattern: '/storage/v1/b/{bucket}/iam/testPermissions',
      handler: (request) => {
        const bucket = find(request);
        if (!('name' in bucket)) return bucket;
        const asked = request.query.getAll('permissions');
        const problem = testedPermissionsProblem(asked);
        if (problem) return storageError(400, problem, 'invalid');
        const project = world.project(bucket.projectNumber);
        if (asked.some((p) => p === 'storage.buckets.create' || p === 'storage.buckets.list'))
          return storageError(
            400,
            'storage.buckets.create and storage.buckets.list apply to projects, not buckets.',
            'invalid',
          );
        const policies = [...(project ? [project.policy] : []), bucket.policy];
        const held = world.testPermissions(world.memberOf(request), asked, policies, project);
        return json(200, {
          kind: 'storage#testIamPermissionsResponse',
          ...(held.length > 0 ? { permissions: held } : {}),
        });
      },
    },
  ];
}

export async function startGcpStorageBucketsEmulator(
  world: GcpWorld,
  options: { faults?: FaultInjector; requests?: RequestLog } = {},
): Promise<GcpApiEmulator> {
  let url = '';
  const routes = gcpStorageBucketRoutes(world, () => url);
  const emulator = await startGoogleApi(
    GCP_STORAGE_BUCKETS_SERVER,
    routes,
    world,
    options,
    (injector, names) => new BucketFaults(injector, GCP_STORAGE_BUCKETS_SERVER, names),
  );
  url = emulator.url;
  return emulator;
}
