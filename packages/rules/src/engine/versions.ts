/** Build numbers compared numerically part by part (contracts.md §1): `9.5.0.1038` < `9.5.0.1536`; missing parts are 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number(pa[i] ?? 0) || 0;
    const y = Number(pb[i] ?? 0) || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function atLeast(version: string, gate: string): boolean {
  return compareVersions(version, gate) >= 0;
}
