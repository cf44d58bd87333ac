import type { ReactNode } from 'react';
import { requireAudience } from '@/lib/auth/session';

// The SP pages' frame; guards the group even if proxy.ts is bypassed.
export default async function SpLayout({ children }: { children: ReactNode }) {
  await requireAudience('sp');
  return <div className="sp-area">{children}</div>;
}
