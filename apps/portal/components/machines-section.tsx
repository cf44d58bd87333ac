import type { MachinesPage } from '@/lib/api/machines-page';
import { isFiltered, type MachineFilter } from '@/lib/machine-filter';
import { EmptyState } from './empty-state';
import { MachineFilterForm } from './machine-filter-form';
import { MachinesTable } from './machines-table';
import { Pager } from './pager';
import { Section } from './section';

interface Props {
  /** The page's path; filters, month and cursor become its query. */
  path: string;
  month: string;
  filter: MachineFilter;
  after: string | null;
  page: MachinesPage;
}

function machinesHref(path: string, month: string, filter: MachineFilter, after?: string | null): string {
  const params = new URLSearchParams({ month });
  if (filter.counter) params.set('counter', filter.counter);
  if (filter.status) params.set('status', filter.status);
  if (after) params.set('after', after);
  return `${path}?${params}#machines-title`;
}

/** The machines of a tenant for a month, filterable by counter and status, with their charges. */
export function MachinesSection({ path, month, filter, after, page }: Props) {
  return (
    <Section
      id="machines-title"
      title="Machines"
      description="Each machine charged this month, what it is charged to, and the rules that decided it."
    >
      <MachineFilterForm path={path} month={month} filter={filter} />
      {page.machines.length === 0 ? (
        <EmptyState
          title={isFiltered(filter) ? 'No machine matches these filters' : 'No machines charged this month'}
        >
          {isFiltered(filter)
            ? 'Try another counter or status, or clear the filters.'
            : after
              ? 'There are no more machines.'
              : 'No restore point in or shortly before this month counts towards a license.'}
        </EmptyState>
      ) : (
        <MachinesTable machines={page.machines} />
      )}
      <Pager
        label="Machine pages"
        firstHref={after ? machinesHref(path, month, filter) : null}
        nextHref={page.nextCursor ? machinesHref(path, month, filter, page.nextCursor) : null}
      />
    </Section>
  );
}
