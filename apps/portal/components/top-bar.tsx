import Link from 'next/link';
import { audienceOf } from '@/lib/auth/roles';
import { getPortalSession } from '@/lib/auth/session';
import { navItemsFor } from '@/lib/nav';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

/** Product name, the nav of the signed-in audience, and the account slot. */
export async function TopBar() {
  const session = await getPortalSession();
  const items = session ? navItemsFor(session.user.role, audienceOf(session.user.role)) : [];

  return (
    <header className="topbar">
      <div className="topbar__inner">
        <Link className="brand" href="/">
          vcc-portal
        </Link>
        <nav className="nav" aria-label="Main">
          {items.length > 0 && <NavLinks items={items} />}
        </nav>
        {session && (
          <div className="account">
            <span className="account__email">
              {session.user.tenant ? `${session.user.tenant.name} · ` : ''}
              {session.user.email}
            </span>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
