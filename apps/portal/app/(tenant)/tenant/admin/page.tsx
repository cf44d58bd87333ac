import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { AdminPage } from '@/components/admin/admin-page';
import { loadAdminPage } from '@/lib/api/admin-page-data';
import { requireAudience } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TenantAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireAudience('tenant');
  // Tenant viewers have no admin page (the API refuses them users, keys and the audit log).
  if (session.user.role !== 'tenant-admin') forbidden();
  const data = await loadAdminPage('/tenant/admin', await searchParams);
  return <AdminPage page="/tenant/admin" {...data} />;
}
