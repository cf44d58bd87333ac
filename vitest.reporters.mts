/**
 * Test reporters shared by every package: the console, plus a JSON file per package when
 * VCC_TEST_RESULTS names a folder (.ci/run sums those files into its closing line).
 */
import path from 'node:path';

export function reporters(name: string): (string | [string, Record<string, unknown>])[] {
  const dir = process.env.VCC_TEST_RESULTS;
  return dir ? ['default', ['json', { outputFile: path.join(dir, `${name}.json`) }]] : ['default'];
}
