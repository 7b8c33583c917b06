import { describe, expect, it } from 'vitest';
// The Markdown parser Monaco renders hover cards with (Monaco ships it without type declarations).
// @ts-expect-error -- no declaration file for Monaco's copy of marked
import { marked } from 'monaco-editor/base/common/marked/marked.js';
import { escapeMarkdown, hoverText } from './markdown';

const render = (markdown: string) =>
  (marked as { parse(text: string, options: { async: false }): string }).parse(markdown, { async: false });
/** The text a reader sees: the rendered HTML without its tags, entities decoded. */
const seen = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

const hostile = [
  '[x](https://evil)',
  '![i](https://evil/i.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil">Office</a>',
  'Visit https://evil.example or www.evil.example',
  'Office `code` *bold* _it_ ~~gone~~ # not a heading',
  '[ref]\n\n[ref]: https://evil',
  'Paris & <b>Lyon</b> \\[escaped\\]',
];

describe('escapeMarkdown', () => {
  it.each(hostile)('keeps %j as text: no link, no image, no HTML', (name) => {
    const html = render(escapeMarkdown(name));
    expect(html).not.toMatch(/<(a|img|b|code|em|strong|del|h\d)\b/i);
    expect(seen(html)).toBe(name.replace(/\s+/g, ' '));
  });

  it('leaves letters, digits and spaces alone', () => {
    expect(escapeMarkdown('Allowed countries 2026')).toBe('Allowed countries 2026');
  });
});

describe('hoverText', () => {
  it('shows a named location called like a link as its name, in bold, with no link or image', () => {
    const html = render(hoverText({ kind: 'named location', label: '![i](https://evil/i.png)[x](https://evil)', detail: '<img src=x>' }));
    expect(html).not.toMatch(/<(a|img)\b/i);
    expect(html).toContain('<strong>![i](https://evil/i.png)[x](https://evil)</strong>');
    expect(seen(html)).toContain('<img src=x>');
  });

  it('says a missing object is deleted', () => {
    expect(seen(render(hoverText({ kind: 'group', label: 'x', missing: true })))).toBe(
      'Deleted group: no object with this id exists any more.',
    );
  });
});
