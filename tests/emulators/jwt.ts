/**
 * RS256 JWTs and JWKS with node:crypto only: enough to mint GitHub OIDC and Google ID tokens and
 * to verify them the way a relying party (STS, a test) would.
 */
import {
  createPublicKey,
  generateKeyPair,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

const generateRsaKeyPair = promisify(generateKeyPair);

/** One RSA public key as published in a JWKS (RFC 7517). */
export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export interface Jwks {
  keys: PublicJwk[];
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: PublicJwk;
}

export type JwtHeader = { alg: string; typ?: string; kid?: string } & Record<string, unknown>;
export type JwtClaims = Record<string, unknown>;

export async function generateSigningKey(
  kid = randomBytes(10).toString('hex'),
): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const exported = publicKey.export({ format: 'jwk' });
  if (typeof exported.n !== 'string' || typeof exported.e !== 'string')
    throw new Error('RSA public key did not export n/e');
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { kty: 'RSA', n: exported.n, e: exported.e, kid, alg: 'RS256', use: 'sig' },
  };
}

function b64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(
  claims: JwtClaims,
  key: SigningKey,
  header: Partial<JwtHeader> = {},
): string {
  const fullHeader = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...header };
  const signingInput = `${b64urlJson(fullHeader)}.${b64urlJson(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

export interface DecodedJwt {
  header: JwtHeader;
  claims: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse without verifying; undefined when it is not a compact JWS with JSON header and claims. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, c, s] = parts as [string, string, string];
  try {
    const header: unknown = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(claims) || typeof header.alg !== 'string') return undefined;
    return {
      header: header as JwtHeader,
      claims,
      signingInput: `${h}.${c}`,
      signature: Buffer.from(s, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

export type SignatureCheck =
  | { ok: true; header: JwtHeader; claims: JwtClaims }
  | {
      ok: false;
      reason: 'malformed' | 'unsupported-alg' | 'unknown-kid' | 'bad-signature';
      detail: string;
    };

/**
 * Check the signature against a JWKS. Only RS256 is accepted: `none`/HS256 tokens are the classic
 * forgeries a verifier must refuse.
 */
export function verifyJwtSignature(token: string, jwks: Jwks): SignatureCheck {
  const decoded = decodeJwt(token);
  if (!decoded) return { ok: false, reason: 'malformed', detail: 'not a well-formed JWT' };
  const { header, claims, signingInput, signature } = decoded;
  if (header.alg !== 'RS256')
    return { ok: false, reason: 'unsupported-alg', detail: `unsupported alg "${header.alg}"` };
  const jwk =
    jwks.keys.find((key) => key.kid === header.kid) ??
    (header.kid === undefined && jwks.keys.length === 1 ? jwks.keys[0] : undefined);
  if (!jwk)
    return { ok: false, reason: 'unknown-kid', detail: `no key with kid "${String(header.kid)}"` };
  const publicKey = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' });
  if (!verify('sha256', Buffer.from(signingInput), publicKey, signature))
    return { ok: false, reason: 'bad-signature', detail: 'signature does not match the key' };
  return { ok: true, header, claims };
}

/** `aud` may be a string or an array (RFC 7519 §4.1.3). */
export function audiences(claims: JwtClaims): string[] {
  const { aud } = claims;
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string');
  return [];
}
