/** The SARIF 2.1.0 wire shape the writer produces (the subset of the schema it fills). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

export interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly artifacts?: readonly {
    readonly location: SarifArtifactLocation;
    readonly roles: readonly string[];
    readonly properties?: SarifProperties;
  }[];
  readonly results: readonly SarifResult[];
  readonly properties?: SarifProperties;
}

export interface SarifDriver {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
  readonly rules: readonly SarifRule[];
}

export interface SarifRule {
  readonly id: string;
  readonly shortDescription: SarifMultiformatMessage;
  readonly fullDescription?: SarifMultiformatMessage;
  readonly helpUri?: string;
  readonly help?: SarifMultiformatMessage;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: SarifProperties;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations?: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly properties: SarifProperties;
}

export interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: SarifArtifactLocation;
    readonly region: { readonly startLine: number };
  };
  readonly logicalLocations: readonly {
    readonly name: string;
    readonly fullyQualifiedName?: string;
    readonly kind: string;
  }[];
}

export interface SarifArtifactLocation {
  readonly uri: string;
  readonly index?: number;
}

export interface SarifMultiformatMessage {
  readonly text: string;
  readonly markdown?: string;
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

/** A SARIF property bag: `tags` plus anything JSON. */
export type SarifProperties = Readonly<Record<string, unknown>> & { readonly tags?: readonly string[] };
