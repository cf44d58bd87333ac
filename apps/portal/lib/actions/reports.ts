'use server';
/**
 * The monthly review's changes, as server actions: they call the API with the session's token (the
 * browser never holds it); the API decides who may (SP admins) and what is valid, and its answers
 * come back to the form by field path.
 */
import { revalidatePath } from 'next/cache';
import type { ActionState } from '../forms/action-state';
import { NumberFields, runAction, text } from '../forms/run-action';
import type { Counter } from '../graphql/enums';
import { adjustTenantFigure, approveMonth, type ReportFigure } from '../graphql/operations/monthly-reports';

export async function adjustFigureAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const month = text(form, 'month');
  const numbers = new NumberFields(form);
  const value = numbers.int('value', 'input.value');
  const invalid = numbers.problems();
  if (invalid) return invalid;
  const state = await runAction(async (token) => {
    await adjustTenantFigure(token, {
      month,
      tenantExternalId: text(form, 'tenant'),
      counter: text(form, 'counter') as Counter,
      field: text(form, 'field') as ReportFigure,
      value,
      reason: text(form, 'reason'),
    });
    return undefined;
  });
  if (state.status === 'ok') revalidatePath(`/sp/reports/${month}`);
  return state;
}

export async function approveMonthAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const month = text(form, 'month');
  if (text(form, 'confirm') !== 'yes')
    return {
      status: 'error',
      message: 'Tick the confirmation first.',
      fieldErrors: { confirm: 'confirm that the figures are final' },
    };
  const state = await runAction(async (token) => {
    await approveMonth(token, month);
    return undefined;
  });
  if (state.status === 'ok') {
    revalidatePath(`/sp/reports/${month}`);
    revalidatePath('/sp/reports');
  }
  return state;
}
