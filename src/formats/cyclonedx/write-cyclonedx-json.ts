import type { Sbom } from '../../core/sbom.js';
import { toCycloneDxBom } from './to-cyclonedx-bom.js';

/** CycloneDX 1.6 JSON for an SBOM, two-space indented, valid against the 1.6 JSON schema. */
export function writeCycloneDxJson(sbom: Sbom): string {
  return `${JSON.stringify(toCycloneDxBom(sbom), null, 2)}\n`;
}
