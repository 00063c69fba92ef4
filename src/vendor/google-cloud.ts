/**
 * The Google Cloud client libraries, bundled on their own as dist/vendor/google-cloud.js and
 * loaded only by commands that call Google (import '#google-cloud'): bundled, they weigh 7 MB
 * and take longer to load than `validate` takes to run, which `compile`, `validate` and local
 * runs never pay. The bundle changes only when these dependencies (or scripts/build.mjs) do,
 * so ordinary rebuilds leave it untouched (dist/vendor/inputs.sha256).
 * Only the Vertex AI clients the product uses are imported, not the package's every API.
 */
export { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client.js';
export { ModelServiceClient } from '@google-cloud/aiplatform/build/src/v1/model_service_client.js';
export { PipelineServiceClient } from '@google-cloud/aiplatform/build/src/v1/pipeline_service_client.js';
export { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client.js';
export { ScheduleServiceClient } from '@google-cloud/aiplatform/build/src/v1/schedule_service_client.js';
export * as aiplatformHelpers from '@google-cloud/aiplatform/build/src/helpers.js';
export { ArtifactRegistryClient } from '@google-cloud/artifact-registry/build/src/v1/artifact_registry_client.js';
export { GoogleAuth, JWT, OAuth2Client } from 'google-auth-library';

/** The discovery clients of setup and doctor, loaded on demand (a chunk of their own). */
export const loadGoogleApis = () => import('./google-apis.js');
