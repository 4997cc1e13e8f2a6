/** What one child process reports about one measurement, as a JSON line on stdout. */
export interface Measurement {
  readonly mode: 'validate' | 'import';
  /** Wall time of the measured work in ms (validate: recognize + schema validation; import: importSbom, cold). */
  readonly ms: number;
  /** import only: a second importSbom of the same document in the same process (warm), ms. */
  readonly warmMs?: number;
  /** validate only: where the time goes, in ms (see ValidationPhases). */
  readonly phases?: ValidationPhases;
  /** import only: components the service reports as stored. */
  readonly components?: number;
  /** process.resourceUsage().maxRSS, KiB: the peak of this process only (import: right after the cold import). */
  readonly maxRssKiB: number;
  /** import only: maxRSS at the end, after the warm import too, KiB. */
  readonly warmMaxRssKiB?: number;
  /** maxRSS before the measured work (runtime, tsx loader, modules, the file's bytes), KiB. */
  readonly baselineRssKiB: number;
}

/**
 * The validation measurement split the way importSbom runs it: `ms` is recognize + compile +
 * schema (importSbom's validation step); `parse` is the reader's structural parse, which
 * validateSbom adds and importSbom does next, so it belongs to the import side.
 */
export interface ValidationPhases {
  /** recognizeSbom: decode bytes to text, detect format and version (JSON: the document's one JSON.parse). */
  readonly recognize: number;
  /**
   * One-off loading of the JSON-schema validator (the precompiled module, or ajv compilation
   * for versions without one), measured by validating an empty BOM first.
   */
  readonly schemaCompile: number;
  /** reader.validate: the ajv schema check of the document (recognizeSbom already parsed the JSON). */
  readonly schema: number;
  /** reader.parse: reading the parsed tree into the neutral model (purls, licenses, graph). */
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
