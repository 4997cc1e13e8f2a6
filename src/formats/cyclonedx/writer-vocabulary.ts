import { jsonSchemaFileOf } from './cyclonedx-capabilities.js';
import { readCycloneDxSchemaFile } from './cyclonedx-schema-files.js';
import { cycloneDxWriteVersion } from './cyclonedx-version.js';

/**
 * The closed vocabularies and patterns of the version the writers produce, taken from that
 * version's official JSON schema so writer and validator cannot drift apart.
 */
export interface WriterVocabulary {
  readonly componentTypes: ReadonlySet<string>;
  readonly hashAlgorithms: ReadonlySet<string>;
  readonly externalReferenceTypes: ReadonlySet<string>;
  readonly hashContent: RegExp;
  readonly serialNumber: RegExp;
}

let cached: WriterVocabulary | undefined;

export function writerVocabulary(): WriterVocabulary {
  cached ??= load();
  return cached;
}

interface SchemaExcerpt {
  readonly properties: { readonly serialNumber: { readonly pattern: string } };
  readonly definitions: {
    readonly component: { readonly properties: { readonly type: { readonly enum: string[] } } };
    readonly 'hash-alg': { readonly enum: string[] };
    readonly 'hash-content': { readonly pattern: string };
    readonly externalReference: { readonly properties: { readonly type: { readonly enum: string[] } } };
  };
}

function load(): WriterVocabulary {
  const file = jsonSchemaFileOf(cycloneDxWriteVersion);
  const schema = JSON.parse(readCycloneDxSchemaFile(file)) as SchemaExcerpt;
  const { definitions } = schema;
  return {
    componentTypes: new Set(definitions.component.properties.type.enum),
    hashAlgorithms: new Set(definitions['hash-alg'].enum),
    externalReferenceTypes: new Set(definitions.externalReference.properties.type.enum),
    hashContent: new RegExp(definitions['hash-content'].pattern),
    serialNumber: new RegExp(schema.properties.serialNumber.pattern),
  };
}
