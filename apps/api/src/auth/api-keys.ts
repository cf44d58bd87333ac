/**
 * API keys: `vcc_<env>_` + 22 base62 characters (128 random bits) + a 6-character checksum, so that
 * a mistyped or truncated key is refused before any lookup. Only the SHA-256 of the whole key is
 * stored, with a short display part for people to tell keys apart.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 22;
const CHECK_LENGTH = 6;
const KEY_PATTERN = /^vcc_(live|test|dev)_([0-9A-Za-z]{28})$/;

function base62(bytes: Buffer, length: number): string {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
}

function checksum(prefix: string, body: string): string {
  return base62(createHash('sha256').update(`${prefix}${body}`).digest().subarray(0, 8), CHECK_LENGTH);
}

export function generateApiKey(env: string): { key: string; hash: Buffer; display: string } {
  const prefix = `vcc_${env}_`;
  const body = base62(randomBytes(17), BODY_LENGTH);
  const key = `${prefix}${body}${checksum(prefix, body)}`;
  return { key, hash: hashApiKey(key), display: displayOf(key) };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('vcc_');
}

/** Whether the key is well formed and its checksum holds (says nothing of whether it exists). */
export function isWellFormedApiKey(key: string): boolean {
  const m = KEY_PATTERN.exec(key);
  if (!m) return false;
  const prefix = `vcc_${m[1]}_`;
  const rest = m[2]!;
  return checksum(prefix, rest.slice(0, BODY_LENGTH)) === rest.slice(BODY_LENGTH);
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

function displayOf(key: string): string {
  return `${key.slice(0, key.indexOf('_', 4) + 5)}…${key.slice(-4)}`;
}
