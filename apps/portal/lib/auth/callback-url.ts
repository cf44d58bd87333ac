/**
 * Only same-site paths may be a post-sign-in destination: "//evil.example" or "/\evil.example"
 * would otherwise turn the sign-in page into an open redirect.
 */
export function safeCallbackUrl(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return fallback;
  if (raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}
