import { artifactUri } from './artifact-uri.js';
import type { SarifFinding, SarifInput, SarifTool } from './sarif-input.js';
import type { SarifLog } from './sarif-log.js';
import { sarifResultOf, type SarifArtifact } from './sarif-result.js';
import { compareText, sarifRuleOf, sarifVulnerabilitiesOf } from './sarif-rules.js';
import { sarifLevelOf } from './sarif-severity.js';

/** The schema the log names: the OASIS SARIF 2.1.0 schema with errata 01. */
export const sarifSchemaUri =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * A scan as a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers: one run, one
 * rule per vulnerability, one result per finding, located in the scanned SBOM file. Pure and
 * deterministic: the same findings (in any order) give the same bytes.
 */
export function writeSarif(input: SarifInput, tool: SarifTool): string {
  return `${JSON.stringify(toSarifLog(input, tool), null, 2)}\n`;
}

export function toSarifLog(input: SarifInput, tool: SarifTool): SarifLog {
  const findings = [...input.findings].sort(compareFindings);
  const vulnerabilities = sarifVulnerabilitiesOf(findings);
  const ruleIndex = new Map(vulnerabilities.map((v, index) => [v.id, index]));
  const levels = new Map(vulnerabilities.map((v) => [v.id, sarifLevelOf(v.highestScore)]));
  const { sbom } = input.summary;
  const uri = artifactUri(sbom.file);
  const artifact: SarifArtifact | undefined = uri === undefined ? undefined : { uri, index: 0 };
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri === undefined ? {} : { informationUri: tool.informationUri }),
            rules: vulnerabilities.map(sarifRuleOf),
          },
        },
        ...(uri === undefined ? {} : { artifacts: [{ location: { uri }, roles: ['analysisTarget'] }] }),
        results: findings.map((finding) =>
          sarifResultOf({
            finding,
            ruleIndex: ruleIndex.get(finding.vulnerability.id) ?? -1,
            level: levels.get(finding.vulnerability.id) ?? 'note',
            artifact,
          }),
        ),
        properties: { sbom: { file: sbom.file, format: sbom.format, specVersion: sbom.specVersion } },
      },
    ],
  };
}

/** By vulnerability, then component, so output order never depends on the matcher's order. */
function compareFindings(a: SarifFinding, b: SarifFinding): number {
  return (
    compareText(a.vulnerability.id, b.vulnerability.id) ||
    compareText(a.component.purl ?? '', b.component.purl ?? '') ||
    compareText(a.component.name, b.component.name) ||
    compareText(a.component.version ?? '', b.component.version ?? '') ||
    compareText(a.evidence.componentRef, b.evidence.componentRef) ||
    compareText(a.evidence.record, b.evidence.record)
  );
}
