import { forbidden } from 'next/navigation';

/**
 * Where proxy.ts sends a signed-in user who asks for a page of the other audience (a tenant user on
 * an SP page): answered 403 with app/forbidden.tsx, at the address typed, naming nothing of it.
 */
export default function NoAccess(): never {
  forbidden();
}
