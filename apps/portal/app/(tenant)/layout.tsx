import type { ReactNode } from 'react';
import { requireAudience } from '@/lib/auth/session';

// The tenant pages' frame; guards the group even if proxy.ts is bypassed.
export default async function TenantLayout({ children }: { children: ReactNode }) {
  await requireAudience('tenant');
  return <div className="tenant-area">{children}</div>;
}
