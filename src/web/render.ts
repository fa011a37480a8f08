import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAllowed } from '#src/auth/policy.ts';
import { ROLE_LABELS } from '#src/auth/roles.ts';
import type { User } from '#src/auth/schema.ts';

export interface NavigationItem {
  href: string;
  text: string;
  active?: boolean;
}

/** The navigation a signed-in user sees: only the places their role may go. */
export function navigationFor(
  user: User | null,
  councilGss: string | undefined,
  currentPath: string,
): NavigationItem[] {
  const items: NavigationItem[] = [];
  if (!user) {
    items.push({ href: '/', text: 'Councils' });
    if (councilGss) {
      items.push({ href: `/councils/${councilGss}/powers`, text: 'Who holds power' });
      items.push({ href: `/councils/${councilGss}/plans`, text: 'Improvement' });
      items.push({ href: `/councils/${councilGss}/licensing`, text: 'Licensing' });
    }
    items.push({ href: '/sign-in', text: 'Sign in' });
  } else {
    items.push({ href: '/home', text: 'Home' });
    if (councilGss) {
      items.push({ href: `/councils/${councilGss}`, text: 'Council' });
      items.push({ href: `/councils/${councilGss}/powers`, text: 'Who holds power' });
      items.push({ href: `/councils/${councilGss}/plans`, text: 'Improvement' });
      items.push({ href: `/councils/${councilGss}/licensing`, text: 'Licensing' });
      if (isAllowed(user.role, 'ledger:view'))
        items.push({ href: `/councils/${councilGss}/ledger`, text: 'Ledger' });
    }
    if (isAllowed(user.role, 'ledger:verify'))
      items.push({ href: '/ledger/verify', text: 'Verify the record' });
  }
  return items.map((item) => ({ ...item, active: item.href === currentPath }));
}

/**
 * Renders a page in the GOV.UK layout with what every page needs: the signed-in
 * user, their council, the navigation, a CSRF token and the CSP nonce.
 */
export function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown> = {},
): FastifyReply {
  const user = request.user;
  const councilGss = request.council?.gssCode ?? request.userCouncil?.gssCode;
  const path = request.url.split('?')[0] ?? '/';
  return reply.type('text/html; charset=utf-8').view(template, {
    user,
    roleLabel: user ? ROLE_LABELS[user.role] : undefined,
    council: request.council,
    navigation: navigationFor(user, councilGss, path),
    csrfToken: reply.generateCsrf(),
    cspNonce: reply.cspNonce?.script,
    ...data,
  });
}
