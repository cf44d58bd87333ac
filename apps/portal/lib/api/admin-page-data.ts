import 'server-only';
import { fetchAdmin } from '../graphql/operations/admin';
import { withApi } from './call';

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** The admin page's data for `page`, with the audit filter and cursor from its query string. */
export async function loadAdminPage(page: '/sp/admin' | '/tenant/admin', params: SearchParams) {
  const action = one(params.action).slice(0, 100);
  const auditAfter = one(params.after) || null;
  const data = await withApi(page, (token) => fetchAdmin(token, { auditAfter, action: action || null }));
  return { ...data, action, auditAfter };
}
