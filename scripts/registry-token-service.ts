// The token service of the test registry on 127.0.0.1:5001, as scripts/start-services.sh runs
// it: node scripts/run-ts.mjs scripts/registry-token-service.ts KEY.pem
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  startRegistryTokenService,
  type RegistryIdentity,
} from '../tests/emulators/registry-token-service.js';
import { TOKEN_REGISTRY } from '../tests/helpers/services.js';

const keyFile = process.argv[2];
if (!keyFile) {
  console.error('usage: node scripts/run-ts.mjs scripts/registry-token-service.ts KEY.pem');
  process.exit(2);
}
const identities = new Map<string, RegistryIdentity>([
  [TOKEN_REGISTRY.writerPassword, { subject: 'writer@acme-ml', actions: ['pull', 'push'] }],
  [TOKEN_REGISTRY.readerPassword, { subject: 'reader@acme-ml', actions: ['pull'] }],
]);
const tokenService = new URL(TOKEN_REGISTRY.tokenService);
const service = await startRegistryTokenService({
  privateKey: createPrivateKey(readFileSync(keyFile)),
  issuer: TOKEN_REGISTRY.issuer,
  host: tokenService.hostname,
  port: Number(tokenService.port),
  authenticate: (username, password) =>
    username === TOKEN_REGISTRY.username ? identities.get(password) : undefined,
});
console.log(`registry token service: realm ${service.realm}`);
