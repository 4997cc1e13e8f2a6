import { describe, expect, it } from 'vitest';
import { cvssSeverity } from '../../../src/core/cvss/cvss-severity.js';

describe('cvssSeverity', () => {
  it.each([
    [0, 'NONE'],
    [0.1, 'LOW'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [8.9, 'HIGH'],
    [9, 'CRITICAL'],
    [10, 'CRITICAL'],
  ] as const)('v3.1 and v4.0 rate %d as %s, v3.0 the same', (score, severity) => {
    expect(cvssSeverity(score, '3.1')).toBe(severity);
    expect(cvssSeverity(score, '3.0')).toBe(severity);
    expect(cvssSeverity(score, '4.0')).toBe(severity);
  });

  it.each([
    [0, 'LOW'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [9.3, 'HIGH'],
    [10, 'HIGH'],
  ] as const)('v2 rates %d as %s (NVD bands: no None, no Critical)', (score, severity) => {
    expect(cvssSeverity(score, '2.0')).toBe(severity);
  });
});
