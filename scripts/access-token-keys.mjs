#!/usr/bin/env node
// Prints a new Ed25519 key pair for access tokens as two .env lines: the gateway signs with
// ACCESS_TOKEN_SIGNING_KEY (private, the gateway's only), every other service verifies with
// ACCESS_TOKEN_VERIFY_KEY (public). For docker compose: `node scripts/access-token-keys.mjs >> .env`.
// Keep the private key out of version control and images, like RESIDENT_ID_SALT.
import { generateKeyPairSync } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/** A new pair as JWK strings: `{ signing, verify }`. */
export function newAccessTokenKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signing: JSON.stringify(privateKey.export({ format: 'jwk' })),
    verify: JSON.stringify(publicKey.export({ format: 'jwk' })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { signing, verify } = newAccessTokenKeyPair();
  // Single quotes: the JWKs are JSON, and .env files keep single-quoted values verbatim.
  process.stdout.write(`ACCESS_TOKEN_SIGNING_KEY='${signing}'\nACCESS_TOKEN_VERIFY_KEY='${verify}'\n`);
}
