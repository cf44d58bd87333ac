'use server';
/** The tenant's plan (SP admins): it sizes the SP license and a managed tenant's hosting obligation. */
import { revalidatePath } from 'next/cache';
import type { ActionState } from '../forms/action-state';
import { NumberFields, runAction, text } from '../forms/run-action';
import { updateTenantPlan } from '../graphql/operations/tenant-plan';

const KEYS = ['vmBackup', 'vmReplica', 'server', 'workstation', 'vms'] as const;

export async function updatePlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const externalId = text(form, 'externalId');
  const numbers = new NumberFields(form);
  const plan = Object.fromEntries(KEYS.map((k) => [k, numbers.int(k, `plan.${k}`)])) as Record<
    (typeof KEYS)[number],
    number
  >;
  const invalid = numbers.problems();
  if (invalid) return invalid;
  const state = await runAction(async (token) => {
    await updateTenantPlan(token, externalId, plan);
    return undefined;
  });
  if (state.status === 'ok') revalidatePath(`/sp/tenants/${encodeURIComponent(externalId)}`);
  return state;
}
