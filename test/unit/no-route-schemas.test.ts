import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Fastify from 'fastify';

import { noRouteSchemas } from '../../src/http/no-route-schemas.js';

describe('the server compiles no route schemas', () => {
  it('answers routes without a schema', async () => {
    const app = Fastify({ schemaController: noRouteSchemas });
    app.post('/echo', async (request) => request.body);
    const response = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    assert.deepEqual(response.json(), { a: 1 });
  });

  it('refuses to start with a route that declares one, rather than leave it unchecked', async () => {
    const app = Fastify({ schemaController: noRouteSchemas });
    app.post('/checked', { schema: { body: { type: 'object' } } }, async () => 'ok');
    await assert.rejects(async () => app.ready(), /validate the request with zod/);
  });
});
