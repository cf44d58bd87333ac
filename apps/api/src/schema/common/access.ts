/**
 * Every root field declares who may call it, with `@Access(...roles)` or `@Access.public()`.
 * The declaration is kept in a registry that a test walks, so that a field without one fails the
 * suite; the roles are enforced by type-graphql's `@Authorized` and the auth checker below.
 */
import type { Role } from '@vcc/db/schema';
import { type AuthChecker, Authorized } from 'type-graphql';
import { forbidden, unauthenticated } from '../../errors.js';
import type { Context } from '../../server/context.js';

export const accessDeclarations = new Map<string, readonly Role[] | 'public'>();

function record(target: object, property: string | symbol, roles: readonly Role[] | 'public') {
  const owner = typeof target === 'function' ? target.name : target.constructor.name;
  accessDeclarations.set(`${owner}.${String(property)}`, roles);
}

export function Access(...roles: Role[]): MethodDecorator {
  const authorized = Authorized(...roles);
  return (target, property, descriptor) => {
    record(target, property, roles);
    authorized(target, property, descriptor);
  };
}

/** Open to anyone, signed in or not (only sign-in itself). */
Access.public = (): MethodDecorator => (target, property) => {
  record(target, property, 'public');
};

export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.principal) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.principal.role)) throw forbidden();
  return true;
};
