/** The GraphQL requests the benchmarks send to the API: restore-point batches and licenseReport. */

/** A POST of `query` with `variables` under API key `key`, as fetch options. */
export function graphqlRequest(key: string, query: string, variables?: Record<string, unknown>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(variables ? { query, variables } : { query }),
  };
}

/**
 * The report the portal shows: SP counters, every tenant's counters, licenses, hosting and
 * violations. A distinct operation name makes a distinct request text, which the API's answer cache
 * cannot replay.
 */
export function licenseReportQuery(month: string, operationName = ''): string {
  return `query ${operationName} { licenseReport(month: "${month}") { month serviceProvider { counters { counter used new rental units capacity peak state } units { used capacity state } }
  tenants { tenant { externalId name } counters { counter used new rental units } licenses { license { externalId type } used new capacity peak state } hosting { planned used capacity obligation shortfall } }
  violations { code severity message tenant { externalId } } } }`;
}

export interface RestorePointBody {
  tenant: string;
  machine: string;
  server: string;
  /** The GraphQL enum name, e.g. CLOUD_BACKUP. */
  operation: string;
  at: string;
}

export const INGEST =
  'mutation($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { accepted duplicates replayed } }';

/** Sends one batch through `ingestRestorePoints`; the number of points stored. */
export async function ingestBatch(
  graphqlUrl: string,
  key: string,
  idempotencyKey: string,
  restorePoints: RestorePointBody[],
): Promise<number> {
  const res = await fetch(
    graphqlUrl,
    graphqlRequest(key, INGEST, { input: { idempotencyKey, restorePoints } }),
  );
  const json = (await res.json()) as {
    data?: { ingestRestorePoints: { accepted: number } };
    errors?: unknown;
  };
  if (!json.data) throw new Error(JSON.stringify(json.errors));
  return json.data.ingestRestorePoints.accepted;
}
