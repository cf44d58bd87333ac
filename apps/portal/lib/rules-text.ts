/**
 * Plain-language reasons for each rule id of docs/licensing-rules.md, so a person reading a charge
 * sees *why* a machine is on a license. Phrased to follow "This machine is charged because it was…".
 * A rule id the API adds later falls back to the id itself (see ruleText) rather than breaking.
 */
export const RULE_TEXT: Readonly<Record<string, string>> = {
  'R-SP-PLACEMENT': 'an SP Cloud Connect license counts only on the SP’s own backup server',
  'R-SP-REQUIRED': 'cloud jobs need an SP license that includes this counter',
  'R-TENANT-PAID': 'the tenant’s backup server must carry a paid license for Cloud Connect jobs',
  'R-SP-OWN-JOBS': 'jobs run on the SP’s own backup server are not Cloud Connect usage',
  'R-ACTIVE-31D': 'backed up within the last 31 days',
  'R-MONTH-USAGE': 'active at some time this month, so it counts for the month',
  'R-NEW': 'first backed up this month: free until next month',
  'R-CC-COUNTERS': 'counted on the Cloud Connect counter that matches its kind and job type',
  'R-SEPARATE-COUNTERS': 'backups and replicas are counted separately: one machine can use both counters',
  'R-AGENTS': 'a Veeam Agent machine counts as a server or a workstation by its edition',
  'R-RENTAL-EXEMPT': 'on the tenant’s rental license, not the SP’s',
  'R-RENTAL-VERSION':
    'the tenant has a rental license, but its backup server or agent is too old for the exemption',
  'R-RENTAL-NO-REPLICA': 'replicas are always charged to the SP, even for rental tenants',
  'R-TENANT-USAGE': 'processed by the tenant’s own backup server, so it uses the tenant’s license',
  'R-HOSTING-REQUIRED': 'a backup server managed by the SP needs a Hosting license',
  'R-HOSTING-OBLIGATION': 'the Hosting license must cover the larger of planned and protected VMs',
  'R-SP-SIZING': 'the SP license must cover what all tenants plan to protect',
  'R-EXCEED': 'over capacity: first a grace period, then exceeded',
  'R-EXPIRY': 'a license past its end date covers nothing',
};

export function ruleText(id: string): string {
  return RULE_TEXT[id] ?? `rule ${id}`;
}
