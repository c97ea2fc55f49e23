import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { bundleWidget } from './bundle.ts';

// npm run build -w @kefu/widget: dist/widget.js, and how big it is.
const code = await bundleWidget();
const dist = fileURLToPath(new URL('./dist/', import.meta.url));
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}widget.js`, code);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`apps/widget/dist/widget.js  ${kb(Buffer.byteLength(code))} (gzip ${kb(gzipSync(code).length)})`);
