import { describe, expect, it } from 'vitest';
import { buildDocument } from './document-model';
import { documentationFile } from './documentation';
import { csvField, renderCsv } from './render-csv';
import { escapeHtml, renderHtml } from './render-html';
import { escapeMarkdown, escapeParagraph, renderMarkdown } from './render-markdown';
import { HOSTILE_GROUP, IDS, namingBundle, testBundle } from './test-bundle';

/** RFC 4180, read strictly: what a spreadsheet sees. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`a bare line break outside quotes at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('an unterminated quote');
  if (field !== '' || row.length) throw new Error('the last record has no CRLF');
  return rows;
}

describe('HTML', () => {
  it('is one self-contained page: inline style with print rules, no script, nothing fetched', async () => {
    const html = renderHtml(buildDocument(await testBundle()));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" ?\/?>/);
    expect(html).toMatch(/@media print \{[^}]*body/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
    // Links stay inside the page.
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).every((href) => href.startsWith('#'))).toBe(true);
  });

  it('escapes every name: a group called <script>… shows as text', async () => {
    const html = renderHtml(buildDocument(await testBundle()));
    expect(html).toContain(escapeHtml(HOSTILE_GROUP));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>Conditional Access: Contoso &amp; &lt;Sons&gt;</title>');
    expect(html).toContain('=HYPERLINK(&quot;https://evil.example&quot;,&quot;CA003&quot;)');
  });

  it('shows an exclusion emphasised, inside its policy’s card', async () => {
    // Whitespace between tags aside.
    const html = renderHtml(buildDocument(await testBundle())).replace(/>\s+</g, '><');
    const ca002 = /<article[^>]*>\s*<h3[^>]*>CA002[\s\S]*?<\/article>/.exec(html)![0];
    expect(ca002).toMatch(
      new RegExp(
        `<div class="line exclusion"><dt>⚠ Exclude</dt><dd><ul><li>CA - Emergency access accounts <span class="id">\\(${IDS.breakGlass}\\)`,
      ),
    );
    expect(ca002).toContain('<span class="state on">On</span>');
  });
});

describe('Markdown', () => {
  it('escapes what Markdown would read as a link, HTML, emphasis or a table cell', () => {
    expect(escapeMarkdown(HOSTILE_GROUP)).toBe(
      '\\<script\\>alert("x")\\</script\\> \\& \'Co\' \\*bold\\* \\[link\\](https://evil.example) \\| =cmd',
    );
    expect(escapeParagraph('- not a list\n# nor a heading')).toBe('\\- not a list \\# nor a heading');
    expect(escapeParagraph('1. First')).toBe('1\\. First');
    expect(escapeMarkdown('1. First')).toBe('1. First');
  });

  it('has the summary tables and a card per policy, exclusions in bold with a warning sign', async () => {
    const md = renderMarkdown(buildDocument(await testBundle()));
    expect(md).toContain('# Conditional Access: Contoso \\& \\<Sons\\>');
    expect(md).toContain('| On | 2 |');
    expect(md).toContain(
      '| Corporate network (2b98e32d-3852-459d-a1ec-7c704fb7d22e) | IP ranges | 203.0.113.0/24, 2001:db8:1200::/48 | Yes |',
    );
    expect(md).toMatch(/### CA002: Block legacy authentication\n\n\*\*On\*\* · Id: p-2/);
    expect(md).toContain(`- ⚠ **Exclude:** **CA - Emergency access accounts (${IDS.breakGlass})**`);
    // The hostile group is there, every bracket and angle escaped.
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> \\& \'Co\' \\*bold\\* \\[link\\](https://evil.example) \\| =cmd');
    expect(md).not.toMatch(/(?<!\\)<script|(?<!\\)\[link/);
    // Each policy's sections in the admin center's order.
    const ca001 = md.slice(md.indexOf('### CA001'), md.indexOf('### CA002'));
    expect([...ca001.matchAll(/^#### (.+)$/gm)].map((m) => m[1])).toEqual([
      'Users',
      'Target resources',
      'Network',
      'Conditions',
      'Grant',
      'Session',
    ]);
  });
});

describe('CSV', () => {
  it('quotes as RFC 4180 says and guards cells a spreadsheet would run as a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvField(risky).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('is the policy grid: a header and one row per policy, every value readable back', async () => {
    const rows = parseCsv(renderCsv(buildDocument(await testBundle())).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Name', 'Id', 'State', 'Users', 'Target resources', 'Conditions', 'Grant', 'Session', 'Last modified']);
    expect(rows).toHaveLength(5);
    const byId = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byId.get('p-3')![0]).toBe(`'=HYPERLINK("https://evil.example","CA003")`);
    const ca001 = byId.get('p-1')!;
    expect(ca001[2]).toBe('On');
    expect(ca001[3]).toBe(
      `Include: All users\nExclude: Sync Service Account (sync@contoso.example, ${IDS.syncUser}), CA - Emergency access accounts (${IDS.breakGlass}), ${HOSTILE_GROUP} (${IDS.hostileGroup})`,
    );
    expect(ca001[6]).toBe('Grant access, requiring: Require multifactor authentication');
    expect(ca001[8]).toBe('2026-11-14 10:00 UTC');
    expect(byId.get('p-10')![5]).toContain(`Network (exclude): Corporate network (${IDS.corporate})`);
  });
});

describe('files', () => {
  it('are named after the tenant and the backup’s date, unless masked', async () => {
    const bundle = await testBundle();
    expect(documentationFile(bundle, 'html').fileName).toBe('conditional-access-contoso-sons-2026-11-30.html');
    expect(documentationFile(bundle, 'markdown', { mask: true }).fileName).toBe('conditional-access-masked-2026-11-30.md');
    expect(documentationFile(bundle, 'csv')).toMatchObject({ type: 'text/csv;charset=utf-8' });
  });

  it('keep a tenant’s name in any script, and fall back to its id when no letter of it is left', async () => {
    const bundle = await testBundle();
    const named = (name: string) => ({ ...bundle, manifest: { ...bundle.manifest, tenant: { ...bundle.manifest.tenant, name } } });
    expect(documentationFile(named('コントソ株式会社'), 'html').fileName).toBe('conditional-access-コントソ株式会社-2026-11-30.html');
    expect(documentationFile(named('Контосо'), 'markdown').fileName).toBe('conditional-access-контосо-2026-11-30.md');
    expect(documentationFile(named('***'), 'csv').fileName).toBe(`conditional-access-${bundle.manifest.tenant.id}-2026-11-30.csv`);
  });
});

describe('the masked note', () => {
  it('says policy names are kept except where they held a masked name or the tenant’s, and how many were rewritten', async () => {
    const doc = buildDocument(await namingBundle(), { mask: true });
    const html = renderHtml(doc).replace(/\s+/g, ' ');
    expect(html).toMatch(
      /<p class="note">Names are masked: [^<]*Policy names and descriptions are kept, except where they held a masked name or the tenant’s name: that name is replaced by its pseudonym or by “Tenant” \(4 policy names rewritten\)\.<\/p>/,
    );
    expect(renderMarkdown(doc)).toMatch(
      /^> Names are masked: .*Policy names and descriptions are kept, except .* \(4 policy names rewritten\)\.$/m,
    );
    // Nothing to rewrite: said so, not left to guess.
    expect(renderMarkdown(buildDocument(await testBundle(), { mask: true }))).toContain('(no policy name held one).');
    expect(renderHtml(buildDocument(await namingBundle()))).not.toContain('Policy names and descriptions are kept');
  });
});
