'use client';

import { createApiKeyAction, createUserAction } from '@/lib/actions/admin';
import { useFormAction } from '@/lib/forms/use-form-action';
import { FieldError, FormMessage, invalidProps } from '../forms/form-message';

export const ROLE_LABEL = {
  SP_ADMIN: 'SP admin',
  SP_VIEWER: 'SP viewer',
  TENANT_ADMIN: 'Tenant admin',
  TENANT_VIEWER: 'Tenant viewer',
} as const;

interface Props {
  kind: 'user' | 'key';
  /** The page the form is on, so the action refreshes it. */
  page: '/sp/admin' | '/tenant/admin';
  roles: readonly (keyof typeof ROLE_LABEL)[];
  /** SP admins name the tenant of a tenant role; a tenant admin's own tenant is implied. */
  askTenant: boolean;
}

/**
 * Creates a login (with a one-time password) or an API key (with its secret). The secret is shown
 * here once, from the action's answer: the portal stores neither, and the API only their hashes.
 */
export function CreateCredentialForm({ kind, page, roles, askTenant }: Props) {
  const { state, pending, formRef, onSubmit, action } = useFormAction(
    kind === 'user' ? createUserAction : createApiKeyAction,
    { resetOnSuccess: true },
  );
  const errors = state.fieldErrors ?? {};
  const id = `new-${kind}`;
  const nameField = kind === 'user' ? 'email' : 'name';
  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} className="form" data-testid={`${id}-form`}>
      <input type="hidden" name="page" value={page} />
      <FormMessage
        id={id}
        state={state}
        success={
          kind === 'user' ? 'User created. Give them this one-time password:' : 'Key created. Copy it now:'
        }
      />
      {state.status === 'ok' && state.secret && (
        <div>
          <code className="secret" data-testid={`${id}-secret`}>
            {state.secret}
          </code>
          <p className="muted small">It is shown only this once; it cannot be displayed again.</p>
        </div>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-${nameField}`}>
            {kind === 'user' ? 'Email' : 'Key name (what it is for)'}
          </label>
          <input
            id={`${id}-${nameField}`}
            name={nameField}
            type={kind === 'user' ? 'email' : 'text'}
            required
            {...invalidProps(`${id}-${nameField}-error`, errors[`input.${nameField}`])}
          />
          <FieldError id={`${id}-${nameField}-error`} message={errors[`input.${nameField}`]} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} name="role" {...invalidProps(`${id}-role-error`, errors['input.role'])}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-role-error`} message={errors['input.role']} />
        </div>
        {askTenant && (
          <div className="field">
            <label htmlFor={`${id}-tenant`}>Tenant id (tenant roles only)</label>
            <input
              id={`${id}-tenant`}
              name="tenant"
              {...invalidProps(`${id}-tenant-error`, errors['input.tenantExternalId'])}
            />
            <FieldError id={`${id}-tenant-error`} message={errors['input.tenantExternalId']} />
          </div>
        )}
      </div>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Creating…' : kind === 'user' ? 'Create user' : 'Create API key'}
        </button>
      </div>
    </form>
  );
}
