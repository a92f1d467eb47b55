import { html, type SafeHtml } from './html';

export interface PageAssets {
  /** URL of the stylesheet. */
  css: string;
  /** URLs of the scripts, in order (deferred). */
  scripts: string[];
  icon: string;
}

/** The shell of every page: one stylesheet, deferred scripts from 'self', a skip link. */
export function layout(opts: { title: string; assets: PageAssets; body: SafeHtml; scripts?: boolean }): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${opts.title}</title>
<link rel="icon" href="${opts.assets.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${opts.assets.css}">
${opts.scripts === false ? '' : opts.assets.scripts.map((src) => html`<script defer src="${src}"></script>\n`)}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="/">breachfeed</a> <span class="tagline">data breaches reported in the news</span></header>
<main id="main" tabindex="-1">
${opts.body}
</main>
<footer class="site"><p>Extracted from news articles by breachfeed. Each incident page shows the sentences its values came from.
Data as JSON: <a href="/incidents">/incidents</a>, <a href="/openapi.json">/openapi.json</a>.</p></footer>
</body>
</html>
`;
}
