import { describe, expect, it } from 'vitest';
import { canonicalMavenVersion, parseMavenVersion } from '../../../src/core/version/maven-comparable-version.js';

describe('Maven ComparableVersion parsing', () => {
  // Canonical forms as printed by Maven 3.8.7's `java -cp maven-artifact.jar …ComparableVersion`.
  const canonical: readonly [string, string][] = [
    ['1.0.0.Beta1', '1-beta-1'],
    ['1.0.0-beta-1', '1-beta-1'],
    ['1.0', '1'],
    ['1-1', '1-1'],
    ['1.0.0.X1', '1-x-1'],
    ['1.0.0-X2', '1-x-2'],
  ];
  for (const [input, output] of canonical) {
    it(`${input} -> ${output}`, () => {
      expect(canonicalMavenVersion(parseMavenVersion(input))).toBe(output);
    });
  }
});
