import type { Component, Property } from '../../core/sbom.js';

/**
 * CycloneDX carries the FDA premarket guidance V.A.4 per-component fields as properties
 * (domain.md §8.4): the organization-defined `fda:levelOfSupport` and the CycloneDX
 * lifecycle taxonomy's `cdx:lifecycle:milestone:endOfSupport`.
 */
export const fdaPropertyNames = {
  levelOfSupport: 'fda:levelOfSupport',
  endOfSupportDate: 'cdx:lifecycle:milestone:endOfSupport',
} as const;

/** The FDA fields found among a component's properties, and the properties left over. */
export interface FdaFields {
  readonly levelOfSupport?: string;
  readonly endOfSupportDate?: string;
  readonly properties: readonly Property[];
}

/** Lifts the two FDA properties out of a property list (the first of each name wins). */
export function extractFdaFields(properties: readonly Property[]): FdaFields {
  let levelOfSupport: string | undefined;
  let endOfSupportDate: string | undefined;
  const rest: Property[] = [];
  for (const property of properties) {
    if (property.name === fdaPropertyNames.levelOfSupport && levelOfSupport === undefined) {
      levelOfSupport = property.value;
    } else if (property.name === fdaPropertyNames.endOfSupportDate && endOfSupportDate === undefined) {
      endOfSupportDate = property.value;
    } else {
      rest.push(property);
    }
  }
  return {
    properties: rest,
    ...(levelOfSupport === undefined ? {} : { levelOfSupport }),
    ...(endOfSupportDate === undefined ? {} : { endOfSupportDate }),
  };
}

/** The two FDA properties a writer adds for a component, in a fixed order. */
export function fdaPropertiesOf(component: Component): Property[] {
  const out: Property[] = [];
  if (component.levelOfSupport !== undefined) {
    out.push({ name: fdaPropertyNames.levelOfSupport, value: component.levelOfSupport });
  }
  if (component.endOfSupportDate !== undefined) {
    out.push({ name: fdaPropertyNames.endOfSupportDate, value: component.endOfSupportDate });
  }
  return out;
}
