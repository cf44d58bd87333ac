export * from './client.js';
export * from './migrate.js';
export * from './scope.js';
export * as schema from './schema/index.js';
