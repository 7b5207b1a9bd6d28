// /api/bodies: the bodies that file reports. Anyone may read them; an admin, or a supervisor inside its own
// region subtree or under its parent body, may add or change one (a change may not move a body out of it).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Body, Page } from '../../model/api.js';
import { actorOf } from '../context.js';
import { denied, notFound } from '../errors.js';
import { BodiesQuery, BodyPatch, IdParams, NewBody } from '../schemas.js';
import { BodyOut, PageOf } from '../response-schemas.js';

export const bodiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['bodies'];
  app.get('/bodies', { schema: { tags, querystring: BodiesQuery, response: { 200: PageOf(BodyOut) } } },
    async (req): Promise<Page<Body>> => {
      const { region, parent, level, q, limit, offset } = req.query;
      return app.store.listBodies({ region, parentId: parent, level, q, limit, offset });
    });

  app.get('/bodies/:id', { schema: { tags, params: IdParams, response: { 200: BodyOut } } },
    async (req): Promise<Body> => {
      const body = await app.store.getBody(req.params.id);
      if (!body) throw notFound(`no body ${req.params.id}`);
      return body;
    });

  app.post('/bodies', { schema: { tags, body: NewBody, response: { 201: BodyOut } } },
    async (req, reply): Promise<Body> => {
      const access = await req.access();
      if (!access.canWriteBody(req.body)) throw denied(access.signedIn, 'not allowed to add a body in this region');
      const [body] = await app.store.upsertBodies([req.body], actorOf(req));
      return reply.status(201).send(body);
    });

  app.patch('/bodies/:id', { schema: { tags, params: IdParams, body: BodyPatch, response: { 200: BodyOut } } },
    async (req): Promise<Body> => {
      const access = await req.access();
      const body = await app.store.getBody(req.params.id);
      if (!body) throw notFound(`no body ${req.params.id}`);
      // where the change would put it: still under the supervisor's region or parent body
      const target = { id: body.id, regionCode: req.body.regionCode ?? body.regionCode,
        parentId: req.body.parentId !== undefined ? req.body.parentId : body.parentId };
      if (!access.canWriteBody(body) || !access.canWriteBody(target)) throw denied(access.signedIn);
      return app.store.updateBody(body.id, req.body, actorOf(req));
    });
};
