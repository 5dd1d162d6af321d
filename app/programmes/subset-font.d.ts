// subset-font ships no types; this is the one call the certificate makes.
declare module "subset-font" {
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: { targetFormat?: "sfnt" | "truetype" | "woff" | "woff2"; preserveNameIds?: number[] }): Promise<Buffer>;
}
