// The document as one printable HTML file: inline CSS (with print rules: a card never splits
// across pages, links print plainly), no script, nothing fetched (its own Content-Security-Policy
// forbids both), every name and value escaped.
import type { DocLine, DocValue, PolicyCard, TenantDocument } from './document-model';
import { dateText, documentTitle, maskedNote } from './words';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Tagged template: every interpolated string is escaped; `raw()` marks HTML made here. */
class Raw {
  constructor(readonly html: string) {}
}
const raw = (html: string) => new Raw(html);
type Part = string | number | Raw | null | undefined | false | Part[];
const part = (value: Part): string =>
  value === null || value === undefined || value === false
    ? ''
    : value instanceof Raw
      ? value.html
      : Array.isArray(value)
        ? value.map(part).join('')
        : escapeHtml(String(value));
const html = (strings: TemplateStringsArray, ...values: Part[]): Raw =>
  raw(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]!) : ''), ''));

const CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5c5c5c; --line: #d6d6d6; --accent: #0f5ea8; --warn: #a4262c; --warn-bg: #fdf3f4; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px; max-width: 1100px; overflow-wrap: anywhere; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 12px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.note { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; }
table.narrow { width: auto; }
.id { color: var(--muted); font-family: Consolas, "Cascadia Mono", monospace; font-size: 12px; overflow-wrap: anywhere; }
.state { display: inline-block; border: 1px solid currentColor; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.state.on { color: #0e700e; } .state.off { color: var(--muted); } .state.report-only { color: #8a5300; } .state.other { color: var(--ink); }
nav ol { columns: 2; padding-left: 24px; margin: 0; }
nav li { break-inside: avoid; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 0 0 16px; break-inside: avoid; page-break-inside: avoid; }
.card > h3 { margin-top: 0; }
.sections { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 24px; }
.sections h4 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--accent); margin: 8px 0 4px; }
dl { margin: 0; }
.line { margin: 0 0 6px; padding: 2px 0 2px 8px; border-left: 3px solid transparent; }
dt { font-size: 12px; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
dd ul { margin: 0; padding-left: 18px; }
.line.exclusion { border-left-color: var(--warn); background: var(--warn-bg); }
.line.exclusion dt { color: var(--warn); font-weight: 700; }
.line.exclusion dd { font-weight: 600; }
.missing { color: var(--warn); }
footer { color: var(--muted); margin-top: 32px; font-size: 12px; }
a { color: var(--accent); }
@media print {
  body { padding: 0; max-width: none; font-size: 9.5pt; line-height: 1.3; }
  .id { font-size: 7.5pt; }
  .card { padding: 6px 10px; margin-bottom: 8px; }
  .line { margin-bottom: 3px; }
  /* Three sections abreast: a card takes a third of a page, not half. */
  .sections { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  a { color: inherit; text-decoration: none; }
  nav { break-after: page; }
  h2 { break-after: avoid; }
  .card { border-color: #999; }
  .sections h4 { margin: 4px 0 2px; }
  .line.exclusion { background: none; border-left-width: 4px; }
  th { background: none; }
}
@page { margin: 15mm; }
`;

function valueHtml(value: DocValue): Raw {
  const brackets = [value.detail, value.id].filter((p): p is string => !!p).join(', ');
  // A deleted object's name already says so ("Deleted group", "Group C (deleted)"): the class colours it.
  return html`<li${raw(value.missing ? ' class="missing"' : '')}>${value.name}${brackets ? html` <span class="id">(${brackets})</span>` : ''}</li>`;
}

function lineHtml(line: DocLine): Raw {
  const label = line.exclusion ? `⚠ ${line.label}` : line.label;
  const body =
    line.text !== null
      ? line.text
      : html`<ul>
          ${line.values.map(valueHtml)}
        </ul>`;
  return html`<div class="line${raw(line.exclusion ? ' exclusion' : '')}">
    <dt>${label}</dt>
    <dd>${body}</dd>
  </div>`;
}

function cardHtml(card: PolicyCard): Raw {
  const dates = [card.created && `created ${dateText(card.created)}`, card.lastModified && `last modified ${dateText(card.lastModified)}`]
    .filter(Boolean)
    .join(', ');
  return html`<article class="card" id="${card.anchor}" aria-labelledby="${card.anchor}-name">
    <h3 id="${card.anchor}-name">${card.name}</h3>
    <p class="meta">
      <span class="state ${card.stateKey}">${card.state}</span> <span class="id">${card.id}</span>${dates ? ` · ${dates}` : ''}
    </p>
    ${card.description ? html`<p>${card.description}</p>` : ''}
    <div class="sections">
      ${card.sections.map(
        (section) =>
          html`<section aria-label="${section.title}">
            <h4>${section.title}</h4>
            <dl>${section.lines.map(lineHtml)}</dl>
          </section>`,
      )}
    </div>
  </article> `;
}

const usedBy = (names: string[]) => (names.length ? names.join('; ') : 'No policy');
const nameCell = (value: DocValue) => html`<td>${value.name}${value.id ? html`<br /><span class="id">${value.id}</span>` : ''}</td>`;

function summaryHtml(doc: TenantDocument): Raw {
  const s = doc.summary;
  return html`<section id="summary" aria-labelledby="summary-title">
    <h2 id="summary-title">Tenant summary</h2>
    <table class="narrow">
      <caption class="meta">
        Policies by state
      </caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Policies</th>
        </tr>
      </thead>
      <tbody>
        ${s.states.map(
          (row) =>
            html`<tr>
              <td>${row.state}</td>
              <td>${row.count}</td>
            </tr>`,
        )}
        <tr>
          <th scope="row">Total</th>
          <td>${s.policyCount}</td>
        </tr>
      </tbody>
    </table>
    ${s.goneObjects > 0 ? html`<p class="note">${s.goneObjects} object${s.goneObjects === 1 ? '' : 's'} the policies name no longer existed when the backup was taken (marked “deleted” below).</p>` : ''}
    <h3>Named locations (${s.namedLocations.length})</h3>
    ${
      s.namedLocations.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Ranges or countries</th>
                <th scope="col">Trusted</th>
                <th scope="col">Used by</th>
              </tr>
            </thead>
            <tbody>
              ${s.namedLocations.map(
                (l) =>
                  html`<tr>
                    ${nameCell(l.value)}
                    <td>${l.type}</td>
                    <td>${l.entries}</td>
                    <td>${l.trusted ? 'Yes' : 'No'}</td>
                    <td>${usedBy(l.usedBy)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>None.</p>`
    }
    <h3>Authentication strengths (${s.strengths.length})</h3>
    ${
      s.strengths.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Allowed methods</th>
                <th scope="col">Used by</th>
              </tr>
            </thead>
            <tbody>
              ${s.strengths.map(
                (st) =>
                  html`<tr>
                    ${nameCell(st.value)}
                    <td>${st.builtIn ? 'Built-in' : 'Custom'}</td>
                    <td>
                      ${st.description ? html`${st.description}<br />` : ''}${
                        st.combinations.length
                          ? html`<ul>
                              ${st.combinations.map((c) => html`<li>${c}</li>`)}
                            </ul>`
                          : 'Not in the backup'
                      }
                    </td>
                    <td>${usedBy(st.usedBy)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>None.</p>`
    }
    <h3>Authentication contexts (${s.contexts.length})</h3>
    ${
      s.contexts.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Published to apps</th>
                <th scope="col">Used by</th>
              </tr>
            </thead>
            <tbody>
              ${s.contexts.map(
                (c) =>
                  html`<tr>
                    ${nameCell(c.value)}
                    <td>${c.description ?? ''}</td>
                    <td>${c.available ? 'Yes' : 'No'}</td>
                    <td>${usedBy(c.usedBy)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>None.</p>`
    }
    <h3>Terms of use (${s.termsOfUse.length})</h3>
    ${
      s.termsOfUse.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Used by</th>
              </tr>
            </thead>
            <tbody>
              ${s.termsOfUse.map(
                (t) =>
                  html`<tr>
                    ${nameCell(t.value)}
                    <td>${usedBy(t.usedBy)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>None.</p>`
    }
  </section>`;
}

export function renderHtml(doc: TenantDocument): string {
  const title = documentTitle(doc.tenant.name, doc.masked);
  const about = [doc.tenant.id && `Tenant ${doc.tenant.id}`, `backup taken ${dateText(doc.capturedAt)}`, `${doc.policies.length} policies`]
    .filter(Boolean)
    .join(' · ');
  return (
    html`<!DOCTYPE html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="generator" content="Gatehouse" />
          <title>${title}</title>
          <style>
            ${raw(CSS)}
          </style>
        </head>
        <body>
          <header>
            <h1>${title}</h1>
            <p class="meta">${about}</p>
            ${doc.masked ? html`<p class="note">${maskedNote(doc)}</p>` : ''}
            <p class="meta">Exclusions are marked ⚠ and outlined in red.</p>
          </header>
          <nav aria-labelledby="contents-title">
            <h2 id="contents-title">Contents</h2>
            <p><a href="#summary">Tenant summary</a> · <a href="#policies">Policies</a></p>
            <ol>
              ${doc.policies.map((card) => html`<li><a href="#${card.anchor}">${card.name}</a> <span class="state ${card.stateKey}">${card.state}</span></li>`)}
            </ol>
          </nav>
          <main>
            ${summaryHtml(doc)}
            <section id="policies" aria-labelledby="policies-title">
              <h2 id="policies-title">Policies (${doc.policies.length})</h2>
              ${doc.policies.map(cardHtml)}
            </section>
          </main>
          <footer>
            Made by Gatehouse from a backup of ${doc.masked ? 'the tenant' : (doc.tenant.name ?? doc.tenant.id ?? 'the tenant')} taken
            ${dateText(doc.capturedAt)}. Policies are listed by name; each card follows the admin center’s order: Users, Target resources,
            Network, Conditions, Grant, Session.
          </footer>
        </body>
      </html> `.html
      // One tag a line: the source reads plainly, and whitespace between tags stays whitespace.
      .replace(/>\s+</g, '>\n<')
      .replace(/<style>\s+/, '<style>\n')
  );
}
