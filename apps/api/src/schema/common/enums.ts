/**
 * GraphQL spellings of the domain's values (docs/contracts.md §3): the enum names are GraphQL's
 * (VM_BACKUP), their values the engine's (`vm-backup`), so resolvers pass engine values through.
 */
import { registerEnumType } from 'type-graphql';

export enum CounterEnum {
  VM_BACKUP = 'vm-backup',
  VM_REPLICA = 'vm-replica',
  SERVER = 'server',
  WORKSTATION = 'workstation',
}
export enum StateEnum {
  OK = 'ok',
  GRACE = 'grace',
  EXCEEDED = 'exceeded',
  UNLICENSED = 'unlicensed',
}
export enum RoleEnum {
  SP_ADMIN = 'sp-admin',
  SP_VIEWER = 'sp-viewer',
  TENANT_ADMIN = 'tenant-admin',
  TENANT_VIEWER = 'tenant-viewer',
}
export enum MachineKindEnum {
  VM = 'vm',
  SERVER = 'server',
  WORKSTATION = 'workstation',
}
export enum AgentOsEnum {
  WINDOWS = 'windows',
  LINUX = 'linux',
}
export enum OperationEnum {
  CLOUD_BACKUP = 'cloud-backup',
  CLOUD_BACKUP_COPY = 'cloud-backup-copy',
  CLOUD_REPLICA = 'cloud-replica',
  LOCAL_BACKUP = 'local-backup',
  LOCAL_BACKUP_COPY = 'local-backup-copy',
  LOCAL_REPLICA = 'local-replica',
}
export enum LicenseTypeEnum {
  CLOUD_CONNECT_SP = 'cloud-connect-sp',
  PERPETUAL = 'perpetual',
  SUBSCRIPTION = 'subscription',
  RENTAL = 'rental',
  HOSTING = 'hosting',
  EVALUATION = 'evaluation',
  NFR = 'nfr',
  FREE = 'free',
}
export enum SeverityEnum {
  INFO = 'info',
  WARNING = 'warning',
  ERROR = 'error',
}
export enum ChargeStatusEnum {
  USED = 'used',
  NEW = 'new',
  RENTAL = 'rental',
}
export enum ChargePoolEnum {
  SP_CLOUD_CONNECT = 'sp-cloud-connect',
  TENANT_LICENSE = 'tenant-license',
}
export enum RulesetEnum {
  VBR_9_5 = 'vbr-9.5',
  VCSP_POINTS = 'vcsp-points',
}

registerEnumType(CounterEnum, { name: 'Counter', description: 'An SP Cloud Connect counter' });
registerEnumType(StateEnum, { name: 'LicenseState' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(MachineKindEnum, { name: 'MachineKind' });
registerEnumType(AgentOsEnum, { name: 'AgentOs' });
registerEnumType(OperationEnum, { name: 'Operation' });
registerEnumType(LicenseTypeEnum, { name: 'LicenseType' });
registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(ChargeStatusEnum, { name: 'ChargeStatus' });
registerEnumType(ChargePoolEnum, { name: 'ChargePool' });
registerEnumType(RulesetEnum, { name: 'Ruleset' });
