import { createHash } from 'node:crypto';
import type { SarifFinding } from './sarif-input.js';

/** Versioned, so a later change of the identity string gets a new key instead of mismatching old alerts. */
export const sarifFingerprintKey = 'jointsecFinding/v1';

/**
 * The identity of a finding across scans: the component (its purl, else name@version) and
 * the vulnerability. Neither the SBOM's bom-ref (tools regenerate it) nor the file path (GitHub
 * adds that itself) take part, so re-generating the SBOM keeps its alerts.
 */
export function sarifFingerprintOf(finding: SarifFinding): string {
  const { component } = finding;
  const identity = component.purl ?? `${component.name}@${component.version ?? ''}`;
  return createHash('sha256').update(`${identity}\u0000${finding.vulnerability.id}`).digest('hex');
}
