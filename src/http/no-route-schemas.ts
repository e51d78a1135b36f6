import type { FastifyServerOptions } from 'fastify';

/**
 * Routes validate their input with zod and declare no Fastify `schema`, so Fastify's default
 * schema compilers (Ajv and fast-json-stringify, over a hundred modules) would be loaded at every
 * start and never run. These stand-ins keep them out of the process (idle memory, issue 12); a
 * route that declares a schema makes the server fail to start instead of going unchecked.
 * https://fastify.dev/docs/latest/Reference/Server/#schemacontroller
 */
export const noRouteSchemas: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: { buildValidator: refuseSchemas, buildSerializer: refuseSchemas },
};

function refuseSchemas(): never {
  throw new Error('route schemas are not compiled here: validate the request with zod');
}
