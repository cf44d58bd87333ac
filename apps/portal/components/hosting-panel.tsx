import { formatCount } from '@/lib/format';
import type { Hosting } from '@/lib/graphql/operations/license-report';

/**
 * R-HOSTING-OBLIGATION for a tenant the SP manages: the Hosting license must cover the larger of
 * planned and processed VMs. Installed is the capacity of the Hosting licenses on the tenant's
 * servers; a shortfall is the number to buy.
 */
export function HostingPanel({ hosting }: { hosting: Hosting }) {
  const short = hosting.shortfall > 0;
  return (
    <div>
      <dl className="figures">
        <div>
          <dt>Planned VMs</dt>
          <dd>{formatCount(hosting.planned)}</dd>
        </div>
        <div>
          <dt>Used VMs</dt>
          <dd>{formatCount(hosting.used)}</dd>
        </div>
        <div>
          <dt>Obligation</dt>
          <dd>{formatCount(hosting.obligation)}</dd>
        </div>
        <div>
          <dt>Installed</dt>
          <dd>{formatCount(hosting.capacity)}</dd>
        </div>
        <div className={short ? 'figures__bad' : undefined}>
          <dt>Shortfall</dt>
          <dd>{formatCount(hosting.shortfall)}</dd>
        </div>
      </dl>
      <p className={short ? 'callout callout--error' : 'muted'}>
        {short
          ? `The Hosting license is ${formatCount(hosting.shortfall)} short of the obligation (the larger of planned and used VMs): add capacity.`
          : 'The Hosting license covers the obligation (the larger of planned and used VMs).'}
      </p>
    </div>
  );
}
