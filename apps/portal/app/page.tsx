import { redirect } from 'next/navigation';
import { homePath } from '@/lib/auth/roles';
import { getPortalSession } from '@/lib/auth/session';

// No landing page of its own: send each visitor where they belong.
export default async function Home() {
  const session = await getPortalSession();
  redirect(session ? homePath(session.user.role) : '/signin');
}
