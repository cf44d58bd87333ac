'use client';

import { updatePlanAction } from '@/lib/actions/tenant-plan';
import { useFormAction } from '@/lib/forms/use-form-action';
import { FieldError, FormMessage, invalidProps } from '../forms/form-message';

const FIELDS: [string, string][] = [
  ['vmBackup', 'VM backups'],
  ['vmReplica', 'VM replicas'],
  ['server', 'Server agents'],
  ['workstation', 'Workstation agents'],
  ['vms', 'VMs (hosting obligation)'],
];

/** Edits what the tenant plans to protect (SP admins only; the API refuses anyone else). */
export function PlanForm({ externalId, plan }: { externalId: string; plan: Record<string, number> }) {
  const { state, pending, formRef, onSubmit, action } = useFormAction(updatePlanAction);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} className="form" data-testid="plan-form">
      <input type="hidden" name="externalId" value={externalId} />
      <FormMessage id="plan" state={state} success="Plan saved." />
      <div className="form-grid">
        {FIELDS.map(([key, label]) => (
          <div key={key} className="field">
            <label htmlFor={`plan-${key}`}>{label}</label>
            <input
              id={`plan-${key}`}
              name={key}
              type="number"
              min={0}
              step={1}
              required
              defaultValue={plan[key]}
              {...invalidProps(`plan-${key}-error`, errors[`plan.${key}`])}
            />
            <FieldError id={`plan-${key}-error`} message={errors[`plan.${key}`]} />
          </div>
        ))}
      </div>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save plan'}
        </button>
      </div>
    </form>
  );
}
