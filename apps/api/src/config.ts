/** The API's configuration, read once from the environment and checked. */
import { z } from 'zod';

const schema = z
  .object({
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
    /** An OpenID Connect provider users may sign in with (identity-provider.ts): both or neither. */
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** "<sp external id>/<tenant external id>": the provider is that tenant's, for its users only. */
    OIDC_TENANT: z
      .string()
      .regex(/^[^/]+\/[^/]+$/, 'expected "<sp external id>/<tenant external id>"')
      .optional(),
  })
  .refine((c) => !c.OIDC_ISSUER === !c.OIDC_CLIENT_ID, {
    message: 'OIDC_ISSUER and OIDC_CLIENT_ID go together',
    path: ['OIDC_CLIENT_ID'],
  })
  .refine((c) => !c.OIDC_TENANT || c.OIDC_ISSUER, {
    message: 'OIDC_TENANT needs OIDC_ISSUER',
    path: ['OIDC_TENANT'],
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
