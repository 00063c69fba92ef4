/**
 * Google's discovery-based clients for the APIs only `setup gcp` and `doctor` call. Part of the
 * vendor bundle, in a chunk of their own (google-cloud.ts imports this file on demand): they
 * weigh 10 MB, which the commands that call Vertex AI never load.
 */
export { cloudresourcemanager } from '@googleapis/cloudresourcemanager';
// googleapis-common's own google-auth-library: the clients' OAuth2 must come from it.
export { auth, iam } from '@googleapis/iam';
export { serviceusage } from '@googleapis/serviceusage';
export { storage } from '@googleapis/storage';
