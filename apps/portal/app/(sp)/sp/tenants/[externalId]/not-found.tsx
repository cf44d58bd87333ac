import Link from 'next/link';

export default function TenantNotFound() {
  return (
    <section className="card centered" aria-labelledby="tenant-not-found">
      <h1 id="tenant-not-found">Tenant not found</h1>
      <p className="muted">There is no tenant with this external id, or you may not see it.</p>
      <Link className="button" href="/sp/tenants">
        Back to tenants
      </Link>
    </section>
  );
}
