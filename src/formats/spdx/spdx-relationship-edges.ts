/**
 * Which SPDX relationships (SPDX 2.3 §11.1, Table 4) are dependency edges in the neutral model,
 * and in which direction. `forward`: "A <TYPE> B" means A depends on B; `reverse`: B depends on A.
 * Containment counts as dependency (a container image or archive needs what it contains), and so
 * do linking and prerequisites. Everything else (DESCRIBES, GENERATED_FROM, VARIANT_OF, COPY_OF,
 * TEST_OF, …) describes provenance or documentation, not dependency, and yields no edge.
 */
export const dependencyDirection: Readonly<Record<string, 'forward' | 'reverse'>> = {
  DEPENDS_ON: 'forward',
  CONTAINS: 'forward',
  DYNAMIC_LINK: 'forward',
  STATIC_LINK: 'forward',
  HAS_PREREQUISITE: 'forward',
  DEPENDENCY_OF: 'reverse',
  CONTAINED_BY: 'reverse',
  BUILD_DEPENDENCY_OF: 'reverse',
  DEV_DEPENDENCY_OF: 'reverse',
  OPTIONAL_DEPENDENCY_OF: 'reverse',
  PROVIDED_DEPENDENCY_OF: 'reverse',
  TEST_DEPENDENCY_OF: 'reverse',
  RUNTIME_DEPENDENCY_OF: 'reverse',
  OPTIONAL_COMPONENT_OF: 'reverse',
  PACKAGE_OF: 'reverse',
  PREREQUISITE_FOR: 'reverse',
};
