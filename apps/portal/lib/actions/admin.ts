'use server';
/**
 * Users and API keys (SP admins: the whole SP; tenant admins: their own tenant; the API decides).
 * A new password or key comes back once in the action's answer, shown once and never stored here.
 */
import { revalidatePath } from 'next/cache';
import type { ActionState } from '../forms/action-state';
import { runAction, text } from '../forms/run-action';
import {
  createApiKey,
  createUser,
  type RoleEnum,
  revokeApiKey,
  setUserDisabled,
} from '../graphql/operations/admin';

function refresh(form: FormData): void {
  // The page the form sits on: /sp/admin or /tenant/admin (never a path from outside).
  revalidatePath(text(form, 'page') === '/tenant/admin' ? '/tenant/admin' : '/sp/admin');
}

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async (token) => ({
    status: 'ok',
    secret: await createUser(token, {
      email: text(form, 'email'),
      role: text(form, 'role') as RoleEnum,
      tenantExternalId: text(form, 'tenant') || null,
    }),
  }));
  if (state.status === 'ok') refresh(form);
  return state;
}

export async function setUserDisabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async (token) => {
    await setUserDisabled(token, text(form, 'id'), text(form, 'disabled') === 'true');
    return undefined;
  });
  if (state.status === 'ok') refresh(form);
  return state;
}

export async function createApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async (token) => ({
    status: 'ok',
    secret: await createApiKey(token, {
      name: text(form, 'name'),
      role: text(form, 'role') as RoleEnum,
      tenantExternalId: text(form, 'tenant') || null,
    }),
  }));
  if (state.status === 'ok') refresh(form);
  return state;
}

export async function revokeApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async (token) => {
    await revokeApiKey(token, text(form, 'id'));
    return undefined;
  });
  if (state.status === 'ok') refresh(form);
  return state;
}
