import { isAppError, type Diagnostic } from '../../core/app-error.js';
import { parseSafeXml } from '../xml/parse-safe-xml.js';
import {
  validateXmlSchema,
  validateXmlSchemaBatch,
  type XmlDocumentFile,
  type XmlSchemaSet,
} from '../xml/validate-xml-schema.js';
import { cycloneDxCapabilities } from './cyclonedx-capabilities.js';
import { readCycloneDxSchemaFile } from './cyclonedx-schema-files.js';
import type { CycloneDxVersion } from './cyclonedx-version.js';

/**
 * Validates CycloneDX XML against the official XSD of its version with libxml2 (WASM). Our own
 * safe parse runs first: a DOCTYPE, entity declaration or malformed markup is reported from
 * there (with its line) and the document never reaches xmllint.
 */
export async function validateCycloneDxXml(text: string, version: CycloneDxVersion): Promise<Diagnostic[]> {
  return wellFormedness(text) ?? (await validateXmlSchema(text, schemaSetFor(version)));
}

/** Many documents of one version in one libxml2 run; diagnostics by file name. */
export async function validateCycloneDxXmlFiles(
  files: readonly XmlDocumentFile[],
  version: CycloneDxVersion,
): Promise<Map<string, Diagnostic[]>> {
  const results = new Map<string, Diagnostic[]>();
  const wellFormed = files.filter((f) => {
    const problems = wellFormedness(f.contents);
    if (problems !== undefined) results.set(f.fileName, problems);
    return problems === undefined;
  });
  if (wellFormed.length > 0) {
    for (const [name, diagnostics] of await validateXmlSchemaBatch(wellFormed, schemaSetFor(version))) {
      results.set(name, diagnostics);
    }
  }
  return results;
}

function wellFormedness(text: string): Diagnostic[] | undefined {
  try {
    parseSafeXml(text);
    return undefined;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return [{ severity: 'error', path: error.location?.path ?? 'document', message: error.message }];
  }
}

const schemaSets = new Map<CycloneDxVersion, XmlSchemaSet>();

/** The version's XSD plus the SPDX XSD it imports by `schemaLocation="spdx.SNAPSHOT.xsd"`. */
function schemaSetFor(version: CycloneDxVersion): XmlSchemaSet {
  let set = schemaSets.get(version);
  if (set === undefined) {
    const xsdFile = cycloneDxCapabilities[version].xsdFile;
    set = {
      main: { fileName: xsdFile, contents: readCycloneDxSchemaFile(xsdFile) },
      imports: [{ fileName: 'spdx.SNAPSHOT.xsd', contents: readCycloneDxSchemaFile('spdx.SNAPSHOT.xsd') }],
    };
    schemaSets.set(version, set);
  }
  return set;
}
