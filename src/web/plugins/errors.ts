import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import { renderPage } from '../render.ts';

const TITLES: Record<number, string> = {
  400: 'There is a problem with your request',
  401: 'You need to sign in',
  403: 'You cannot do this',
  404: 'Page not found',
  413: 'What you sent is too large',
  429: 'Too many requests',
  500: 'Sorry, there is a problem with the service',
};

/** The status and the message a person reads, for any error; never a stack trace. */
export function describeError(error: FastifyError | HttpError | Error): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message };
  const e = error as FastifyError;
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') {
    return {
      status: 403,
      message:
        'This form was not sent from this service or has expired. Go back, reload the page and try again.',
    };
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, message: 'What you sent is larger than this service accepts (100 KB).' };
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return { status: 415, message: 'Send forms as application/x-www-form-urlencoded.' };
  if (e.validation) {
    const where = e.validationContext ?? 'request';
    const details = e.validation.map(
      (v) => `${where}${v.instancePath.replaceAll('/', '.')}: ${v.message ?? 'is not valid'}`,
    );
    return { status: 400, message: details.join('; ') };
  }
  const status =
    typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  return {
    status,
    message: status === 500 ? 'Try again later. Nothing you sent has been changed.' : e.message,
  };
}

function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
): FastifyReply {
  reply.code(status);
  if (request.url.startsWith('/api/')) {
    return reply
      .type('application/problem+json')
      .send({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail: message });
  }
  return renderPage(request, reply, 'errors/error.njk', {
    status,
    title: TITLES[status] ?? 'There is a problem',
    message,
  });
}

/** GOV.UK error pages for pages, problem+json for the API; 5xx are logged with their stack, never shown. */
export async function registerErrorPages(app: FastifyInstance): Promise<void> {
  app.setNotFoundHandler((request, reply) =>
    respond(request, reply, 404, 'If you typed the web address, check it is correct.'),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, message } = describeError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else
      request.log.info({ status, code: (error as FastifyError).code, url: request.url }, 'request refused');
    return respond(request, reply, status, message);
  });
}
