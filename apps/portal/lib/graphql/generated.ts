/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Sets one figure of one tenant counter in a month that is not approved */
export type AdjustTenantFigureInput = {
  counter: Counter;
  field: ReportFigure;
  /** YYYY-MM */
  month: string;
  /** Required: 1 to 500 characters */
  reason: string;
  tenantExternalId: string;
  /** The new figure, ≥ 0 */
  value: number;
};

export type ChargePool =
  | 'SP_CLOUD_CONNECT'
  | 'TENANT_LICENSE';

export type ChargeStatus =
  | 'NEW'
  | 'RENTAL'
  | 'USED';

/** An SP Cloud Connect counter */
export type Counter =
  | 'SERVER'
  | 'VM_BACKUP'
  | 'VM_REPLICA'
  | 'WORKSTATION';

export type CreateApiKeyInput = {
  /** Null: no expiry */
  expiresAt?: string | null | undefined;
  /** What the key is for, e.g. "ingest on cc01" */
  name: string;
  role: Role;
  /** Required for tenant roles (a tenant admin’s own tenant by default); null for SP roles */
  tenantExternalId?: string | null | undefined;
};

export type CreateLicenseInput = {
  capacity: LicenseCapacityInput;
  /** The SP’s own id for the license, unique within the SP */
  externalId: string;
  /** External id of the backup server it is installed on */
  serverExternalId: string;
  type: LicenseType;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD; null: no end */
  validTo?: string | null | undefined;
};

export type CreateUserInput = {
  email: string;
  role: Role;
  /** Required for tenant roles (a tenant admin’s own tenant by default); null for SP roles */
  tenantExternalId?: string | null | undefined;
};

/** Counters left out (null) are not licensed. vbr-9.5 SP licenses: vmBackup vmReplica server workstation; vcsp-points SP licenses: points; tenant licenses: instances */
export type LicenseCapacityInput = {
  instances?: number | null | undefined;
  points?: number | null | undefined;
  server?: number | null | undefined;
  vmBackup?: number | null | undefined;
  vmReplica?: number | null | undefined;
  workstation?: number | null | undefined;
};

export type LicenseState =
  | 'EXCEEDED'
  | 'GRACE'
  | 'OK'
  | 'UNLICENSED';

export type LicenseType =
  | 'CLOUD_CONNECT_SP'
  | 'EVALUATION'
  | 'FREE'
  | 'HOSTING'
  | 'NFR'
  | 'PERPETUAL'
  | 'RENTAL'
  | 'SUBSCRIPTION';

export type MachineKind =
  | 'SERVER'
  | 'VM'
  | 'WORKSTATION';

export type PlanInput = {
  server: number;
  vmBackup: number;
  vmReplica: number;
  vms: number;
  workstation: number;
};

export type ReportFigure =
  | 'NEW'
  | 'RENTAL'
  | 'USED';

/** A monthly report file format */
export type ReportFormat =
  | 'CSV'
  | 'PDF';

/** OPEN: under review, figures follow the data; APPROVED: frozen */
export type ReportStatus =
  | 'APPROVED'
  | 'OPEN';

export type Role =
  | 'SP_ADMIN'
  | 'SP_VIEWER'
  | 'TENANT_ADMIN'
  | 'TENANT_VIEWER';

export type Ruleset =
  | 'VBR_9_5'
  | 'VCSP_POINTS';

export type Severity =
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

export type TenantUsageSort =
  /** By external id, ascending */
  | 'EXTERNAL_ID'
  /** By name, A to Z (case-insensitive), then external id */
  | 'NAME'
  /** Worst license state first (unlicensed, exceeded, grace, ok, none), then by name */
  | 'STATE'
  /** Most SP units first, then by name */
  | 'UNITS'
  /** Most open violations first, then by name */
  | 'VIOLATIONS';

/** Fields left out keep their value; validTo null removes the end; capacity replaces the whole capacity */
export type UpdateLicenseInput = {
  capacity?: LicenseCapacityInput | null | undefined;
  serverExternalId?: string | null | undefined;
  type?: LicenseType | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
};

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { token: string, user: { id: string, email: string, role: Role, tenant: { externalId: string, name: string } | null } } };

export type SignInWithIdTokenMutationVariables = Exact<{
  idToken: string;
  accessToken?: string | null | undefined;
}>;


