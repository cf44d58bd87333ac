import type { Metadata } from 'next';
import { MachinesSection } from '@/components/machines-section';
import { MonthPicker } from '@/components/month-picker';
import { PageHeader } from '@/components/page-header';
import { withApi } from '@/lib/api/call';
import { loadMachinesPage } from '@/lib/api/machines-page';
import { requireOwnTenant } from '@/lib/auth/tenant-session';
import { parseMachineFilter } from '@/lib/machine-filter';
import { monthLabel, monthParam } from '@/lib/month';

export const metadata: Metadata = { title: 'Machines' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PATH = '/tenant/machines';

export default async function TenantMachinesPage({ searchParams }: { searchParams: SearchParams }) {
  const own = await requireOwnTenant();
  const query = await searchParams;
  const month = monthParam(query.month);
  const filter = parseMachineFilter(query);
  const after = typeof query.after === 'string' ? query.after : null;
  const page = await withApi(`${PATH}?month=${month}`, (token) =>
    loadMachinesPage(token, { tenantExternalId: own.externalId, month, after, filter }),
  );

  return (
    <div className="stack">
      <PageHeader
        title="Machines"
        subtitle={`${own.name} · ${monthLabel(month)}: every charged machine and why it is charged.`}
        actions={
          <MonthPicker
            month={month}
            path={PATH}
            keep={{ counter: filter.counter ?? undefined, status: filter.status ?? undefined }}
          />
        }
      />
      <MachinesSection path={PATH} month={month} filter={filter} after={after} page={page} />
    </div>
  );
}
