export * from './postgres-server.js';
export * from './test-database.js';
