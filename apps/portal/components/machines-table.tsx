import { formatCount } from '@/lib/format';
import type { Charge, MachineRow } from '@/lib/graphql/operations/machines';
import { COUNTER_LABEL, KIND_LABEL, STATUS_LABEL } from '@/lib/labels';
import { ChargeReasons } from './charge-reasons';

function agentText(m: MachineRow): string | null {
  if (!m.agentOs) return null;
  const os = m.agentOs === 'windows' ? 'Windows' : m.agentOs === 'linux' ? 'Linux' : m.agentOs;
  return `Agent for ${os}${m.agentVersion ? ` ${m.agentVersion}` : ''}`;
}

function chargedTo(charge: Charge): string {
  if (charge.pool === 'TENANT_LICENSE') return `Tenant license ${charge.license ?? ''}`.trim();
  return charge.counter ? `SP · ${COUNTER_LABEL[charge.counter]}` : 'SP license';
}

/**
 * One row per charge, the machine spanning its charges, so status and units line up in columns.
 * A machine has one charge per (pool, counter) or (pool, license): that pair is the row key.
 * The caller handles the empty case and paging.
 */
export function MachinesTable({ machines }: { machines: readonly MachineRow[] }) {
  return (
    <div className="table-scroll">
      <table className="table table--top table--grouped">
        <caption className="visually-hidden">
          Machines, their charges and the rules behind each charge
        </caption>
        <thead>
          <tr>
            <th scope="col">Machine</th>
            <th scope="col">Charged to</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        {machines.map((m) => (
          <tbody key={m.id}>
            {m.charges.map((charge, i) => (
              <tr key={`${charge.pool}-${charge.counter ?? ''}-${charge.license ?? ''}`}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={m.charges.length}>
                    <code>{m.externalId}</code>
                    <div className="muted small">{agentText(m) ?? KIND_LABEL[m.kind]}</div>
                  </th>
                )}
                <td className="nowrap">{chargedTo(charge)}</td>
                <td>
                  <span className={`status status--${charge.status.toLowerCase()}`}>
                    {STATUS_LABEL[charge.status]}
                  </span>
                </td>
                <td className="num">{formatCount(charge.units)}</td>
                <td>
                  <ChargeReasons rules={charge.rules} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
