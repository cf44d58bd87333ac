'use client';

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from 'react';
import { type ActionState, IDLE } from './action-state';

type FormAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A server action behind a form that keeps what was typed when the action refuses it. React resets
 * a form whose `action` runs once the action ends, whatever its answer, so a refused entry would come
 * back empty beside its error. `onSubmit` dispatches the action itself, in a transition, which React
 * then leaves alone (no reset); `action` stays on the form for a submit before hydration (a plain
 * POST to the server action). With `resetOnSuccess` (forms that create something) the form is
 * cleared once the action succeeds.
 */
export function useFormAction(action: FormAction, { resetOnSuccess = false } = {}) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === 'ok') formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { state, pending, formRef, onSubmit, action: dispatch };
}
