import express, { type Express } from 'express';
import supertest from 'supertest';
import { createHooks } from '../../src/hooks';
import type { Hooks } from '../../src/hooks/types';
import type { Logger } from '../../src/host/types';
import { createRestServer } from '../../src/rest';
import type { RestRouterOptions, RestServer, SiteInfo } from '../../src/rest/types';
import type { CurrentUser } from '../../src/auth/types';

export interface RestTestApp {
  app: Express;
  rest: RestServer;
  hooks: Hooks;
  /** Everything logged at error level. */
  errors: Array<{ message: string; fields?: Record<string, unknown> }>;
  http: ReturnType<typeof supertest>;
}

export const TEST_SITE: SiteInfo = {
  name: 'Test Shop',
  description: 'Just another store',
  url: 'http://shop.test',
  home: 'http://shop.test',
  gmt_offset: '0',
  timezone_string: '',
};

/** A bare Express app serving a fresh REST server (no database); register routes on `rest` before requests. */
export function createRestTestApp(routerOptions: Partial<RestRouterOptions> = {}): RestTestApp {
  const hooks = createHooks();
  const errors: RestTestApp['errors'] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message, fields) => {
      errors.push({ message, fields });
    },
  };
  const rest = createRestServer({ hooks, logger, siteInfo: async () => TEST_SITE });
  const app = express();
  app.disable('x-powered-by');
  app.use(rest.router({ trustProxy: false, homeUrl: null, ...routerOptions }));
  return { app, rest, hooks, errors, http: supertest(app) };
}

/** An authenticator that logs in as an administrator when the request carries `Authorization: Bearer admin`. */
export function bearerAdmin(rest: RestServer): void {
  rest.addAuthenticator(async (request) => {
    if (request.header('authorization') === 'Bearer admin') request.user = ADMIN;
  });
}

export const ADMIN: CurrentUser = {
  id: 1,
  login: 'admin',
  email: 'admin@example.com',
  roles: ['administrator'],
  allcaps: { administrator: true, list_users: true },
};

/** Permission callback: logged-in users only. */
export const loggedIn = (request: { user: CurrentUser | null }): boolean => request.user !== null;
