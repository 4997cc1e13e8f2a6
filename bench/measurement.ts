/** What one child process reports about one measurement, as a JSON line on stdout. */
export interface Measurement {
  readonly mode: 'validate' | 'import';
  /** Wall time of the measured work in ms (validate: recognize + schema validation; import: importSbom). */
  readonly ms: number;
  /** validate only: where the time goes, in ms (see ValidationPhases). */
  readonly phases?: ValidationPhases;
  /** import only: components the service reports as stored. */
  readonly components?: number;
  /** process.resourceUsage().maxRSS at the end, KiB: the peak of this process only. */
  readonly maxRssKiB: number;
  /** maxRSS before the measured work (runtime, tsx loader, modules, the file's bytes), KiB. */
  readonly baselineRssKiB: number;
}

/**
 * The validation measurement split the way importSbom runs it: `ms` is recognize + compile +
 * schema (importSbom's validation step); `parse` is the reader's structural parse, which
 * validateSbom adds and importSbom does next, so it belongs to the import side.
 */
export interface ValidationPhases {
  /** recognizeSbom: decode bytes to text and detect format and version. */
  readonly recognize: number;
  /** One-off compilation of the JSON schema (measured by validating an empty BOM first). */
  readonly schemaCompile: number;
  /** reader.validate: JSON.parse plus the ajv schema check of the document. */
  readonly schema: number;
  /** reader.parse: JSON.parse plus reading into the neutral model (purls, licenses, graph). */
  readonly parse: number;
}

/** The command line of `bench/import-once.ts`. */
export interface MeasurementRequest {
  readonly mode: Measurement['mode'];
  readonly file: string;
  /** SQLite file path or postgres:// URL; import only. */
  readonly location?: string;
}

export function requestArgs(request: MeasurementRequest): string[] {
  return [request.mode, request.file, ...(request.location === undefined ? [] : [request.location])];
}

export function parseRequestArgs(args: readonly string[]): MeasurementRequest {
  const [mode, file, location] = args;
  if ((mode !== 'validate' && mode !== 'import') || file === undefined || (mode === 'import' && !location)) {
    throw new Error('usage: import-once.ts validate FILE | import FILE LOCATION');
  }
  return { mode, file, ...(location === undefined ? {} : { location }) };
}
