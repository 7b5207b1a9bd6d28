// buildApp: the HTTP API as one fastify instance over a Store — the plugins (cookies, CSRF, rate limit,
// multipart, OpenAPI), the request context, the one error envelope, a sub-app per resource under /api, and
// the built web app at / (with an SPA fallback). Listening is serve.ts's job; tests use app.inject.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Store } from '../store/types.js';
import { cookieOptions, installRequestContext, type ServerConfig } from './context.js';
import { ApiError, installErrorHandlers } from './errors.js';
import type { Importer } from './importer.js';
import { pipelineImporter } from './import-pipeline.js';
import { ErrorBody } from './schemas.js';
import { analysisRoutes } from './routes/analysis.js';
import { bodiesRoutes } from './routes/bodies.js';
import { exportsRoutes } from './routes/exports.js';
import { findingsRoutes } from './routes/findings.js';
import { healthRoutes } from './routes/health.js';
import { importsRoutes } from './routes/imports.js';
import { meRoutes } from './routes/me.js';
import { regionsRoutes } from './routes/regions.js';
import { reportsRoutes } from './routes/reports.js';
import { sessionRoutes } from './routes/session.js';
import { settingsRoutes } from './routes/settings.js';
import { usersRoutes } from './routes/users.js';
import { workflowRoutes } from './routes/workflow.js';
import { installWebApp } from './web-app.js';

export interface AppOptions {
  store: Store;
  logger?: FastifyServerOptions['logger'];
  /** the built web app (dist/web); when missing, / says the app is not built */
  webRoot?: string | null;
  /** bytes per uploaded file (GONGKAI_UPLOAD_MAX), default 50 MB */
  uploadMax?: number;
  /** login attempts per client per window */
  loginRateLimit?: { max: number; timeWindowMs: number };
  sessionTtlSeconds?: number;
  secureCookies?: boolean | 'auto';
  trustProxy?: boolean;
  today?: () => string;
  importer?: Importer;
  /** bytes of serialised report models kept for GET /api/reports/:id (default 48 MB; 0: none) */
  reportAnswerBudget?: number;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false,
    bodyLimit: 10 * 1024 * 1024 });
  const config: ServerConfig = {
    uploadMax: opts.uploadMax ?? 50 * 1024 * 1024,
    sessionTtlSeconds: opts.sessionTtlSeconds ?? 12 * 3600,
    secureCookies: opts.secureCookies ?? 'auto',
    today: opts.today ?? (() => new Date().toISOString().slice(0, 10)),
    importer: opts.importer ?? pipelineImporter,
    reportAnswerBudget: opts.reportAnswerBudget ?? 48 * 1024 * 1024,
  };
  app.decorate('store', opts.store);
  app.decorate('config', config);
  installErrorHandlers(app);

  await app.register(fastifyCookie);
  const { maxAge: _m, ...csrfCookie } = cookieOptions(config);
  await app.register(fastifyCsrf, { cookieKey: 'gongkai_csrf', cookieOpts: csrfCookie });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new ApiError('rate-limited', `too many attempts; retry in ${ctx.after}`),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadMax, files: 1000, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'gongkai API', version: '1', description: '政府信息公开工作年度报告：备案、审核、比对、汇总、排名' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gongkai_session' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installRequestContext(app);
  // every route documents the one error envelope (and fast-json-stringify writes errors by it)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const schema = (route.schema ??= {}) as { response?: Record<string, unknown> };
    schema.response = { '4xx': ErrorBody, '5xx': ErrorBody, ...(schema.response ?? {}) };
  });

  const limit = opts.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 };
  await app.register(async (api) => {
    await api.register(healthRoutes);
    await api.register(sessionRoutes, { loginRateLimit: limit });
    await api.register(meRoutes);
    await api.register(regionsRoutes);
    await api.register(bodiesRoutes);
    await api.register(reportsRoutes);
    await api.register(workflowRoutes);
    await api.register(findingsRoutes);
    await api.register(importsRoutes);
    await api.register(analysisRoutes);
    await api.register(exportsRoutes);
    await api.register(usersRoutes);
    await api.register(settingsRoutes);
  }, { prefix: '/api' });

  await installWebApp(app, opts.webRoot ?? null);
  return app;
}
