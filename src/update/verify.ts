/**
 * Signature and hash checks, with the browser's own WebCrypto: Ed25519 is native in Chromium
 * (137+), Firefox (129+) and Node (20), so no crypto code ships in the extension.
 */
import { decodeBase64, toHex } from './bytes';
import type { FeedEnvelope } from './feed-format';
import { failure, type UpdateFailure } from './status';

const ED25519 = { name: 'Ed25519' } as const;

export interface TrustedKey {
  /** First 8 bytes of SHA-256 of the raw public key, hex (matches the envelope's keyId). */
  id: string;
  key: CryptoKey;
}

/** Imports the bundled raw 32-byte public keys (base64). Throws when the browser lacks Ed25519. */
export async function importTrustedKeys(publicKeysBase64: readonly string[]): Promise<TrustedKey[]> {
  return Promise.all(
    publicKeysBase64.map(async (encoded) => {
      const raw = decodeBase64(encoded);
      if (!raw || raw.length !== 32) throw new Error('A feed public key is not 32 bytes of base64');
      const key = await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
      return { id: await keyIdOf(raw), key };
    }),
  );
}

export async function keyIdOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  return (await sha256Hex(rawPublicKey)).slice(0, 16);
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

export type VerifiedEnvelope = { ok: true; signedBytes: Uint8Array<ArrayBuffer> } | { ok: false; failure: UpdateFailure };

/**
 * Checks the envelope's signature against every trusted key (at most two during a rotation), so
 * the unsigned keyId can only change which reason is reported, never what is accepted.
 */
export async function verifyEnvelope(envelope: FeedEnvelope, trusted: readonly TrustedKey[]): Promise<VerifiedEnvelope> {
  const signedBytes = decodeBase64(envelope.signed);
  const signature = decodeBase64(envelope.signature);
  if (!signedBytes || !signature || signature.length !== 64) {
    return { ok: false, failure: failure('bad-envelope', 'The manifest envelope does not hold valid base64.') };
  }
  for (const { key } of trusted) {
    if (await crypto.subtle.verify(ED25519, key, signature, signedBytes)) return { ok: true, signedBytes };
  }
  if (!trusted.some((key) => key.id === envelope.keyId)) {
    return {
      ok: false,
      failure: failure('untrusted-key', `The manifest is signed by key ${envelope.keyId}, which this build does not trust.`),
    };
  }
  return { ok: false, failure: failure('bad-signature', 'The manifest signature does not verify: it was altered or signed wrongly.') };
}
