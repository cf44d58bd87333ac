import { AGENT_OSES, LICENSE_TYPES, MACHINE_KINDS, OP_CLASSES, OPERATIONS, RULESETS } from '@vcc/rules';
import { pgEnum } from 'drizzle-orm/pg-core';

export const rulesetEnum = pgEnum('ruleset', RULESETS);
export const machineKindEnum = pgEnum('machine_kind', MACHINE_KINDS);
export const agentOsEnum = pgEnum('agent_os', AGENT_OSES);
export const operationEnum = pgEnum('operation', OPERATIONS);
export const opClassEnum = pgEnum('op_class', OP_CLASSES);
export const licenseTypeEnum = pgEnum('license_type', LICENSE_TYPES);

export const ROLES = ['sp-admin', 'sp-viewer', 'tenant-admin', 'tenant-viewer'] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);
