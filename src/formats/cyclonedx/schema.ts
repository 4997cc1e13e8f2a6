/**
 * The CycloneDX 1.6 wire shape the writers produce (JSON property names; the XML writer maps
 * them onto the XSD's elements and attributes). Only what the neutral model can fill.
 */
export interface CdxBom {
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: string;
  readonly serialNumber?: string;
  readonly version: number;
  readonly metadata: CdxMetadata;
  readonly components: readonly CdxComponent[];
  readonly dependencies: readonly CdxDependency[];
  readonly properties?: readonly CdxProperty[];
}

export interface CdxMetadata {
  readonly timestamp?: string;
  readonly tools?: { readonly components: readonly CdxComponent[] };
  readonly authors?: readonly { readonly name: string }[];
  readonly component?: CdxComponent;
}

export interface CdxComponent {
  readonly type: string;
  readonly 'bom-ref'?: string;
  readonly supplier?: { readonly name: string };
  readonly group?: string;
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  readonly hashes?: readonly CdxHash[];
  readonly licenses?: readonly { readonly expression: string }[];
  readonly copyright?: string;
  readonly cpe?: string;
  readonly purl?: string;
  readonly externalReferences?: readonly CdxExternalReference[];
  readonly properties?: readonly CdxProperty[];
}

export interface CdxHash {
  readonly alg: string;
  readonly content: string;
}

export interface CdxProperty {
  readonly name: string;
  readonly value: string;
}

export interface CdxDependency {
  readonly ref: string;
  readonly dependsOn: readonly string[];
}

export interface CdxExternalReference {
  readonly type: string;
  readonly url: string;
  readonly comment?: string;
}
