import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'My machines' };

// Placeholder until the API serves machines for the signed-in tenant.
export default function TenantHomePage() {
  return (
    <section className="card">
      <h1>My machines</h1>
      <p className="muted">Your machines and their license consumption will appear here.</p>
    </section>
  );
}
