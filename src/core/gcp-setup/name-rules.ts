import { excerpt } from '../errors.js';

/**
 * Google's and GitHub's naming rules for the set-up inputs, one function each: undefined when
 * the value is valid, else the problem and its fix. Checked locally because Google's own
 * refusal comes half-way through the set-up, as an opaque 400.
 */

/** A problem with one input: which, what is wrong, what to do. */
export interface Problem {
  readonly input: string;
  readonly problem: string;
  readonly fix: string;
}

export type Rule = (value: string) => Omit<Problem, 'input'> | undefined;

/**
 * Regions where Vertex AI Pipelines runs. Source: "Vertex AI locations", feature availability
 * for Vertex AI Pipelines (cloud.google.com/vertex-ai/docs/general/locations), as read 2026-12.
 * A region added by Google since then is refused with a fix saying where to add it.
 */
export const VERTEX_PIPELINES_REGIONS: ReadonlySet<string> = new Set([
  'us-central1',
  'us-east1',
  'us-east4',
  'us-east5',
  'us-south1',
  'us-west1',
  'us-west2',
  'us-west3',
  'us-west4',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'southamerica-east1',
  'europe-central2',
  'europe-north1',
  'europe-southwest1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-west8',
  'europe-west9',
  'europe-west12',
  'me-central1',
  'me-central2',
  'me-west1',
  'asia-east1',
  'asia-east2',
  'asia-northeast1',
  'asia-northeast2',
  'asia-northeast3',
  'asia-south1',
  'asia-southeast1',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  'africa-south1',
]);

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const SERVICE_ACCOUNT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** Artifact Registry: lowercase letters, digits and hyphens, starting with a letter, at most 63. */
const REPOSITORY_ID = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Workload identity pool and provider ids: 4–32 of [a-z0-9-]; `gcp-` is reserved (cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools/create). */
const POOL_ID = /^[a-z0-9-]{4,32}$/;
/** GitHub: owners are alphanumerics and single hyphens; repository names add `.` and `_`. */
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GITHUB_NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** GitHub environment names: at most 255 characters; quotes and backslashes would break the condition. */
const ENVIRONMENT = /^[^'"\\\p{Cc}]{1,255}$/u;
/** git's ref-name rules, plus no quotes (they would end the CEL string). */
const BRANCH = /^(?!\/|.*\/$|.*\.\.|.*\/\.)[^\s~^:?*[\\'"\p{Cc}]{1,255}$/u;

/** A rule that a valid value passes `valid`; else it "is not `what`", with `fix`. */
function nameRule(valid: (value: string) => boolean, what: string, fix: string): Rule {
  return (value) =>
    valid(value) ? undefined : { problem: `"${excerpt(value)}" is not ${what}`, fix };
}

export const projectId = nameRule(
  (value) => PROJECT_ID.test(value) && !value.includes('--'),
  'a project id',
  'Give the project ID (not its name or number): 6–30 characters, lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (gcloud projects list).',
);

export const region: Rule = (value) => {
  if (VERTEX_PIPELINES_REGIONS.has(value)) return undefined;
  const looksLikeRegion = /^[a-z]+-[a-z]+\d+$/.test(value);
  return {
    problem: looksLikeRegion
      ? `"${value}" has no Vertex AI Pipelines`
      : `"${excerpt(value)}" is not a region (a multi-region or zone will not do)`,
    fix: `Choose a region where Vertex AI Pipelines runs, e.g. us-central1 or europe-west4 (cloud.google.com/vertex-ai/docs/general/locations). If Google added ${looksLikeRegion ? value : 'it'} since, add it to VERTEX_PIPELINES_REGIONS in src/core/gcp-setup/name-rules.ts.`,
  };
};

/** cloud.google.com/storage/docs/buckets#naming; dotted names longer than 63 (domain-verified) are refused too. */
export const bucket: Rule = (value) => {
  const fix =
    'Bucket names are 3–63 characters of lowercase letters, digits, "-", "_" and ".", start and end with a letter or digit, do not start with "goog", contain no "google", and are not IP addresses.';
  const said = (why: string) => ({ problem: `"${excerpt(value)}" ${why}`, fix });
  if (value.length < 3 || value.length > 63) return said('is not 3–63 characters long');
  if (!/^[a-z0-9._-]+$/.test(value)) return said('has characters other than a-z 0-9 - _ .');
  if (!/^[a-z0-9].*[a-z0-9]$/.test(value))
    return said('does not start and end with a letter or digit');
  if (value.startsWith('goog')) return said('starts with "goog", which Google reserves');
  if (/g[o0][o0]gle/.test(value))
    return said('contains "google" or a look-alike, which Google refuses');
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value)) return said('is an IP address');
  if (value.includes('..') || value.includes('.-') || value.includes('-.'))
    return said('has an empty or hyphen-edged part between dots');
  return undefined;
};

export const repository: Rule = (value) => {
  const [owner = '', name = '', ...rest] = value.split('/');
  if (
    rest.length === 0 &&
    GITHUB_OWNER.test(owner) &&
    GITHUB_NAME.test(name) &&
    !/^\.+$/.test(name)
  )
    return undefined;
  return {
    problem: `"${excerpt(value)}" is not a GitHub repository OWNER/NAME`,
    fix: 'Give the repository as OWNER/NAME, e.g. acme/ml (not a URL); by default it is read from the git remote.',
  };
};

export const numericId = (what: string, api: string): Rule =>
  nameRule(
    (value) => /^[1-9]\d{0,19}$/.test(value),
    `GitHub's numeric ${what} id`,
    `Give the number GitHub assigns (${api}); in a workflow it is in GITHUB_REPOSITORY_ID / GITHUB_REPOSITORY_OWNER_ID.`,
  );

export const serviceAccountId = nameRule(
  (value) => SERVICE_ACCOUNT_ID.test(value),
  'a service account id',
  'Give the part before @: 6–30 characters, lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.',
);

export const repositoryId = nameRule(
  (value) => REPOSITORY_ID.test(value),
  'an Artifact Registry repository id',
  'Give 1–63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.',
);

export const poolId = nameRule(
  (value) => POOL_ID.test(value) && !value.startsWith('gcp-'),
  'a workload identity pool or provider id',
  'Give 4–32 lowercase letters, digits and hyphens, not starting with "gcp-" (reserved by Google).',
);

export const environment = nameRule(
  (value) => ENVIRONMENT.test(value),
  'a GitHub environment name',
  'Give the environment as named in Settings → Environments (at most 255 characters, no quotes or backslashes).',
);

export const branch = nameRule(
  (value) => BRANCH.test(value) && !value.startsWith('refs/'),
  'a branch name',
  'Give the branch name without refs/heads/, e.g. main.',
);
