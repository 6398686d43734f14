/**
 * RS256 JSON Web Tokens with node:crypto only, for the Bot Connector stand-in.
 *
 * Both directions of Bot Framework authentication use RS256 JWTs:
 * - bot -> connector: an Entra ID access token from the client-credentials grant;
 * - connector -> bot: a token signed with a key from the Bot Framework JWKS.
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication,
 * "Bot to Connector / Connector to Bot: example JWT components": `alg: "RS256"`, `kid`, `x5t`.)
 */
import { createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from "node:crypto";

export type JwtClaims = Record<string, unknown>;

export interface JwtHeader {
  alg: string;
  typ?: string;
  kid?: string;
  x5t?: string;
  [key: string]: unknown;
}

/** An RSA key pair with the key id that goes into the JWT header and the JWKS. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A fresh 2048-bit RSA signing key with a random key id. */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid: base64url(randomBytes(20)), privateKey, publicKey };
}

/** The public half as a JWK, as JWKS documents publish it (`kty`, `n`, `e`, plus `kid`, `use`, `alg`). */
export function publicJwk(key: SigningKey): Record<string, unknown> {
  const jwk = key.publicKey.export({ format: "jwk" });
  // x5t is the certificate thumbprint in real JWKS documents; with no certificate here it repeats the kid,
  // as the header does (Microsoft's headers carry x5t equal to kid).
  return { kty: jwk.kty, use: "sig", kid: key.kid, x5t: key.kid, n: jwk.n, e: jwk.e, alg: "RS256" };
}

export function signJwt(claims: JwtClaims, key: SigningKey, extraHeader: Partial<JwtHeader> = {}): string {
  const header: JwtHeader = { alg: "RS256", typ: "JWT", kid: key.kid, x5t: key.kid, ...extraHeader };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign("sha256", Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

export interface DecodedJwt {
  header: JwtHeader;
  claims: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

/** Splits and decodes a compact JWT without checking anything; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [h, c, s] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as unknown;
    const claims = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as unknown;
    if (!isObject(header) || !isObject(claims) || typeof header.alg !== "string") return undefined;
    return { header: header as JwtHeader, claims, signingInput: `${h}.${c}`, signature: Buffer.from(s, "base64url") };
  } catch {
    return undefined;
  }
}

export interface VerifyOptions {
  /** Keys to try, by `kid`; a token whose kid is not among them fails. */
  keys: readonly { kid: string; publicKey: KeyObject }[];
  issuer: string;
  /** Accepted audiences (any one matches). */
  audience: string | readonly string[];
  /** Seconds of clock skew allowed on `exp` and `nbf`. */
  clockToleranceSeconds: number;
  nowSeconds?: number;
}

export type VerifyResult = { ok: true; claims: JwtClaims; header: JwtHeader } | { ok: false; reason: string };

/** Verifies signature (RS256 only), issuer, audience, expiry and not-before. */
export function verifyJwt(token: string, options: VerifyOptions): VerifyResult {
  const decoded = decodeJwt(token);
  if (!decoded) return { ok: false, reason: "not a JWT" };
  const { header, claims } = decoded;
  // Only the algorithm the metadata advertises (`id_token_signing_alg_values_supported: ["RS256"]`);
  // refusing everything else closes the `alg: none` / HS256-with-public-key tricks.
  if (header.alg !== "RS256") return { ok: false, reason: `algorithm ${header.alg} not accepted` };
  const key = options.keys.find((k) => k.kid === header.kid);
  if (!key) return { ok: false, reason: `no key with kid ${String(header.kid)}` };
  if (!verify("sha256", Buffer.from(decoded.signingInput), key.publicKey, decoded.signature)) {
    return { ok: false, reason: "bad signature" };
  }
  if (claims.iss !== options.issuer) return { ok: false, reason: `issuer ${String(claims.iss)} not accepted` };
  const audiences = typeof options.audience === "string" ? [options.audience] : options.audience;
  const tokenAudiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!tokenAudiences.some((a) => typeof a === "string" && audiences.includes(a))) {
    return { ok: false, reason: `audience ${JSON.stringify(claims.aud)} not accepted` };
  }
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== "number") return { ok: false, reason: "no exp claim" };
  if (claims.exp + options.clockToleranceSeconds <= now) return { ok: false, reason: "expired" };
  if (typeof claims.nbf === "number" && claims.nbf - options.clockToleranceSeconds > now) {
    return { ok: false, reason: "not yet valid" };
  }
  return { ok: true, claims, header };
}

/** A public key from a published JWK (for tests that verify against the JWKS document they fetched). */
export function publicKeyFromJwk(jwk: Record<string, unknown>): KeyObject {
  return createPublicKey({ key: { kty: "RSA", n: String(jwk.n), e: String(jwk.e) }, format: "jwk" });
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
