import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/**
 * Route schemas are zod; Fastify validates and serialises with them, and the
 * OpenAPI 3 document at /api/v1/openapi.json is generated from the same schemas.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fresh Start API',
        version: '1.0.0',
        description:
          'Read API of Fresh Start: councils, people in public roles and the ledger. Public records need no sign-in.',
      },
      servers: [],
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
