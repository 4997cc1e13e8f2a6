/** The four OSV event kinds, in the neutral model's spelling (`lastAffected` for `last_affected`). */
export type OsvEventKind = 'introduced' | 'fixed' | 'lastAffected' | 'limit';

/**
 * One OSV range event as input: either the neutral model's `{ kind, version }`
 * (src/core/vulnerability-affected-package.ts `RangeEvent`) or the OSV wire form
 * (`{ "introduced": "1.0.0" }`), so records can be evaluated before or after conversion.
 */
export type OsvEventInput =
  | { readonly kind: OsvEventKind; readonly version: string }
  | {
      readonly introduced?: string;
      readonly fixed?: string;
      readonly last_affected?: string;
      readonly limit?: string;
    };

/** An event read into one shape. */
export interface OsvEvent {
  readonly kind: OsvEventKind;
  readonly version: string;
}

/** Reads either input form; undefined for an event with no (or more than one) known field. */
export function readOsvEvent(event: OsvEventInput): OsvEvent | undefined {
  // Already in the neutral shape: used as it is (events are never modified), not copied.
  if ('kind' in event && typeof event.version === 'string') return event;
  const wire = event as Exclude<OsvEventInput, { kind: OsvEventKind }>;
  const found: OsvEvent[] = [];
  if (typeof wire.introduced === 'string') found.push({ kind: 'introduced', version: wire.introduced });
  if (typeof wire.fixed === 'string') found.push({ kind: 'fixed', version: wire.fixed });
  if (typeof wire.last_affected === 'string') found.push({ kind: 'lastAffected', version: wire.last_affected });
  if (typeof wire.limit === 'string') found.push({ kind: 'limit', version: wire.limit });
  return found.length === 1 ? found[0] : undefined;
}

/** The event as OSV writes it, for reasons: `fixed 1.2.4`, `last_affected 2.0`. */
export function showOsvEvent(event: OsvEvent): string {
  return `${event.kind === 'lastAffected' ? 'last_affected' : event.kind} ${event.version}`;
}

/**
 * OSV schema: `introduced: "0"` is before every version and `limit: "*"` after every version;
 * neither is a version of the ecosystem.
 */
export function isUnboundedEvent(event: OsvEvent): boolean {
  return (event.kind === 'introduced' && event.version === '0') || (event.kind === 'limit' && event.version === '*');
}

/** Tie order for events at equal versions: opening before closing, so `introduced X, fixed X` is empty. */
export const osvEventTieOrder: Readonly<Record<OsvEventKind, number>> = {
  introduced: 0,
  fixed: 1,
  lastAffected: 2,
  limit: 3,
};
