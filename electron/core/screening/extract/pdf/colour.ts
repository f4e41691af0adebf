/** sRGB colour as 0..1 channels. */
export type Rgb = readonly [number, number, number]

export const WHITE: Rgb = [1, 1, 1]
export const BLACK: Rgb = [0, 0, 0]

/** "#rrggbb" as pdf.js normalises every fill colour; null for anything else. */
export function parseHex(hex: unknown): Rgb | null {
  if (typeof hex !== 'string' || !/^#?[0-9a-f]{6}$/i.test(hex)) return null
  const value = hex.replace('#', '')
  return [
    parseInt(value.slice(0, 2), 16) / 255,
    parseInt(value.slice(2, 4), 16) / 255,
    parseInt(value.slice(4, 6), 16) / 255,
  ]
}

export const toHex = (rgb: Rgb) =>
  `#${rgb
    .map((channel) =>
      Math.round(channel * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`

const linear = (channel: number) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4)

/** WCAG relative luminance. */
export const luminance = (rgb: Rgb) => 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])

/** WCAG contrast ratio, 1 (identical) to 21 (black on white). */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/**
 * Below this ratio a reader cannot make the text out: white on white is 1.0, #f0f0f0 on white
 * 1.13. Light grey that people do use for secondary text (#cccccc on white) is 1.6.
 */
export const UNREADABLE_CONTRAST = 1.25
