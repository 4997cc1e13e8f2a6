import { sarifFingerprintKey, sarifFingerprintOf } from './sarif-fingerprint.js';
import type { SarifFinding } from './sarif-input.js';
import type { SarifLevel, SarifLocation, SarifResult } from './sarif-log.js';

/** Where the SBOM sits in the run: its URI and its index in `run.artifacts`. */
export interface SarifArtifact {
  readonly uri: string;
  readonly index: number;
}

/** One finding as a SARIF result of its vulnerability's rule. */
export function sarifResultOf(input: {
  readonly finding: SarifFinding;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly artifact: SarifArtifact | undefined;
}): SarifResult {
  const { finding, artifact } = input;
  const { component, evidence } = finding;
  return {
    ruleId: finding.vulnerability.id,
    ruleIndex: input.ruleIndex,
    level: input.level,
    message: { text: messageOf(finding) },
    ...(artifact === undefined ? {} : { locations: [locationOf(finding, artifact)] }),
    partialFingerprints: { [sarifFingerprintKey]: sarifFingerprintOf(finding) },
    properties: {
      status: evidence.status,
      component: {
        ref: evidence.componentRef,
        name: component.name,
        version: component.version,
        purl: component.purl,
        cpe: component.cpe,
      },
      fixedVersions: finding.fixedVersions,
      evidence: { source: evidence.source, record: evidence.record, reason: evidence.reason },
    },
  };
}

/**
 * The SBOM file, with a region on its first line: GitHub code scanning refuses results
 * without `region.startLine`, and an SBOM gives no line for a component. The component
 * itself is the logical location.
 */
function locationOf(finding: SarifFinding, artifact: SarifArtifact): SarifLocation {
  const { component } = finding;
  return {
    physicalLocation: {
      artifactLocation: { uri: artifact.uri, index: artifact.index },
      region: { startLine: 1 },
    },
    logicalLocations: [
      {
        name: componentLabel(component),
        ...(component.purl === null ? {} : { fullyQualifiedName: component.purl }),
        kind: 'module',
      },
    ],
  };
}

/** The first sentence says what and where, as GitHub shows only it when space is short. */
function messageOf(finding: SarifFinding): string {
  const { component, vulnerability, evidence } = finding;
  const affected = evidence.status === 'affected';
  const summary = vulnerability.summary === null ? '' : ` (${withoutFinalStop(vulnerability.summary.trim())})`;
  const fixed =
    finding.fixedVersions.length === 0 ? 'No fixed version is known.' : `Fixed in ${finding.fixedVersions.join(', ')}.`;
  const status = affected
    ? 'Status: affected.'
    : 'Status: unknown-version: the version could not be compared with the advisory, check it by hand.';
  return [
    `${componentLabel(component)} ${affected ? 'is' : 'may be'} affected by ${vulnerability.id}${summary}.`,
    fixed,
    status,
    `Evidence: ${withoutFinalStop(evidence.reason)} (${evidence.source} record ${evidence.record}).`,
  ].join(' ');
}

function componentLabel(component: SarifFinding['component']): string {
  return component.version === null ? `${component.name} (version unknown)` : `${component.name}@${component.version}`;
}

function withoutFinalStop(text: string): string {
  return text.replace(/\.+$/, '');
}
