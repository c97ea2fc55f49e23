import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// One place that says how widget.js is made: the server bundles it at start
// (GET /widget.js), and `npm run build -w @kefu/widget` writes the same file
// to dist/ for a CDN or a look at its size.

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The widget as one minified script (an IIFE; ASCII only, so a page in any encoding may load it). */
export async function bundleWidget(): Promise<string> {
  const out = await build({
    entryPoints: [here('./src/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    charset: 'utf8',
  });
  return `/* Kefu chat widget */\n${out.outputFiles[0].text}`;
}

/** The demo shop page that embeds the widget (GET /widget-demo.html). */
export function demoPage(): Promise<string> {
  return readFile(here('./demo.html'), 'utf8');
}
