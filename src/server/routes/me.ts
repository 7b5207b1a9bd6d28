// /api/me/tasks: the signed-in user's to-do list — reports to review, returned reports to fix, drafts, due dates
// approaching or passed, pending reports to assign — as the store computes it for the user's scope.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Task } from '../../model/api.js';
import { requireUser } from '../context.js';
import { TaskOut } from '../response-schemas.js';

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me/tasks', {
    schema: { tags: ['me'], summary: "the user's to-do list", response: { 200: Type.Array(TaskOut) } },
  },
    async (req): Promise<Task[]> => app.store.tasksFor(requireUser(req), app.config.today()));
};
