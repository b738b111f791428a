// Types for the two font tools the Chinese face is built with (src/integrations/han-font.ts), which ship none: only
// what Dossier calls.
declare module 'subset-font' {
  /** A subset of the font with the glyphs of the text's characters, in the format asked for. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype' },
  ): Promise<Buffer>;
}
declare module 'fontverter' {
  const fontverter: { convert(font: Buffer, format: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer> };
  export default fontverter;
}
