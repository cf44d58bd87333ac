import { formatCount } from '@/lib/format';
import type { TenantDetail } from '@/lib/graphql/operations/tenant';

/** What the tenant plans to protect: sizes the SP license (R-SP-SIZING) and the Hosting obligation. */
export function PlanFigures({ plan }: { plan: TenantDetail['plan'] }) {
  const items: [string, number][] = [
    ['VM backup', plan.vmBackup],
    ['VM replica', plan.vmReplica],
    ['Server agent', plan.server],
    ['Workstation agent', plan.workstation],
    ['VMs (hosting)', plan.vms],
  ];
  return (
    <dl className="figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
