'use client';

import { adjustFigureAction } from '@/lib/actions/reports';
import { useFormAction } from '@/lib/forms/use-form-action';
import { COUNTERS } from '@/lib/graphql/enums';
import { COUNTER_LABEL } from '@/lib/labels';
import { FieldError, FormMessage, invalidProps } from '../forms/form-message';

interface Props {
  month: string;
  tenants: readonly { externalId: string; name: string }[];
}

/** Sets one tenant figure of the month; the reason is required (as in VSPC) and kept with the change. */
export function AdjustForm({ month, tenants }: Props) {
  // A saved adjustment clears the value and reason, so the next one starts clean.
  const { state, pending, formRef, onSubmit, action } = useFormAction(adjustFigureAction, {
    resetOnSuccess: true,
  });
  const errors = state.fieldErrors ?? {};

  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={onSubmit}
      className="form"
      aria-describedby="adjust-error"
      data-testid="adjust-form"
    >
      <input type="hidden" name="month" value={month} />
      <FormMessage id="adjust" state={state} success="Adjustment saved. The figures above include it." />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="adjust-tenant">Tenant</label>
          <select id="adjust-tenant" name="tenant" required>
            {tenants.map((t) => (
              <option key={t.externalId} value={t.externalId}>
                {t.name} ({t.externalId})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="adjust-counter">Counter</label>
          <select id="adjust-counter" name="counter" required>
            {COUNTERS.map((c) => (
              <option key={c} value={c}>
                {COUNTER_LABEL[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="adjust-field">Figure</label>
          <select id="adjust-field" name="field" required>
            <option value="USED">Used</option>
            <option value="NEW">New</option>
            <option value="RENTAL">Rental</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="adjust-value">New value</label>
          <input
            id="adjust-value"
            name="value"
            type="number"
            min={0}
            step={1}
            required
            {...invalidProps('adjust-value-error', errors['input.value'])}
          />
          <FieldError id="adjust-value-error" message={errors['input.value']} />
        </div>
        <div className="field field--wide">
          <label htmlFor="adjust-reason">Reason (required)</label>
          <textarea
            id="adjust-reason"
            name="reason"
            required
            maxLength={500}
            {...invalidProps('adjust-reason-error', errors['input.reason'])}
          />
          <FieldError id="adjust-reason-error" message={errors['input.reason']} />
        </div>
      </div>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save adjustment'}
        </button>
      </div>
    </form>
  );
}
