/** The rule ids of docs/licensing-rules.md: every charge and violation names the ones that decided it. */
export const RULE_IDS = [
  'R-SP-PLACEMENT',
  'R-SP-REQUIRED',
  'R-TENANT-PAID',
  'R-SP-OWN-JOBS',
  'R-ACTIVE-31D',
  'R-MONTH-USAGE',
  'R-NEW',
  'R-CC-COUNTERS',
  'R-SEPARATE-COUNTERS',
  'R-AGENTS',
  'R-RENTAL-EXEMPT',
  'R-RENTAL-VERSION',
  'R-RENTAL-NO-REPLICA',
  'R-TENANT-USAGE',
  'R-HOSTING-REQUIRED',
  'R-HOSTING-OBLIGATION',
  'R-SP-SIZING',
  'R-EXCEED',
  'R-EXPIRY',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
