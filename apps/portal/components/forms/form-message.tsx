import type { ActionState } from '@/lib/forms/action-state';

/**
 * The outcome of a form, in a live region that exists from the first render (so a screen reader
 * announces what appears in it): failures as an alert, success as a status.
 */
export function FormMessage({ id, state, success }: { id: string; state: ActionState; success: string }) {
  return (
    <>
      <p id={`${id}-error`} className="form-error" role="alert">
        {state.status === 'error' ? state.message : ''}
      </p>
      <p id={`${id}-ok`} className="form-ok" role="status">
        {state.status === 'ok' ? success : ''}
      </p>
    </>
  );
}

/** A field's problem as the API worded it, tied to the field by aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

/** Props that mark a field invalid and point it at its message, when the API named it. */
export function invalidProps(errorId: string, message: string | undefined) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
}
