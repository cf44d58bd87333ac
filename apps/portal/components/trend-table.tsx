import { formatCount } from '@/lib/format';
import type { TrendSeries } from './trend-chart';

/** The chart's figures as a table, behind a disclosure: the accessible (and exact) version. */
export function TrendTable({ series }: { series: readonly TrendSeries[] }) {
  const months = series[0]?.points ?? [];
  return (
    <details className="details">
      <summary>Show the figures as a table</summary>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Used per counter per month, with capacity</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {series.map((s) => (
                <th key={s.counter} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => (
              <tr key={m.month}>
                <th scope="row">{m.label}</th>
                {series.map((s) => {
                  const p = s.points[i];
                  return (
                    <td key={s.counter} className="num">
                      {formatCount(p?.used)} <span className="muted">/ {formatCount(p?.capacity)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
