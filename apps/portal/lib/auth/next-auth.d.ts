// Typed session and JWT shapes for next-auth v4 (module augmentation).
import type { DefaultSession } from 'next-auth';
import type { PortalRole } from './roles';

interface PortalTenant {
  externalId: string;
  name: string;
}

declare module 'next-auth' {
  /** What authorize() returns; apiToken moves into the JWT and stops there. */
  interface User {
    id: string;
    email: string;
    role: PortalRole;
    tenant: PortalTenant | null;
    apiToken: string;
  }

  /** Sent to the browser by /api/auth/session: no API token here, ever. */
  interface Session {
    user: {
      id: string;
      email: string;
      role: PortalRole;
      tenant: PortalTenant | null;
    } & Omit<DefaultSession['user'], 'email'>;
  }
}

declare module 'next-auth/jwt' {
  /** Encrypted in the session cookie; only server code decrypts it. */
  interface JWT {
    apiToken?: string;
    /** Epoch ms when apiToken stops being accepted by the API. */
    apiTokenExpiresAt?: number;
    role?: PortalRole;
    tenant?: PortalTenant | null;
  }
}
