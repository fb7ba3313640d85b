/** A CSS string literal of any text: quotes and backslashes escaped, no line breaks, no `<` to end a style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f\t]+/g, ' ').replace(/</g, '\\3c ')}"`;
}

/**
 * The printed guide's page furniture: the running title at the top of every page and "page / pages"
 * at the bottom, in the page margins (CSS page margin boxes), so they never take the text's room.
 */
export function runningHeadCss(title: string): string {
  return [
    '@page {',
    '  margin: 15mm 13mm 14mm;',
    `  @top-left { content: ${cssString(title)}; font: 8pt system-ui, sans-serif; color: #444; vertical-align: bottom; padding-block-end: 3mm; }`,
    '  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; color: #444; vertical-align: top; padding-block-start: 3mm; }',
    '}',
  ].join('\n');
}
