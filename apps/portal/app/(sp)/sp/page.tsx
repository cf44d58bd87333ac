import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Overview' };

// Placeholder until the API serves licenseReport.
export default function SpOverviewPage() {
  return (
    <section className="card">
      <h1>Consumption overview</h1>
      <p className="muted">License consumption across your tenants will appear here.</p>
    </section>
  );
}
