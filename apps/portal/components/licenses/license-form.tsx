'use client';

import { createLicenseAction, updateLicenseAction } from '@/lib/actions/licenses';
import { useFormAction } from '@/lib/forms/use-form-action';
import type { LicenseType } from '@/lib/graphql/enums';
import { LICENSE_TYPE_LABEL } from '@/lib/labels';
import { FieldError, FormMessage, invalidProps } from '../forms/form-message';

export interface LicenseFormValues {
  externalId: string;
  serverExternalId: string;
  type: LicenseType;
  validFrom: string;
  validTo: string | null;
  capacity: Record<string, number | null>;
}

const CAPACITY: [string, string][] = [
  ['vmBackup', 'VM backup'],
  ['vmReplica', 'VM replica'],
  ['server', 'Server agent'],
  ['workstation', 'Workstation agent'],
  ['points', 'Points'],
  ['instances', 'Instances'],
];

/**
 * One form for creating (empty) and editing (prefilled) a license. Every problem the API finds is
 * shown at its field (paths like `input.capacity.instances`), all at once.
 */
export function LicenseForm({ mode, initial }: { mode: 'create' | 'edit'; initial?: LicenseFormValues }) {
  const { state, pending, formRef, onSubmit, action } = useFormAction(
    mode === 'create' ? createLicenseAction : updateLicenseAction,
    { resetOnSuccess: mode === 'create' },
  );
  const errors = state.fieldErrors ?? {};
  const id =
    mode === 'create' ? 'new-license' : `license-${initial?.externalId ?? ''}`.replace(/[^\w-]/g, '_');
  const field = (name: string, path: string, label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      <FieldError id={`${id}-${name}-error`} message={errors[path]} />
    </div>
  );
  const invalid = (name: string, path: string) => invalidProps(`${id}-${name}-error`, errors[path]);

  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} className="form" data-testid={`${id}-form`}>
      <FormMessage
        id={id}
        state={state}
        success={mode === 'create' ? 'License created.' : 'License saved.'}
      />
      <div className="form-grid">
        {mode === 'create' ? (
          <>
            {field(
              'externalId',
              'input.externalId',
              'License id',
              <input
                id={`${id}-externalId`}
                name="externalId"
                required
                {...invalid('externalId', 'input.externalId')}
              />,
            )}
            {field(
              'serverExternalId',
              'input.serverExternalId',
              'Backup server id',
              <input
                id={`${id}-serverExternalId`}
                name="serverExternalId"
                required
                {...invalid('serverExternalId', 'input.serverExternalId')}
              />,
            )}
          </>
        ) : (
          <input type="hidden" name="externalId" value={initial?.externalId} />
        )}
        {field(
          'type',
          'input.type',
          'Type',
          <select id={`${id}-type`} name="type" defaultValue={initial?.type ?? 'RENTAL'}>
            {Object.entries(LICENSE_TYPE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>,
        )}
        {field(
          'validFrom',
          'input.validFrom',
          'Valid from',
          <input
            id={`${id}-validFrom`}
            name="validFrom"
            type="date"
            required
            defaultValue={initial?.validFrom}
            {...invalid('validFrom', 'input.validFrom')}
          />,
        )}
        {field(
          'validTo',
          'input.validTo',
          'Valid to (empty: no end)',
          <input
            id={`${id}-validTo`}
            name="validTo"
            type="date"
            defaultValue={initial?.validTo ?? ''}
            {...invalid('validTo', 'input.validTo')}
          />,
        )}
      </div>
      <fieldset className="form-grid">
        <legend>Capacity (empty: not licensed)</legend>
        {CAPACITY.map(([key, label]) =>
          field(
            `capacity-${key}`,
            `input.capacity.${key}`,
            label,
            <input
              id={`${id}-capacity-${key}`}
              name={`capacity.${key}`}
              type="number"
              min={0}
              step={1}
              defaultValue={initial?.capacity[key] ?? ''}
              {...invalid(`capacity-${key}`, `input.capacity.${key}`)}
            />,
          ),
        )}
      </fieldset>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Create license' : 'Save license'}
        </button>
      </div>
    </form>
  );
}
