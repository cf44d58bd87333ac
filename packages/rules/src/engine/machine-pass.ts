/**
 * The hot loop: one machine in one month. It folds the machine's activity facts of M−4..M into day-mask
 * tracks (SP counters split into charged and rental-exempt activity, and one track per tenant server
 * for its licenses), turns each track into active intervals (R-ACTIVE-31D), and from those decides the
 * machine's charges (R-MONTH-USAGE, R-NEW, R-CC-COUNTERS, R-RENTAL-*, R-TENANT-USAGE) and adds its
 * active days to the daily usage of the SP counters and of the licenses (R-EXCEED).
 * Buffers are reused across machines: nothing is allocated per machine but its report entry.
 */
import type { MachineFacts } from '../facts.js';
import { COUNTERS } from '../model.js';
import type { Charge, MachineReport } from '../report.js';
import { DAY_MS, monthIndex } from '../time.js';
import { activeIntervals, addDays, meets, TRACK_MONTHS, TRACK_WORDS } from './active-31d.js';
import {
  F_NO_REPLICA,
  F_RENTAL_VERSION,
  F_SEPARATE,
  spChargeRules,
  tenantChargeRules,
} from './charge-rules.js';
import { counterOf, VM_REPLICA } from './counters.js';
import { type EstateCtx, resolveServer, type ServerCtx, type TenantCtx } from './estate.js';
import { agentOk, BLOCK_NONE, exemptionBlock, rentalMask } from './rental.js';
import { FAR, type LicenseMonth } from './tenant-usage.js';
import type { MonthWindow } from './window.js';

/** Daily figures of the SP counters over r0..mEnd, as difference arrays. */
export interface SpDaily {
  /** Charged machines not new in the day's month: what R-EXCEED compares with capacity. */
  usage: Int32Array[];
  /** Machines with any cloud activity on the counter (charged, new or rental): for R-SP-REQUIRED. */
  any: Int32Array[];
}

export interface TenantMonthAcc {
  used: number[];
  new: number[];
  rental: number[];
  units: number[];
  licenses: Map<ServerCtx, LicenseMonth[]>;
  /** VMs active in M on the tenant's servers and not new in M (R-HOSTING-OBLIGATION). */
  hostingUsedVms: number;
  /** SP servers that ran jobs for the tenant's machines in M (R-SP-OWN-JOBS). */
  ownJobs: Map<ServerCtx, { count: number; example: string; last: MachineFacts }>;
  /** Days of M with cloud restore points, per tenant server (R-TENANT-PAID). */
  cloudDays: Map<ServerCtx, number>;
  /** Tenant servers with machines active in M (R-EXPIRY). */
  activeServers: Set<ServerCtx>;
  /** Machines a rental exemption was refused in M, by what blocked it (R-RENTAL-VERSION). */
  tooOld: { block: number; server: ServerCtx; machine: MachineFacts }[];
}

export function newTenantAcc(licenses: Map<ServerCtx, LicenseMonth[]>): TenantMonthAcc {
  return {
    used: [0, 0, 0, 0],
    new: [0, 0, 0, 0],
    rental: [0, 0, 0, 0],
    units: [0, 0, 0, 0],
    licenses,
    hostingUsedVms: 0,
    ownJobs: new Map(),
    cloudDays: new Map(),
    activeServers: new Set(),
    tooOld: [],
  };
}

/** Fixed tracks: charged and exempt cloud backups (one counter per machine kind), replicas. */
const T_CHARGED = 0;
const T_EXEMPT = 1;
const T_REPLICA = 2;
const FIXED_TRACKS = 3;

const NONE = 0;
const USED = 1;
const NEW = 2;
const RENTAL = 3;
const STATUS = ['used', 'used', 'new', 'rental'] as const;

