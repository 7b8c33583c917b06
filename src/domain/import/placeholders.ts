// Blanks left in templates for the admin to fill: `<GROUP>`, `{{BreakGlassGroup}}`, `%GroupId%`,
// `${groupId}`, or a lone PowerShell variable (`$BreakGlass`). They stand where an id belongs; the
// import keeps them verbatim and marks them, so the plan asks what each stands for.

const TOKEN = /^(<[^<>]+>|\{\{[^{}]+\}\}|%[A-Za-z][\w.-]*%|\$\{[^{}]+\}|\$[A-Za-z_][\w:]*)$/;

export const isPlaceholder = (value: string): boolean => TOKEN.test(value.trim());

/** The blank's words without its punctuation: `<BREAK GLASS>` → `BREAK GLASS`. */
export const placeholderName = (value: string): string =>
  value
    .trim()
    .replace(/^(<|\{\{|%|\$\{|\$)/, '')
    .replace(/(>|\}\}|%|\})$/, '');
