/** R-RENTAL-VERSION: a rental tenant below the version gates keeps its machines on the SP license (info). */
import type { MachineFacts } from '../facts.js';
import type { EstateCtx, ServerCtx, TenantCtx } from './estate.js';
import { BLOCK_AGENT, BLOCK_SP_SERVER } from './rental.js';
import type { ViolationLog } from './violations.js';

export function rentalVersionViolations(
  estate: EstateCtx,
  tenant: TenantCtx,
  tooOld: { block: number; server: ServerCtx; machine: MachineFacts }[],
  log: ViolationLog,
): void {
  const g = estate.ruleset.rentalGates;
  const t = tenant.facts.id;
  for (const { block, server, machine } of tooOld) {
    if (block === BLOCK_SP_SERVER && estate.spTooOld) {
      const sp = estate.spTooOld;
      log.add(
        'RENTAL_VERSION_TOO_OLD',
        'info',
        { tenant: t, server: sp.id },
        `Tenant ${t} has a rental license, but SP backup server ${sp.id} runs ${sp.version}, below ${g.vbr} (9.5 Update 3), so its cloud backups are charged to the SP license; upgrade ${sp.id} (R-RENTAL-VERSION).`,
      );
    } else if (block === BLOCK_AGENT && machine.agent) {
      const gate =
        machine.agent.os === 'windows'
          ? `Agent for Windows ${g.agentWindows}`
          : `Agent for Linux ${g.agentLinux}`;
      log.add(
        'RENTAL_VERSION_TOO_OLD',
        'info',
        { tenant: t, server: server.id, machine: machine.id },
        `Tenant ${t}: machine ${machine.id} runs Veeam Agent ${machine.agent.version} for ${machine.agent.os}, below ${gate}, so its cloud backups are charged to the SP license despite the rental license on ${server.id}; upgrade the agent (R-RENTAL-VERSION).`,
      );
    } else {
      log.add(
        'RENTAL_VERSION_TOO_OLD',
        'info',
        { tenant: t, server: server.id },
        `Tenant ${t}: backup server ${server.id} runs ${server.known ? server.version : 'an unknown version'}, below ${g.vbr} (9.5 Update 3), so the cloud backups it makes under its rental license are charged to the SP license; upgrade ${server.id} (R-RENTAL-VERSION).`,
      );
    }
  }
}
