import { Resvg } from "@resvg/resvg-js";

/**
 * Rasterises an SVG to PNG (the Hub does not display SVG images in cards). System fonts are used when present;
 * without them the text is left out but the PNG is still valid.
 */
export function renderPng(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: true }, background: "#ffffff", logLevel: "off" }).render().asPng();
}
