import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The zod → OpenAPI transform, plus one addition: routes that take a raw document body
 * (SBOM uploads) declare `consumes` and no zod body, and are documented as a binary body
 * in each of those media types.
 */
export const openApiTransform: SwaggerTransform = (document) => {
  const result = jsonSchemaTransform(document);
  const source = document.schema as { consumes?: unknown; body?: unknown } | undefined;
  if (source !== undefined && Array.isArray(source.consumes) && source.body === undefined) {
    const schema = { ...(result.schema as Record<string, unknown>) };
    schema.body = { type: 'string', format: 'binary', description: 'The document, byte for byte.' };
    return { ...result, schema };
  }
  return result;
};