export class MachinePass {
  private scratch = new Int32Array(TRACK_WORDS * (FIXED_TRACKS + 4));
  /** Merged intervals: at most 16 runs per month. */
  private readonly iv = new Int32Array(2 * 16 * TRACK_MONTHS);
  private slots: ServerCtx[] = [];
  /** Slot numbers in the order of the tenant's servers, so charges do not follow the facts' order. */
  private order: number[] = [];
  /** Servers whose too-old version kept this machine's rental backups on the SP license, with the gate. */
  private tooOld: { block: number; server: ServerCtx }[] = [];
  private slotFirst: number[] = [];
  /** Month exclusion of R-NEW, set by `newIn`. */
  private exLo = FAR;
  private exHi = -FAR;

  constructor(
    private readonly estate: EstateCtx,
    private readonly w: MonthWindow,
    private readonly sp: SpDaily,
    private readonly detail: boolean,
  ) {}

  /** Sets the R-NEW exclusion to the month of first restore point `firstMs`; returns whether it is M. */
  private newIn(firstMs: number): boolean {
    const w = this.w;
    this.exLo = FAR;
    this.exHi = -FAR;
    if (!Number.isFinite(firstMs)) return false;
    const d = Math.floor(firstMs / DAY_MS) - w.baseDay;
    if (d < w.off[0]!) return false;
    for (let p = 0; p < TRACK_MONTHS; p++) {
      if (d < w.off[p + 1]!) {
        this.exLo = w.off[p]!;
        this.exHi = w.off[p + 1]! - 1;
        return p === TRACK_MONTHS - 1;
      }
    }
    // A first restore point after M (inconsistent facts): nothing of the machine counts as used.
    this.exLo = w.off[TRACK_MONTHS]!;
    this.exHi = FAR;
    return false;
  }