export type SignInWithIdTokenMutation = { signInWithIdToken: { token: string, user: { id: string, email: string, role: Role, tenant: { externalId: string, name: string } | null } } };

export type AdminQueryVariables = Exact<{
  first?: number | null | undefined;
  auditFirst?: number | null | undefined;
  auditAfter?: string | null | undefined;
  action?: string | null | undefined;
}>;


export type AdminQuery = { users: { edges: Array<{ node: { id: string, email: string, role: Role, createdAt: string, disabled: boolean, tenant: { externalId: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, apiKeys: { edges: Array<{ node: { id: string, name: string, display: string, role: Role, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null, tenant: { externalId: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, auditLog: { edges: Array<{ node: { id: string, at: string, actor: string, action: string, subject: string | null, details: unknown, reason: string | null, tenant: { externalId: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { oneTimePassword: string, user: { id: string } } };

export type SetUserDisabledMutationVariables = Exact<{
  id: string | number;
  disabled: boolean;
}>;


export type SetUserDisabledMutation = { setUserDisabled: { id: string } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string } };

export type ReportFieldsFragment = { month: string, ruleset: Ruleset, serviceProvider: { counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number, capacity: number | null, peak: number, state: LicenseState }>, units: { used: number, capacity: number | null, state: LicenseState } } | null, tenants: Array<{ tenant: { id: string, externalId: string, name: string }, counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number }>, licenses: Array<{ used: number, new: number, capacity: number | null, peak: number, state: LicenseState, license: { id: string, externalId: string, type: LicenseType } }>, hosting: { planned: number, used: number, capacity: number, obligation: number, shortfall: number } | null }>, violations: Array<{ code: string, severity: Severity, message: string, license: string | null, server: string | null, machine: string | null, tenant: { externalId: string } | null }> };

export type LicenseReportQueryVariables = Exact<{
  month: string;
  tenant?: string | null | undefined;
}>;


export type LicenseReportQuery = { licenseReport: { month: string, ruleset: Ruleset, serviceProvider: { counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number, capacity: number | null, peak: number, state: LicenseState }>, units: { used: number, capacity: number | null, state: LicenseState } } | null, tenants: Array<{ tenant: { id: string, externalId: string, name: string }, counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number }>, licenses: Array<{ used: number, new: number, capacity: number | null, peak: number, state: LicenseState, license: { id: string, externalId: string, type: LicenseType } }>, hosting: { planned: number, used: number, capacity: number, obligation: number, shortfall: number } | null }>, violations: Array<{ code: string, severity: Severity, message: string, license: string | null, server: string | null, machine: string | null, tenant: { externalId: string } | null }> } };

export type LicensesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LicensesQuery = { licenses: { edges: Array<{ node: { id: string, externalId: string, type: LicenseType, validFrom: string, validTo: string | null, capacity: { vmBackup: number | null, vmReplica: number | null, server: number | null, workstation: number | null, points: number | null, instances: number | null }, server: { externalId: string } | null, tenant: { externalId: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateLicenseMutationVariables = Exact<{
  input: CreateLicenseInput;
}>;


export type CreateLicenseMutation = { createLicense: { id: string } };

export type UpdateLicenseMutationVariables = Exact<{
  externalId: string;
  input: UpdateLicenseInput;
}>;


export type UpdateLicenseMutation = { updateLicense: { id: string } };

export type MachinesQueryVariables = Exact<{
  month: string;
  tenantExternalId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  counter?: Counter | null | undefined;
  pool?: ChargePool | null | undefined;
  status?: ChargeStatus | null | undefined;
}>;


export type MachinesQuery = { machines: { edges: Array<{ cursor: string, node: { id: string, externalId: string, kind: MachineKind, agentOs: string | null, agentVersion: string | null, charges: Array<{ pool: ChargePool, counter: Counter | null, license: string | null, status: ChargeStatus, units: number, rules: Array<string> }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MonthlyReportsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MonthlyReportsQuery = { monthlyReports: { edges: Array<{ node: { month: string, status: ReportStatus, closed: boolean, approvedAt: string | null, approvedBy: string | null, adjustmentCount: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MonthlyReportQueryVariables = Exact<{
  month: string;
}>;


export type MonthlyReportQuery = { monthlyReport: { month: string, status: ReportStatus, closed: boolean, approvedAt: string | null, approvedByLabel: string | null, engine: { month: string, ruleset: Ruleset, serviceProvider: { counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number, capacity: number | null, peak: number, state: LicenseState }>, units: { used: number, capacity: number | null, state: LicenseState } } | null, tenants: Array<{ tenant: { id: string, externalId: string, name: string }, counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number }>, licenses: Array<{ used: number, new: number, capacity: number | null, peak: number, state: LicenseState, license: { id: string, externalId: string, type: LicenseType } }>, hosting: { planned: number, used: number, capacity: number, obligation: number, shortfall: number } | null }>, violations: Array<{ code: string, severity: Severity, message: string, license: string | null, server: string | null, machine: string | null, tenant: { externalId: string } | null }> }, adjusted: { month: string, ruleset: Ruleset, serviceProvider: { counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number, capacity: number | null, peak: number, state: LicenseState }>, units: { used: number, capacity: number | null, state: LicenseState } } | null, tenants: Array<{ tenant: { id: string, externalId: string, name: string }, counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number }>, licenses: Array<{ used: number, new: number, capacity: number | null, peak: number, state: LicenseState, license: { id: string, externalId: string, type: LicenseType } }>, hosting: { planned: number, used: number, capacity: number, obligation: number, shortfall: number } | null }>, violations: Array<{ code: string, severity: Severity, message: string, license: string | null, server: string | null, machine: string | null, tenant: { externalId: string } | null }> }, adjustments: Array<{ id: string, counter: Counter, field: ReportFigure, value: number, reason: string, actorLabel: string, createdAt: string, tenant: { id: string, externalId: string, name: string } }> } };

export type AdjustMutationVariables = Exact<{
  input: AdjustTenantFigureInput;
}>;


export type AdjustMutation = { adjustTenantFigure: { id: string } };

export type ApproveMutationVariables = Exact<{
  month: string;
}>;


export type ApproveMutation = { approveMonth: { month: string, status: ReportStatus } };

export type ReportFileQueryVariables = Exact<{
  month: string;
  format: ReportFormat;
}>;


export type ReportFileQuery = { reportFile: { filename: string, contentType: string, contentBase64: string } };

export type LicenseTrendQueryVariables = Exact<{
  to: string;
  months: number;
}>;


export type LicenseTrendQuery = { licenseTrend: Array<{ month: string, counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number, capacity: number | null, peak: number, state: LicenseState }>, units: { used: number, capacity: number | null, state: LicenseState } }> };

export type UpdateTenantPlanMutationVariables = Exact<{
  externalId: string;
  plan: PlanInput;
}>;


export type UpdateTenantPlanMutation = { updateTenantPlan: { id: string } };

export type TenantUsageQueryVariables = Exact<{
  month: string;
  search?: string | null | undefined;
  sort?: TenantUsageSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TenantUsageQuery = { tenantUsage: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { units: number, share: number, licenseState: LicenseState | null, openViolations: number, tenant: { id: string, externalId: string, name: string, enabled: boolean, managedBySp: boolean }, counters: Array<{ counter: Counter, used: number, new: number, rental: number, units: number }>, licenses: Array<{ used: number, new: number, capacity: number | null, peak: number, state: LicenseState, license: { id: string, externalId: string, type: LicenseType } }>, hosting: { planned: number, used: number, capacity: number, obligation: number, shortfall: number } | null } }> } };

export type TenantQueryVariables = Exact<{
  externalId: string;
}>;


export type TenantQuery = { tenant: { id: string, externalId: string, name: string, enabled: boolean, managedBySp: boolean, plan: { vmBackup: number, vmReplica: number, server: number, workstation: number, vms: number }, backupServers: Array<{ id: string, externalId: string, version: string, licenses: Array<{ id: string, externalId: string, type: LicenseType, validFrom: string, validTo: string | null, capacity: { vmBackup: number | null, vmReplica: number | null, server: number | null, workstation: number | null, points: number | null, instances: number | null } }> }> } | null };

export type TenantsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type TenantsQuery = { tenants: { edges: Array<{ node: { id: string, externalId: string, name: string, enabled: boolean, managedBySp: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ViolationSummaryQueryVariables = Exact<{
  month: string;
  first: number;
}>;


export type ViolationSummaryQuery = { violationSummary: Array<{ severity: Severity, count: number, violations: Array<{ code: string, severity: Severity, message: string, license: string | null, server: string | null, machine: string | null, tenant: { externalId: string } | null }> }> };
