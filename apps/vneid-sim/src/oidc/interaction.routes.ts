import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';

import type { CitizenRegistry } from '../citizens/citizen-registry';
import { SCOPE_CLAIMS } from './oidc-provider';
import { renderConsentPage, renderErrorPage, renderLoginPage } from './pages';

export interface InteractionRoutesOptions {
  /** Resolved per request: the provider exists only once the simulator knows its own URL. */
  provider: () => Provider;
  registry: CitizenRegistry;
  testPassword: string;
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;
type UidRequest = FastifyRequest<{ Params: { uid: string }; Body: Record<string, string> | undefined }>;

/**
 * The provider's user-facing steps: sign in as a test citizen, then consent to the requested claims.
 * oidc-provider tracks the interaction in a cookie; these routes render pages and hand the result back.
 */
export function interactionRoutes(app: FastifyInstance, options: InteractionRoutesOptions): void {
  const { registry, testPassword } = options;

  /** The interaction of this request, or null after answering with an error page (expired, wrong uid). */
  async function load(request: UidRequest, reply: FastifyReply): Promise<Interaction | null> {
    try {
      const interaction = await options.provider().interactionDetails(request.raw, reply.raw);
      if (interaction.uid === request.params.uid) return interaction;
    } catch (error) {
      request.log.debug({ err: error }, 'interaction not found');
    }
    await reply
      .code(400)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage('interaction_expired', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ.'));
    return null;
  }

  async function clientName(interaction: Interaction): Promise<string> {
    const clientId = param(interaction, 'client_id');
    const client = await options.provider().Client.find(clientId);
    return client?.clientName ?? clientId;
  }

  async function finish(
    request: UidRequest,
    reply: FastifyReply,
    result: InteractionResults,
    merge: boolean,
  ) {
    const url = await options
      .provider()
      .interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: merge });
    return reply.redirect(url, 303);
  }

  app.get('/interaction/:uid', async (request: UidRequest, reply) => {
    const interaction = await load(request, reply);
    if (!interaction) return reply;
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    if (interaction.prompt.name === 'login') {
      return renderLoginPage({
        uid: interaction.uid,
        clientName: await clientName(interaction),
        citizens: registry.all,
        testPassword,
      });
    }
    const subject = interaction.session?.accountId;
    const citizen = subject ? registry.findBySubject(subject) : undefined;
    const scopes = (param(interaction, 'scope') || 'openid').split(' ');
    return renderConsentPage({
      uid: interaction.uid,
      clientName: await clientName(interaction),
      citizenName: citizen?.fullName ?? '',
      claims: scopes.flatMap((scope) => [...(SCOPE_CLAIMS[scope as keyof typeof SCOPE_CLAIMS] ?? [])]),
    });
  });

  app.post('/interaction/:uid/login', async (request: UidRequest, reply) => {
    const interaction = await load(request, reply);
    if (!interaction) return reply;
    const citizenId = request.body?.['citizenId'] ?? '';
    const citizen = registry.authenticate(citizenId, request.body?.['password'] ?? '');
    if (!citizen) {
      return reply
        .code(401)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(
          renderLoginPage({
            uid: interaction.uid,
            clientName: await clientName(interaction),
            citizens: registry.all,
            testPassword,
            citizenId,
            error: 'Số định danh hoặc mật khẩu không đúng. Vui lòng kiểm tra và nhập lại.',
          }),
        );
    }
    return finish(request, reply, { login: { accountId: citizen.subject } }, false);
  });

  app.post('/interaction/:uid/confirm', async (request: UidRequest, reply) => {
    const interaction = await load(request, reply);
    if (!interaction) return reply;
    const provider = options.provider();
    const accountId = interaction.session?.accountId;
    if (interaction.prompt.name !== 'consent' || !accountId) {
      return reply.code(400).type('text/html; charset=utf-8').send(renderErrorPage('invalid_request', ''));
    }
    // The grant records what the citizen agreed to share; oidc-provider issues tokens for it.
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({ accountId, clientId: param(interaction, 'client_id') });
    if (!grant)
      return reply.code(400).type('text/html; charset=utf-8').send(renderErrorPage('invalid_grant', ''));
    const missing = interaction.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return finish(request, reply, { consent: interaction.grantId ? {} : { grantId } }, true);
  });

  app.post('/interaction/:uid/abort', async (request: UidRequest, reply) => {
    const interaction = await load(request, reply);
    if (!interaction) return reply;
    return finish(
      request,
      reply,
      { error: 'access_denied', error_description: 'Người dùng không đồng ý (the citizen declined)' },
      false,
    );
  });
}

/** A parameter of the authorization request behind an interaction ('' when absent). */
function param(interaction: Interaction, name: string): string {
  const value = interaction.params[name];
  return typeof value === 'string' ? value : '';
}
