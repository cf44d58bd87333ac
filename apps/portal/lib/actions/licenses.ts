'use server';
/** Create and edit licenses (SP admins; the API checks the role and every field). */
import { revalidatePath } from 'next/cache';
import type { ActionState } from '../forms/action-state';
import { NumberFields, runAction, text } from '../forms/run-action';
import type { LicenseType } from '../graphql/enums';
import { createLicense, type LicenseInput, updateLicense } from '../graphql/operations/licenses';

const CAPACITY_KEYS = ['vmBackup', 'vmReplica', 'server', 'workstation', 'points', 'instances'] as const;

function licenseFields(form: FormData, numbers: NumberFields): LicenseInput {
  const capacity = Object.fromEntries(
    CAPACITY_KEYS.map((k) => [k, numbers.optionalInt(`capacity.${k}`, `input.capacity.${k}`)]),
  ) as unknown as LicenseInput['capacity'];
  return {
    type: text(form, 'type') as LicenseType,
    validFrom: text(form, 'validFrom'),
    // An empty end date means "no end".
    validTo: text(form, 'validTo') || null,
    capacity,
  };
}

export async function createLicenseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const numbers = new NumberFields(form);
  const fields = licenseFields(form, numbers);
  const invalid = numbers.problems();
  if (invalid) return invalid;
  const state = await runAction(async (token) => {
    await createLicense(token, {
      ...fields,
      externalId: text(form, 'externalId'),
      serverExternalId: text(form, 'serverExternalId'),
    });
    return undefined;
  });
  if (state.status === 'ok') revalidatePath('/sp/licenses');
  return state;
}

export async function updateLicenseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const numbers = new NumberFields(form);
  const fields = licenseFields(form, numbers);
  const invalid = numbers.problems();
  if (invalid) return invalid;
  const state = await runAction(async (token) => {
    await updateLicense(token, text(form, 'externalId'), fields);
    return undefined;
  });
  if (state.status === 'ok') revalidatePath('/sp/licenses');
  return state;
}
