/**
 * The publisher's side of the feed: key pairs and signing, with WebCrypto so the same code runs
 * in Node (the publish and keygen scripts) and in tests. Never imported by the extension.
 */
import { decodeBase64, encodeBase64, utf8 } from './bytes';
import {
  FEED_FORMAT,
  FEED_FORMAT_VERSION,
  datasetFileName,
  serializeFeedManifest,
  type FeedEnvelope,
  type FeedManifest,
} from './feed-format';
import { keyIdOf, sha256Hex } from './verify';

const ED25519 = { name: 'Ed25519' } as const;
const PEM_LABEL = 'PRIVATE KEY';

export interface SigningKey {
  privateKey: CryptoKey;
  /** Raw 32-byte public key, base64: the value of EVLENS_FEED_PUBLIC_KEY. */
  publicKey: string;
  keyId: string;
}

/** A new key pair: the private key as PKCS#8 PEM (what `openssl genpkey -algorithm ed25519` writes). */
export async function generateSigningKey(): Promise<{ privateKeyPem: string; publicKey: string; keyId: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKeyPem: toPem(pkcs8), publicKey: encodeBase64(raw), keyId: await keyIdOf(raw) };
}

/** Reads a PKCS#8 PEM Ed25519 private key and derives its public key. */
export async function readSigningKey(pem: string): Promise<SigningKey> {
  const body = pem
    .replace(new RegExp(`-----(BEGIN|END) ${PEM_LABEL}-----`, 'g'), '')
    .replace(/\s+/g, '');
  const der = decodeBase64(body);
  if (!der) throw new Error('The private key is not a PEM "PRIVATE KEY" (PKCS#8) block.');
  // Extractable only long enough to read the public half (JWK "x") out of it.
  const extractable = await crypto.subtle.importKey('pkcs8', der, ED25519, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', extractable);
  if (!jwk.x) throw new Error('The private key has no public half.');
  const raw = base64UrlToBytes(jwk.x);
  const privateKey = await crypto.subtle.importKey('pkcs8', der, ED25519, false, ['sign']);
  return { privateKey, publicKey: encodeBase64(raw), keyId: await keyIdOf(raw) };
}

export interface PublishInput {
  /** The dataset file exactly as it will be served. */
  datasetBytes: Uint8Array<ArrayBuffer>;
  datasetVersion: string;
  minExtensionVersion: string;
  key: SigningKey;
  /** Defaults to now. */
  published?: Date;
  /** Defaults to dataset-<version>.json. */
  fileName?: string;
}

export interface PublishedFeed {
  manifest: FeedManifest;
  envelope: FeedEnvelope;
  /** The text of manifest.json. */
  envelopeText: string;
}

/** Builds and signs the manifest for one dataset file. */
export async function signFeed(input: PublishInput): Promise<PublishedFeed> {
  const manifest: FeedManifest = {
    format: FEED_FORMAT,
    formatVersion: FEED_FORMAT_VERSION,
    datasetVersion: input.datasetVersion,
    file: input.fileName ?? datasetFileName(input.datasetVersion),
    size: input.datasetBytes.length,
    sha256: await sha256Hex(input.datasetBytes),
    minExtensionVersion: input.minExtensionVersion,
    published: (input.published ?? new Date()).toISOString(),
  };
  const envelope = await signManifestBytes(utf8(serializeFeedManifest(manifest)), input.key);
  return { manifest, envelope, envelopeText: `${JSON.stringify(envelope, null, 2)}\n` };
}

/** Signs arbitrary manifest bytes (tests use it to sign deliberately malformed manifests). */
export async function signManifestBytes(bytes: Uint8Array<ArrayBuffer>, key: SigningKey): Promise<FeedEnvelope> {
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, key.privateKey, bytes));
  return { signed: encodeBase64(bytes), signature: encodeBase64(signature), keyId: key.keyId };
}

function toPem(der: Uint8Array): string {
  const lines = encodeBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${PEM_LABEL}-----\n${lines.join('\n')}\n-----END ${PEM_LABEL}-----\n`;
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = decodeBase64(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
  if (!bytes) throw new Error('Malformed base64url');
  return bytes;
}
