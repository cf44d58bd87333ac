'use client';

import { approveMonthAction } from '@/lib/actions/reports';
import { useFormAction } from '@/lib/forms/use-form-action';
import { monthLabel } from '@/lib/month';
import { FieldError, FormMessage, invalidProps } from '../forms/form-message';

/**
 * Approving freezes the month for good, so it asks for an explicit confirmation (a checkbox that
 * the browser requires, and that the action checks again) rather than a pop-up dialog.
 */
export function ApproveForm({ month }: { month: string }) {
  const { state, pending, formRef, onSubmit, action } = useFormAction(approveMonthAction);
  const error = state.fieldErrors?.confirm;
  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} className="form" data-testid="approve-form">
      <input type="hidden" name="month" value={month} />
      <FormMessage id="approve" state={state} success="Approved: the report is frozen." />
      <div className="checkbox">
        <input
          id="approve-confirm"
          name="confirm"
          type="checkbox"
          value="yes"
          required
          {...invalidProps('approve-confirm-error', error)}
        />
        <label htmlFor="approve-confirm">
          I have reviewed {monthLabel(month)}: freeze these figures. Later data and adjustments will not
          change them.
        </label>
      </div>
      <FieldError id="approve-confirm-error" message={error} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Approving…' : `Approve ${monthLabel(month)}`}
        </button>
      </div>
    </form>
  );
}
