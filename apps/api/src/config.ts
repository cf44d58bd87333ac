/** The API's configuration, read once from the environment and checked. */
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  /** Signs the short-lived tokens the portal passes for its signed-in users. */
  VCC_API_SECRET: z.string().min(32).optional(),
  /** The `<env>` part of new API keys: `vcc_live_…`, `vcc_test_…`. */
  VCC_KEY_ENV: z.enum(['live', 'test', 'dev']).default('live'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per minute per API key (or user), and per client address. */
  RATE_LIMIT_PER_KEY: z.coerce.number().int().min(1).default(6000),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(12000),
  DATABASE_URL: z.string().optional(),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
