export * from './client.js';
export * from './estate/import-scenario.js';
export * from './migrate.js';
export * from './rows.js';
export * as schema from './schema/index.js';
export * from './scope.js';
export * from './seed/seed-estate.js';
export * from './seed/synthetic-estate.js';
export * from './usage/record-restore-points.js';
