import type { ReactNode } from 'react';
import type { TenantMonth, Violation } from '@/lib/graphql/operations/license-report';
import { HostingPanel } from './hosting-panel';
import { LicenseUsageTable } from './license-usage-table';
import { Section } from './section';
import { TenantCountersTable } from './tenant-counters-table';
import { ViolationsList } from './violations-list';

interface Props {
  figures: TenantMonth | null;
  /** What the tenant plans (shown beside the narrow counters table). */
  plan: ReactNode;
  managedBySp: boolean;
  violations: readonly Violation[];
}

/**
 * A tenant's month, the same for the SP's tenant page and the tenant's own overview: its share of
 * the Cloud Connect counters, its own licenses, the hosting obligation, its violations.
 * Never the SP's capacity: that is not in a TenantMonth.
 */
export function TenantMonthSections({ figures, plan, managedBySp, violations }: Props) {
  return (
    <>
      <div className="two-columns">
        <Section
          id="counters-title"
          title="Cloud Connect usage"
          description="Machines on the service provider’s Cloud Connect license. New machines are free this month; rental machines count on the tenant’s own rental license."
        >
          <TenantCountersTable counters={figures?.counters ?? []} />
        </Section>
        <Section id="plan-title" title="Plan" description="What the tenant plans to protect.">
          {plan}
        </Section>
      </div>
      <Section
        id="licenses-title"
        title="License usage"
        description="The tenant’s own licenses: instances used against capacity."
      >
        <LicenseUsageTable licenses={figures?.licenses ?? []} />
      </Section>
      {managedBySp && (
        <Section
          id="hosting-title"
          title="Hosting obligation"
          description="The backup server is managed by the service provider, so its Hosting license must cover planned and used VMs."
        >
          {figures?.hosting ? (
            <HostingPanel hosting={figures.hosting} />
          ) : (
            <p className="muted">No hosting figures for this month.</p>
          )}
        </Section>
      )}
      <Section
        id="violations-title"
        title="Violations"
        description="What needs attention this month, worst first."
      >
        <ViolationsList violations={violations} tenantHref={null} />
      </Section>
    </>
  );
}
