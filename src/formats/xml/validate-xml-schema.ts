import type { Diagnostic } from '../../core/app-error.js';
import { assertSafeXml } from './assert-safe-xml.js';

/** An XSD and the schemas it imports by relative `schemaLocation`, as file name + contents. */
export interface XmlSchemaSet {
  readonly main: XmlSchemaFile;
  readonly imports: readonly XmlSchemaFile[];
}

export interface XmlSchemaFile {
  readonly fileName: string;
  readonly contents: string;
}

/** One document of a batch, named so that diagnostics can be attributed to it. */
export interface XmlDocumentFile {
  readonly fileName: string;
  readonly contents: string;
}

/**
 * Validates a document against an XSD with libxml2 (xmllint-wasm). Runs `assertSafeXml`
 * first: xmllint would otherwise read the DTD. Imported schemas are preloaded into the WASM
 * file system under their file names, which is how `xs:import schemaLocation` finds them.
 * Returns one error diagnostic per libxml2 message, with its line.
 */
export async function validateXmlSchema(xml: string, schemas: XmlSchemaSet): Promise<Diagnostic[]> {
  const results = await validateXmlSchemaBatch([{ fileName: singleName, contents: xml }], schemas);
  return results.get(singleName) ?? [];
}

/**
 * Validates many documents in one libxml2 run (the schema is compiled once), returning the
 * diagnostics per file name. Every document goes through `assertSafeXml` first.
 */
export async function validateXmlSchemaBatch(
  documents: readonly XmlDocumentFile[],
  schemas: XmlSchemaSet,
): Promise<Map<string, Diagnostic[]>> {
  for (const d of documents) assertSafeXml(d.contents);
  const xmllint = (await import('xmllint-wasm')) as unknown as XmlLintModule;
  const result = await xmllint.validateXML(xmllintOptions(documents, schemas));
  return toDiagnostics(documents, result);
}

const singleName = 'document.xml';

interface XmlLintResult {
  readonly valid: boolean;
  readonly errors: readonly {
    readonly message: string;
    readonly loc: { readonly fileName: string; readonly lineNumber: number } | null;
  }[];
}

interface XmlLintModule {
  validateXML(options: unknown): Promise<XmlLintResult>;
}

function xmllintOptions(documents: readonly XmlDocumentFile[], schemas: XmlSchemaSet): unknown {
  return {
    xml: documents.map((d) => ({ fileName: d.fileName, contents: d.contents })),
    schema: schemas.main,
    preload: schemas.imports,
    // libxml2 in WASM starts at 16 MiB; large SBOMs need room (64 KiB pages, here up to 2 GiB).
    maxMemoryPages: 32768,
  };
}

function toDiagnostics(documents: readonly XmlDocumentFile[], result: XmlLintResult): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>(documents.map((d) => [d.fileName, []]));
  const failed = new Set<string>();
  for (const e of result.errors) {
    const summary = / fails to validate$/.exec(e.message);
    if (e.loc === null) {
      const name = summary === null ? undefined : e.message.slice(0, summary.index);
      if (name !== undefined && byFile.has(name)) failed.add(name);
      else for (const list of byFile.values()) list.push({ severity: 'error', path: 'document', message: e.message });
      continue;
    }
    byFile.get(e.loc.fileName)?.push({ severity: 'error', path: `line ${e.loc.lineNumber}`, message: e.message });
  }
  for (const name of failed) {
    const list = byFile.get(name);
    if (list !== undefined && list.length === 0) {
      list.push({
        severity: 'error',
        path: 'document',
        message: 'the document does not validate against the XML schema',
      });
    }
  }
  return byFile;
}
