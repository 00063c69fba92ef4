import type { IamPolicy } from './iam-policy.js';

/**
 * What a project already has, as plain data: the adapters fill it from read-only calls (GET
 * each resource, getIamPolicy with requestedPolicyVersion 3), planSetup compares it with the
 * desired state. Kept apart from the plan so doctor can read the same shape.
 */

type LifecycleState = 'ACTIVE' | 'DELETED';

/** What exists, as plain data. Absent fields mean "does not exist". */
export interface ObservedState {
  readonly projectNumber?: string;
  readonly enabledApis: readonly string[];
  readonly pool?: { readonly state: LifecycleState; readonly disabled?: boolean };
  readonly provider?: {
    readonly state: LifecycleState;
    readonly disabled?: boolean;
    readonly issuerUri?: string;
    readonly attributeMapping?: Readonly<Record<string, string>>;
    readonly attributeCondition?: string;
  };
  readonly trainerRole?: { readonly permissions: readonly string[]; readonly deleted?: boolean };
  /** Emails of the service accounts that exist. */
  readonly serviceAccounts: readonly string[];
  readonly bucket?: { readonly location: string; readonly uniformBucketLevelAccess: boolean };
  /** Repository id → its format. */
  readonly repositories: Readonly<Record<string, string>>;
  /** Resource name (as in DesiredBinding.resource) → its IAM policy. */
  readonly policies: Readonly<Record<string, IamPolicy>>;
  /** Whether Google has created each Vertex AI service agent yet. */
  readonly serviceAgents: { readonly vertex: boolean; readonly vertexCode: boolean };
}

export const EMPTY_PROJECT: ObservedState = {
  enabledApis: [],
  serviceAccounts: [],
  repositories: {},
  policies: {},
  serviceAgents: { vertex: false, vertexCode: false },
};
