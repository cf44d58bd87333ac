'use client';

import { useActionState } from 'react';
import { revokeApiKeyAction, setUserDisabledAction } from '@/lib/actions/admin';
import { IDLE } from '@/lib/forms/action-state';

const ACTIONS = { setUserDisabled: setUserDisabledAction, revokeApiKey: revokeApiKeyAction };

interface Props {
  action: keyof typeof ACTIONS;
  page: '/sp/admin' | '/tenant/admin';
  id: string;
  /** Extra hidden fields, e.g. disabled=true. */
  fields?: Record<string, string>;
  /** The button's accessible name says what and whom, e.g. "Disable ann@example.com". */
  label: string;
}

/** One button in a table row (disable a user, revoke a key), with its failure beside it. */
export function RowAction({ action, page, id, fields, label }: Props) {
  const [state, run, pending] = useActionState(ACTIONS[action], IDLE);
  return (
    <form action={run} className="actions-row">
      <input type="hidden" name="page" value={page} />
      <input type="hidden" name="id" value={id} />
      {Object.entries(fields ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button className="button button--secondary" type="submit" disabled={pending}>
        {label}
      </button>
      <span className="field-error" role="alert">
        {state.status === 'error' ? state.message : ''}
      </span>
    </form>
  );
}
