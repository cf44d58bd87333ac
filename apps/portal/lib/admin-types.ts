// The admin page's data shapes, importable by server components without pulling in 'server-only'.

export type { PageInfo } from './graphql/enums';
export type { ApiKeyRow, AuditRow, UserRow } from './graphql/operations/admin';
