/**
 * `npm run dataset:keygen -- [--out feed-keys] [--name feed]`: a new Ed25519 key pair for
 * signing dataset updates. Writes <out>/<name>-private.pem (keep it secret: it is what makes an
 * update trusted) and <out>/<name>-public.txt, and prints the build setting for the public key.
 * See docs/updates.md.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '../src/update/feed-sign';
import { FEED_ENV } from '../src/update/feed-settings';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'feed-keys' }, name: { type: 'string', default: 'feed' } },
});
const outDir = resolve(values.out);
const privatePath = resolve(outDir, `${values.name}-private.pem`);
const publicPath = resolve(outDir, `${values.name}-public.txt`);
if (existsSync(privatePath)) {
  console.error(`dataset:keygen: ${privatePath} exists; refusing to overwrite a signing key. Pick another --name or --out.`);
  process.exit(1);
}
const key = await generateSigningKey();
mkdirSync(outDir, { recursive: true });
writeFileSync(privatePath, key.privateKeyPem, { mode: 0o600 });
writeFileSync(publicPath, `${key.publicKey}\n`);
console.log(`dataset:keygen wrote ${privatePath} (secret, mode 600) and ${publicPath}`);
console.log(`key id ${key.keyId}`);
console.log(`Build setting: ${FEED_ENV.publicKey}=${key.publicKey}`);
