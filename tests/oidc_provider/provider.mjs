// A real OpenID Connect provider for the tests (npm `oidc-provider` v9), on loopback only.
//
//   node provider.mjs <host> <redirect_uri>[,<redirect_uri>...]
//
// Two confidential clients share the redirect URIs: `jouw-omgeving` (the app) and
// `andere-client` (to obtain real ID tokens meant for someone else). PKCE is required.
// The login "form" asks only for a subject id (`sub`); consent is given automatically.
// When listening it prints one line: `READY <issuer>`. ES modules ignore NODE_PATH, so the
// package is imported from JO_NODE_MODULES (default: the project's .tools/node_modules).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const nodeModules = process.env.JO_NODE_MODULES
  ?? path.resolve(import.meta.dirname, '../../.tools/node_modules');
const { default: Provider } = await import(
  pathToFileURL(path.join(nodeModules, 'oidc-provider/lib/index.js')).href
);

const CLIENTS = {
  'jouw-omgeving': 'geheim-van-jouw-omgeving',
  'andere-client': 'geheim-van-andere-client',
};

const [host = '127.0.0.2', redirectArg = ''] = process.argv.slice(2);
const redirectUris = redirectArg.split(',').filter(Boolean);
if (redirectUris.length === 0) {
  console.error('usage: node provider.mjs <host> <redirect_uri>[,...]');
  process.exit(2);
}

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid, clientId) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Testprovider</title></head><body><main>
<h1>Testprovider: inloggen</h1><p>Client: ${escapeHtml(clientId)}</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="sub">Subject (sub)</label>
<input id="sub" name="sub" required autofocus>
<button type="submit">Doorgaan</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort">
<button type="submit">Annuleren</button>
</form></main></body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function interaction(provider, req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const { prompt, params, session } = details;
  if (action === 'abort') {
    const result = { error: 'access_denied', error_description: 'cancelled by the user' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (action === 'login' && req.method === 'POST') {
    const sub = (await readForm(req)).get('sub')?.trim();
    if (!sub) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('sub missing');
      return undefined;
    }
    return provider.interactionFinished(req, res, { login: { accountId: sub } });
  }
  if (prompt.name === 'consent') {
    // Consent is automatic: grant what the client asked for.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, params.client_id));
  return undefined;
}

const server = http.createServer();
server.listen(0, host, () => {
  const { port } = server.address();
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(issuer, {
    clients: Object.entries(CLIENTS).map(([clientId, secret]) => ({
      client_id: clientId,
      client_secret: secret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    pkce: { required: () => true },
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, found) => `/interaction/${found.uid}` },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    claims: { openid: ['sub'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `fout: ${out.error}: ${out.error_description ?? ''}`;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(req.url.split('?')[0]);
    if (!match) return callback(req, res);
    return interaction(provider, req, res, match[1], match[2]).catch((error) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`fout: ${error.message}`);
    });
  });
  console.log(`READY ${issuer}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
