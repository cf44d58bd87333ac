/**
 * The `input` variable of `ingestRestorePoints` decoded straight from its JSON, for the ingestion
 * lane (server/ingest-lane.ts): the same values GraphQL's coercion of `IngestRestorePointsInput`
 * would hand the resolver, in a fraction of its time. The decoding is strict on purpose: anything
 * it does not recognise as certainly valid (a missing or unknown field, a wrong type, a time it
 * cannot read) yields null, and the request then goes the ordinary way, where GraphQL gives the
 * error its usual words and path.
 */
import { DateTimeResolver } from 'graphql-scalars';
import { AgentOsEnum, MachineKindEnum, OperationEnum } from '../schema/common/enums.js';
import type { IngestRestorePointsInput, RestorePointInput } from '../schema/ingest/ingest.types.js';

/** GraphQL enum names to the values resolvers see (enums.ts). */
const enumValues = <E extends Record<string, string>>(e: E) => new Map(Object.entries(e));
const MACHINE_KINDS = enumValues(MachineKindEnum);
const AGENT_OSES = enumValues(AgentOsEnum);
const OPERATIONS = enumValues(OperationEnum);

const POINT_FIELDS = new Set([
  'tenant',
  'machine',
  'machineKind',
  'agentOs',
  'agentVersion',
  'server',
  'operation',
  'at',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The decimal number in `text` at [start, start + count), or -1 when a character is not a digit. */
function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The UTC milliseconds of the form almost every client sends, `YYYY-MM-DDTHH:MM:SS[.mmm]Z`, read
 * position by position; NaN for any other form, or for a moment that does not exist (February 30th).
 */
function canonicalUtcMs(t: string): number {
  const fraction = t.length === 24;
  if (!(t.length === 20 || fraction) || t[4] !== '-' || t[7] !== '-' || t[10] !== 'T') return Number.NaN;
  if (t[13] !== ':' || t[16] !== ':' || t[t.length - 1] !== 'Z' || (fraction && t[19] !== '.'))
    return Number.NaN;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  const h = digits(t, 11, 2);
  const mi = digits(t, 14, 2);
  const s = digits(t, 17, 2);
  const ms = fraction ? digits(t, 20, 3) : 0;
  // Years before 1000 are left to the scalar (Date.UTC reads 0–99 as 1900–1999).
  if (
    y < 1000 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    s < 0 ||
    s > 59 ||
    ms < 0
  )
    return Number.NaN;
  if (d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!)) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** A DateTime as the scalar reads it, or null when it refuses it. */
function decodeTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const ms = canonicalUtcMs(value);
  if (!Number.isNaN(ms)) return new Date(ms);
  // Any other form (an offset, more digits of a second, a leap second): the scalar itself decides.
  try {
    return DateTimeResolver.parseValue(value) as Date;
  } catch {
    return null;
  }
}

/** A nullable enum field: absent or null is null, a known name its value, else undefined (refused). */
function decodeEnum(values: Map<string, string>, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? values.get(value) : undefined;
}

function decodePoint(value: unknown): RestorePointInput | null {
  if (!isObject(value)) return null;
  for (const field in value) if (!POINT_FIELDS.has(field)) return null;
  const { tenant, machine, server, agentVersion } = value;
  if (typeof tenant !== 'string' || typeof machine !== 'string' || typeof server !== 'string') return null;
  if (agentVersion !== undefined && agentVersion !== null && typeof agentVersion !== 'string') return null;
  const operation = typeof value.operation === 'string' ? OPERATIONS.get(value.operation) : undefined;
  const machineKind = decodeEnum(MACHINE_KINDS, value.machineKind);
  const agentOs = decodeEnum(AGENT_OSES, value.agentOs);
  const at = decodeTime(value.at);
  if (operation === undefined || machineKind === undefined || agentOs === undefined || at === null)
    return null;
  return {
    tenant,
    machine,
    machineKind: machineKind as MachineKindEnum | null,
    agentOs: agentOs as AgentOsEnum | null,
    agentVersion: agentVersion ?? null,
    server,
    operation: operation as OperationEnum,
    at,
  };
}

export function decodeIngestInput(value: unknown): IngestRestorePointsInput | null {
  if (!isObject(value)) return null;
  for (const field in value) if (field !== 'idempotencyKey' && field !== 'restorePoints') return null;
  const { idempotencyKey, restorePoints } = value;
  if (typeof idempotencyKey !== 'string' || !Array.isArray(restorePoints)) return null;
  const points: RestorePointInput[] = new Array(restorePoints.length);
  for (let i = 0; i < restorePoints.length; i++) {
    const point = decodePoint(restorePoints[i]);
    if (!point) return null;
    points[i] = point;
  }
  return { idempotencyKey, restorePoints: points };
}
