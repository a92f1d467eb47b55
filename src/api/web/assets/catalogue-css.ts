// The catalogue's stylesheet, served as /assets/<hash>/catalogue.css.
// Kept as a string in a module so the build carries it into dist/ (the Docker image holds no src/);
// it must hold no backtick and no dollar-brace.
export const CATALOGUE_CSS = String.raw`/* breachfeed catalogue: one stylesheet, no inline styles (the CSP forbids them). */
:root { --ink: #1b1f24; --muted: #545d68; --line: #d0d7de; --bg: #fff; --soft: #f6f8fa; --accent: #0b57d0; --mark: #ffe066; --safe: #0f5c2e; --safe-bg: #e6f4ea; --tag-bg: #eef1f6; --bad: #a40e26; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, main:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
header.site, footer.site, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.site { padding-top: .75rem; padding-bottom: .75rem; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; }
.brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
.tagline, .muted, .hint { color: var(--muted); }
footer.site { border-top: 1px solid var(--line); margin-top: 2rem; font-size: .875rem; color: var(--muted); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 .75rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.filters { display: grid; grid-template-columns: 1fr; gap: .75rem; padding: .75rem; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
.field { display: flex; flex-direction: column; gap: .2rem; }
.field label { font-weight: 600; font-size: .9rem; }
input, select, button { font: inherit; color: inherit; min-height: 2.5rem; padding: .35rem .5rem; border: 1px solid #8c959f; border-radius: 6px; background: #fff; width: 100%; }
button { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: 600; width: auto; padding: .35rem 1.1rem; cursor: pointer; }
.actions { display: flex; gap: 1rem; align-items: center; }
.hint { font-size: .85rem; margin: 0; }
@media (min-width: 42rem) {
  .filters { grid-template-columns: repeat(2, 1fr); }
  .field-wide { grid-column: 1 / -1; }
}
@media (min-width: 64rem) {
  .filters { grid-template-columns: 2fr 1.2fr 1fr 1fr 1fr auto; align-items: end; }
  .field-wide { grid-column: auto; }
  .hint { grid-column: 1 / -1; }
}
.problems { border: 2px solid var(--bad); border-radius: 8px; padding: .5rem 1rem; margin-top: 1rem; color: var(--bad); }
.timeline-body { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 52rem) { .timeline-body { grid-template-columns: 3fr 1fr; } }
.chart { margin: 0; }
.chart-box { position: relative; height: 16rem; }
.chart figcaption { font-size: .85rem; color: var(--muted); }
.top-types h3 { margin-top: 0; }
.top-types ol { padding-left: 1.5rem; margin: 0; }
.top-types li { display: flex; justify-content: space-between; gap: .5rem; }
.status { color: var(--muted); }
.incidents { list-style: none; padding: 0; margin: 0; }
.incident { border-top: 1px solid var(--line); padding: .75rem 0; }
.incident h3 a { text-decoration: none; }
.incident h3 a:hover, .incident h3 a:focus-visible { text-decoration: underline; }
.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .25rem 0; }
.facts div { display: flex; gap: .35rem; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ":"; }
.facts dd { margin: 0; font-weight: 500; }
.facts-large { font-size: 1.05rem; }
.tags-label { display: inline; font-size: .8rem; color: var(--muted); margin: 0 .35rem 0 0; text-transform: uppercase; letter-spacing: .03em; }
.tags { display: inline-flex; flex-wrap: wrap; gap: .3rem; list-style: none; padding: 0; margin: .2rem .75rem .2rem 0; vertical-align: middle; }
.tag { background: var(--tag-bg); border: 1px solid #c5cdd8; border-radius: 999px; padding: 0 .6rem; font-size: .85rem; }
.tag-safe { background: var(--safe-bg); border-color: #9bc9a8; color: var(--safe); }
.tag-safe::before { content: "✓ "; }
.tags-label-safe { color: var(--safe); }
.paging { display: flex; gap: 1.5rem; padding: 1rem 0; font-weight: 600; }
.crumbs { margin-top: 1rem; }
.evidence { margin: 0; }
.evidence-field { border-top: 1px solid var(--line); padding: .6rem 0; }
.evidence-field dt { font-weight: 600; }
.evidence-field .value { font-weight: 400; }
.evidence-field dd { margin: .35rem 0 0; }
.sentence { display: inline; margin: 0; font-style: italic; quotes: "“" "”"; }
.sentence::before { content: open-quote; }
.sentence::after { content: close-quote; }
mark { background: var(--mark); color: var(--ink); font-style: normal; font-weight: 600; padding: 0 .1em; border-radius: 2px; }
.cite { font-size: .85rem; white-space: nowrap; }
.sources { padding-left: 1.5rem; }
.source { margin-bottom: .75rem; overflow-wrap: anywhere; }
.source p { margin: 0; }
.source-meta { font-size: .9rem; color: var(--muted); }
code { overflow-wrap: anywhere; }
.months { margin-top: .5rem; font-size: .9rem; }
.months summary { cursor: pointer; color: var(--accent); }
.months table { border-collapse: collapse; margin-top: .5rem; display: block; overflow-x: auto; max-height: 20rem; }
.months th, .months td { border-bottom: 1px solid var(--line); padding: .15rem .6rem; text-align: right; white-space: nowrap; }
.months th[scope="row"], .months thead th:first-child { text-align: left; }
.months caption { text-align: left; color: var(--muted); }
`;
