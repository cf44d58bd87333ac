'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendSeries {
  counter: string;
  label: string;
  points: { month: string; label: string; used: number; capacity: number | null }[];
}

/**
 * Small multiples, one chart per counter: the counters differ by an order of magnitude, so a
 * shared axis would flatten the small ones. Client-only because recharts measures the DOM.
 * The figures are also given as a table below (see TrendTable) for screen readers.
 */
export function TrendChart({ series }: { series: readonly TrendSeries[] }) {
  return (
    <div className="trend-grid">
      {series.map((s) => (
        <figure key={s.counter} className="trend" aria-label={`${s.label}: used per month against capacity`}>
          <figcaption className="trend__title">{s.label}</figcaption>
          <div className="trend__chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={180}>
              {/* No keyboard layer: the chart is hidden from assistive tech, the table below is not. */}
              <LineChart
                data={s.points}
                margin={{ top: 8, right: 12, bottom: 0, left: -12 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke="#e5e7eb" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#57606a' }} interval="preserveStartEnd" />
                <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#57606a' }} width={48} />
                <Tooltip />
                <Line
                  type="stepAfter"
                  dataKey="capacity"
                  name="Capacity"
                  stroke="#b42318"
                  strokeDasharray="6 4"
                  dot={false}
                  isAnimationActive={false}
                />
                <Line
                  type="linear"
                  dataKey="used"
                  name="Used"
                  stroke="#0b5cad"
                  strokeWidth={2}
                  dot={{ r: 2 }}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
      ))}
    </div>
  );
}
