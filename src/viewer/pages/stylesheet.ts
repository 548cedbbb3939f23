// The viewer's one stylesheet, served as style.css (the policy allows no inline style).

export const STYLESHEET = `
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --bad: #b91c1c; --good: #15803d; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 1rem 3rem; }
header.site { display: flex; gap: 1.5rem; align-items: baseline; border-bottom: 1px solid var(--line); padding: .75rem 0; }
header.site strong { font-size: 1.1rem; }
h1 { font-size: 1.4rem; margin: 1.2rem 0 .6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.wrap { overflow-wrap: anywhere; max-width: 40rem; }
table.fields th { width: 12rem; }
ul.footnotes, p.muted, .muted { color: var(--muted); }
pre.log { background: rgba(127,127,127,.08); border: 1px solid var(--line); padding: .6rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.outcome-completed { color: var(--good); }
.outcome-agent-failure, .outcome-error { color: var(--bad); }
nav.pager { margin: .6rem 0; display: flex; gap: 1rem; }
form.filters { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin: .6rem 0; }
form.filters label { display: flex; flex-direction: column; font-size: .9rem; }
figure.plot { margin: 1rem 0; }
figure.plot img { max-width: 100%; height: auto; border: 1px solid var(--line); background: white; }
figure.plot figcaption { color: var(--muted); font-size: .9rem; }
p.problem { color: var(--bad); font-weight: 600; }
`;
