import type { FastifyRequest } from 'fastify';
import type { User } from '#src/auth/schema.ts';
import type { Council } from '#src/modules/councils/schema.ts';
import { HttpError } from './errors.ts';

/** The signed-in user of a route that names an action (the authorisation hook guarantees one). */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new HttpError(401, 'Sign in to continue.');
  return request.user;
}

/** The council of a `/councils/:gss` route (the authorisation hook has found it). */
export function currentCouncil(request: FastifyRequest): Council {
  if (!request.council) throw new HttpError(404, 'Council not found.');
  return request.council;
}
