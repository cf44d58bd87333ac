import type { ReactNode } from 'react';
import { requireAudience } from '@/lib/auth/session';

// Placeholder: tenant self-service pages come later. Guards the group even if proxy.ts is bypassed.
export default async function TenantLayout({ children }: { children: ReactNode }) {
  await requireAudience('tenant');
  return <div className="tenant-area">{children}</div>;
}