  run(tenant: TenantCtx, acc: TenantMonthAcc, m: MachineFacts): MachineReport | null {
    const { estate, w } = this;
    const slots = this.slots;
    slots.length = 0;
    this.order.length = 0;
    this.tooOld.length = 0;
    this.scratch.fill(0, 0, TRACK_WORDS * FIXED_TRACKS);
    const cbCounter = counterOf(m.kind, 'cloud-backup');
    const isVm = m.kind === 'vm';
    let agentIsOk: boolean | null = null;
    let replicaOfRental = false;

    for (const f of m.activity) {
      const p = monthIndex(f.month) - w.lo;
      if (p < 0 || p >= TRACK_MONTHS) continue;
      const s = resolveServer(estate, tenant, f.server);
      if (s.sp) {
        // R-SP-OWN-JOBS: jobs on the SP's own server consume nothing; noted for the month they ran in.
        if (p === TRACK_MONTHS - 1) {
          const j = acc.ownJobs.get(s);
          if (!j) acc.ownJobs.set(s, { count: 1, example: m.id, last: m });
          else if (j.last !== m) {
            j.count++;
            j.last = m;
          }
        }
        continue;
      }
      let slot = slots.indexOf(s);
      if (slot < 0) {
        slot = slots.length;
        slots.push(s);
        this.order.push(slot);
        const need = TRACK_WORDS * (FIXED_TRACKS + slots.length);
        if (need > this.scratch.length) {
          const grown = new Int32Array(need * 2);
          grown.set(this.scratch);
          this.scratch = grown;
        }
        this.scratch.fill(0, need - TRACK_WORDS, need);
      }
      const sc = this.scratch;
      const sb = TRACK_WORDS * (FIXED_TRACKS + slot);
      sc[sb + p]! |= f.days;
      sc[sb + TRACK_MONTHS + p]! |= f.lateDays;
      if (f.opClass === 'local') continue;
      if (p === TRACK_MONTHS - 1) acc.cloudDays.set(s, (acc.cloudDays.get(s) ?? 0) | f.days);
      const counter = counterOf(m.kind, f.opClass);
      if (counter < 0) continue;
      const rm = rentalMask(s, p + w.lo);
      if (counter === VM_REPLICA) {
        // R-RENTAL-NO-REPLICA: replicas stay on the SP license even for a rental tenant.
        if ((rm & f.days) !== 0) replicaOfRental = true;
        sc[TRACK_WORDS * T_REPLICA + p]! |= f.days;
        sc[TRACK_WORDS * T_REPLICA + TRACK_MONTHS + p]! |= f.lateDays;
        continue;
      }
      let exempt = 0;
      if ((rm & f.days) !== 0) {
        if (agentIsOk === null) agentIsOk = agentOk(estate, m);
        const block = exemptionBlock(estate, s, agentIsOk);
        if (block === BLOCK_NONE) exempt = rm;
        else {
          // R-RENTAL-VERSION: charged; flagged when these points keep the machine active in M.
          const old = rm & f.days;
          const b = 31 - Math.clz32(old);
          if (
            w.off[p]! + b + 30 + ((f.lateDays >>> b) & 1) >= w.mStart &&
            !this.tooOld.some((x) => x.server === s)
          ) {
            this.tooOld.push({ block, server: s });
          }
        }
      }
      sc[TRACK_WORDS * T_CHARGED + p]! |= f.days & ~exempt;
      sc[TRACK_WORDS * T_CHARGED + TRACK_MONTHS + p]! |= f.lateDays & ~exempt;
      sc[TRACK_WORDS * T_EXEMPT + p]! |= f.days & exempt;
      sc[TRACK_WORDS * T_EXEMPT + TRACK_MONTHS + p]! |= f.lateDays & exempt;
    }

    // First restore points (R-NEW): per op class over the tenant's servers, and per server.
    let cbFirst = Number.POSITIVE_INFINITY;
    let repFirst = Number.POSITIVE_INFINITY;
    let anyFirst = Number.POSITIVE_INFINITY;
    const slotFirst = this.slotFirst;
    slotFirst.length = slots.length;
    slotFirst.fill(Number.POSITIVE_INFINITY);
    for (const fr of m.firsts) {
      if (!tenant.servers.has(fr.server) && estate.spById.has(fr.server)) continue;
      if (fr.at < anyFirst) anyFirst = fr.at;
      if (fr.opClass === 'cloud-backup') {
        if (fr.at < cbFirst) cbFirst = fr.at;
      } else if (fr.opClass === 'cloud-replica' && fr.at < repFirst) repFirst = fr.at;
      for (let i = 0; i < slots.length; i++) {
        if (slots[i]!.id === fr.server && fr.at < slotFirst[i]!) slotFirst[i] = fr.at;
      }
    }

    const sc = this.scratch;
    const iv = this.iv;
    const { r0, mStart, mEnd } = w;
    const charges: Charge[] | null = this.detail ? [] : null;

    // SP counter of cloud backups: charged activity decides used/new, exempt activity rental.
    let cbStatus = NONE;
    let n = activeIntervals(sc, TRACK_WORDS * T_CHARGED, w.off, iv);
    const cbNew = this.newIn(cbFirst);
    if (n > 0) {
      addDays(this.sp.usage[cbCounter]!, r0, iv, n, r0, mEnd, this.exLo, this.exHi);
      addDays(this.sp.any[cbCounter]!, r0, iv, n, mStart, mEnd, FAR, -FAR);
      if (meets(iv, n, mStart, mEnd)) cbStatus = cbNew ? NEW : USED;
    }
    n = activeIntervals(sc, TRACK_WORDS * T_EXEMPT, w.off, iv);
    if (n > 0) {
      addDays(this.sp.any[cbCounter]!, r0, iv, n, mStart, mEnd, FAR, -FAR);
      if (cbStatus === NONE && meets(iv, n, mStart, mEnd)) cbStatus = RENTAL;
    }
    let repStatus = NONE;
    if (isVm) {
      n = activeIntervals(sc, TRACK_WORDS * T_REPLICA, w.off, iv);
      if (n > 0) {
        const repNew = this.newIn(repFirst);
        addDays(this.sp.usage[VM_REPLICA]!, r0, iv, n, r0, mEnd, this.exLo, this.exHi);
        addDays(this.sp.any[VM_REPLICA]!, r0, iv, n, mStart, mEnd, FAR, -FAR);
        if (meets(iv, n, mStart, mEnd)) repStatus = repNew ? NEW : USED;
      }
    }
    const units = estate.ruleset.spUnits;
    const separate = cbStatus !== NONE && repStatus !== NONE ? F_SEPARATE : 0;
    if (cbStatus !== NONE) {
      const status = STATUS[cbStatus]!;
      const counter = COUNTERS[cbCounter]!;
      const u = cbStatus === USED ? units[counter] : 0;
      if (cbStatus === RENTAL) acc.rental[cbCounter]!++;
      else if (cbStatus === NEW) acc.new[cbCounter]!++;
      else acc.used[cbCounter]!++;
      acc.units[cbCounter]! += u;
      for (const x of this.tooOld) acc.tooOld.push({ block: x.block, server: x.server, machine: m });
      if (charges) {
        const flags = separate | (this.tooOld.length > 0 && cbStatus !== RENTAL ? F_RENTAL_VERSION : 0);
        charges.push({
          pool: 'sp-cloud-connect',
          counter,
          status,
          units: u,
          rules: spChargeRules(cbCounter, status, flags),
        });
      }
    }
    if (repStatus !== NONE) {
      const status = STATUS[repStatus]!;
      const u = repStatus === USED ? units['vm-replica'] : 0;
      if (repStatus === NEW) acc.new[VM_REPLICA]!++;
      else acc.used[VM_REPLICA]!++;
      acc.units[VM_REPLICA]! += u;
      if (charges) {
        const flags = separate | (replicaOfRental ? F_NO_REPLICA : 0);
        charges.push({
          pool: 'sp-cloud-connect',
          counter: 'vm-replica',
          status,
          units: u,
          rules: spChargeRules(VM_REPLICA, status, flags),
        });
      }
    }

    // The tenant's own licenses, one track per server that processed the machine (R-TENANT-USAGE).
    let activeOnTenant = false;
    const order = this.order;
    order.sort((a, b) => slots[a]!.order - slots[b]!.order);
    for (const i of order) {
      const s = slots[i]!;
      n = activeIntervals(sc, TRACK_WORDS * (FIXED_TRACKS + i), w.off, iv);
      if (n === 0 || !meets(iv, n, r0, mEnd)) continue;
      if (meets(iv, n, mStart, mEnd)) {
        activeOnTenant = true;
        acc.activeServers.add(s);
      }
      const lms = acc.licenses.get(s);
      if (!lms) continue;
      for (const lm of lms) {
        const lo = Math.max(r0, lm.fromAxis);
        const hi = Math.min(mEnd, lm.toAxis);
        if (lo > hi) continue;
        const isNew = this.newIn(Math.max(slotFirst[i]!, lm.ctx.from * DAY_MS));
        addDays(lm.diff, r0, iv, n, lo, hi, this.exLo, this.exHi);
        const inM = Math.max(lo, mStart);
        if (inM > hi || !meets(iv, n, inM, hi)) continue;
        if (isNew) lm.new++;
        else lm.used++;
        if (charges) {
          charges.push({
            pool: 'tenant-license',
            license: lm.ctx.facts.id,
            status: isNew ? 'new' : 'used',
            units: isNew ? 0 : 1,
            rules: tenantChargeRules(isNew ? 'new' : 'used'),
          });
        }
      }
    }
    if (isVm && activeOnTenant && Math.floor(anyFirst / DAY_MS) - w.baseDay < mStart) acc.hostingUsedVms++;

    return charges && charges.length > 0 ? { id: m.id, charges } : null;
  }
}
