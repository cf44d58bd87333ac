import type { Charge as EngineCharge } from '@vcc/rules';
import type { ChargePoolEnum, ChargeStatusEnum, CounterEnum } from '../common/enums.js';
import type { Charge } from './machine.types.js';

export function toCharge(c: EngineCharge): Charge {
  return {
    pool: c.pool as ChargePoolEnum,
    counter: (c.counter ?? null) as CounterEnum | null,
    license: c.license ?? null,
    status: c.status as ChargeStatusEnum,
    units: c.units,
    rules: [...c.rules],
  };
}
