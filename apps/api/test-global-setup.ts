import { ensureTestPostgres } from '@vcc/db/testing';

export default async function setup() {
  return ensureTestPostgres();
}
