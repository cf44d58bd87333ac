import { ensureTestPostgres } from './src/testing/postgres-server.js';

export default async function setup() {
  return ensureTestPostgres();
}
