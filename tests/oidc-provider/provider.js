// A real OpenID Connect provider for the tests (oidc-provider, OpenID-certified), with the clients, roles, users and
// claim mappers of ops/keycloak/programtracker-realm.json: the realm file is read here, not copied, so the tests
// sign in the way the Keycloak realm would.
//
//   node provider.js --port 5001 --public-url http://127.0.0.1:5000 --web-secret s3cret --password demo-pass
//
// Prints "listening <issuer>" once it serves discovery. Sign-in checks the realm users' passwords; consent is not
// asked, as in the realm (consentRequired false). Everything is in memory and dies with the process.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'public-url': { type: 'string' },
    'web-secret': { type: 'string' },
    password: { type: 'string' },
    realm: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'ops', 'keycloak', 'programtracker-realm.json') },
  },
});
for (const name of ['port', 'public-url', 'web-secret', 'password']) {
  if (!args[name]) throw new Error(`--${name} is required`);
}
const issuer = `http://127.0.0.1:${args.port}`;

// The realm's placeholders, filled as docker-compose fills them for Keycloak.
const variables = {
  PROGRAMTRACKER_PUBLIC_URL: args['public-url'].replace(/\/$/, ''),
  PROGRAMTRACKER_WEB_CLIENT_SECRET: args['web-secret'],
  PROGRAMTRACKER_DEMO_PASSWORD: args.password,
};
const fill = (text) => text.replace(/\$\{(\w+)\}/g, (_, name) => {
  if (!(name in variables)) throw new Error(`the realm uses \${${name}}, which this provider does not know`);
  return variables[name];
});
const realm = JSON.parse(fill(readFileSync(args.realm, 'utf8')));

// A bearer-only client is a resource server: the API, whose audience its access tokens carry.
const resourceServers = realm.clients.filter((c) => c.bearerOnly).map((c) => c.clientId);
const resourceIndicator = (clientId) => `urn:keycloak:client:${clientId}`;

const signingClients = realm.clients.filter((c) => c.enabled && !c.bearerOnly && c.standardFlowEnabled);
const clients = signingClients.map((c) => ({
  client_id: c.clientId,
  client_name: c.name,
  ...(c.publicClient ? { token_endpoint_auth_method: 'none' } : { client_secret: c.secret, token_endpoint_auth_method: 'client_secret_post' }),
  redirect_uris: c.redirectUris,
  post_logout_redirect_uris: (c.attributes?.['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean),
  grant_types: ['authorization_code'],
  response_types: ['code'],
}));

// The web client's protocol mappers: realm roles and user attributes become claims of the ID token, the userinfo
// answer and the access token; the audience mapper names the API in the access token.
const mappers = signingClients.flatMap((c) => c.protocolMappers ?? []);
// Keycloak gives every user of an imported realm its composite default role, and the role mapper emits the
// effective roles: these come along with the realm roles the users are given.
const defaultRoles = [`default-roles-${realm.realm}`, 'offline_access', 'uma_authorization'];
const claimsOf = (user) => {
  const claims = {
    sub: user.username,
    preferred_username: user.username,
    name: [user.firstName, user.lastName].filter(Boolean).join(' '),
    given_name: user.firstName,
    family_name: user.lastName,
    email: user.email,
    email_verified: user.emailVerified,
  };
  for (const mapper of mappers) {
    const { config } = mapper;
    if (mapper.protocolMapper === 'oidc-usermodel-realm-role-mapper') {
      claims[config['claim.name']] = [...defaultRoles, ...(user.realmRoles ?? [])];
    } else if (mapper.protocolMapper === 'oidc-usermodel-attribute-mapper') {
      const values = user.attributes?.[config['user.attribute']];
      if (values?.length) claims[config['claim.name']] = config.multivalued === 'true' ? values : values[0];
    }
  }
  return claims;
};
const mappedClaims = [...new Set(mappers.map((m) => m.config?.['claim.name']).filter(Boolean))];
const apiAudiences = mappers.filter((m) => m.protocolMapper === 'oidc-audience-mapper').map((m) => m.config['included.client.audience']);

const users = new Map(realm.users.filter((u) => u.enabled).map((u) => [u.username, u]));

const provider = new Provider(issuer, {
  clients,
  // Keycloak's default client scopes (profile, email) come with every sign-in whatever the client asks for, and the
  // mappers' claims with them: here they all come with openid.
  claims: {
    openid: ['sub', ...mappedClaims, 'name', 'given_name', 'family_name', 'preferred_username', 'email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    email: ['email', 'email_verified'],
  },
  scopes: ['openid', 'profile', 'email'],
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: [args['web-secret']] },
  async findAccount(ctx, sub) {
    const user = users.get(sub);
    return user && { accountId: sub, claims: async () => claimsOf(user) };
  },
  // No consent screen: the realm's clients are first party (consentRequired false).
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email');
    grant.addOIDCClaims(mappedClaims);
    for (const server of resourceServers) grant.addResourceScope(resourceIndicator(server), 'openid profile email');
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true },
    // An access token asked for with resource=urn:keycloak:client:programtracker-api is a JWT for the API, carrying
    // the mapped claims as Keycloak's does; without it the access token is for userinfo, as the web client uses it.
    resourceIndicators: {
      enabled: true,
      defaultResource: async (ctx, client, oneOf) => oneOf,
      useGrantedResource: async () => false,
      getResourceServerInfo: async (ctx, indicator) => {
        const server = resourceServers.find((s) => resourceIndicator(s) === indicator);
        if (!server || !apiAudiences.includes(server)) throw new Provider.errors.InvalidTarget();
        return { scope: 'openid profile email', audience: server, accessTokenFormat: 'jwt', accessTokenTTL: 600 };
      },
    },
  },
  // The API's access token carries what the realm's mappers put in Keycloak's: name, email, roles, person_id, agreements.
  async extraTokenClaims(ctx, token) {
    const user = token.kind === 'AccessToken' && token.aud ? users.get(token.accountId) : undefined;
    if (!user) return undefined;
    const { sub, ...claims } = claimsOf(user);
    return claims;
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
});
provider.proxy = false;
// One line per code issued, with what the client asked for (a pushed request resolved): tests read it.
provider.on('authorization.success', (ctx) => {
  const { client_id, response_type, scope, code_challenge_method } = ctx.oidc.params;
  console.log(`authorized ${JSON.stringify({ client_id, response_type, scope, code_challenge_method })}`);
});

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

// The sign-in page: the realm users' usernames and passwords.
async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (details.prompt.name !== 'login') throw new Error(`unexpected prompt ${details.prompt.name}`);
  let failed = false;
  if (req.method === 'POST') {
    const form = await readForm(req);
    const user = users.get(form.get('username') ?? '');
    const password = user?.credentials?.find((c) => c.type === 'password')?.value;
    if (user && password !== undefined && form.get('password') === password) {
      await provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
      return;
    }
    failed = true;
  }
  res.writeHead(failed ? 401 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page('Sign in to ProgramTracker', `${failed ? '<p role="alert" id="error">Invalid username or password.</p>' : ''}
    <form method="post" action="/interaction/${escape(uid)}">
      <label for="username">Username</label> <input id="username" name="username" autocomplete="username" required>
      <label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit" id="sign-in">Sign in</button>
    </form>`));
}

const callback = provider.callback();
const server = createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return callback(req, res);
  interaction(req, res, match[1]).catch((error) => {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`interaction failed: ${error.message}`);
  });
});
server.listen(Number(args.port), '127.0.0.1', () => console.log(`listening ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
