import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';

/**
 * The secret shared with the portal. Production must set VCC_API_SECRET; elsewhere a random one is
 * made for this process (`vcc start` passes the same one to the portal it starts).
 */
export function resolveSecret(config: Config): string {
  if (config.VCC_API_SECRET) return config.VCC_API_SECRET;
  if (config.NODE_ENV === 'production')
    throw new Error('VCC_API_SECRET must be set in production (32 characters or more)');
  const generated = randomBytes(32).toString('base64url');
  process.env.VCC_API_SECRET = generated;
  return generated;
}
