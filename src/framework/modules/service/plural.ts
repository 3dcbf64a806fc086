type Vowel = "a" | "e" | "i" | "o" | "u"

/** English plural of a model key, as the generated method names use it (Brand → Brands, Category → Categories). */
export type Plural<K extends string> = K extends `${infer Stem}y`
  ? Stem extends `${string}${Vowel}`
    ? `${K}s`
    : `${Stem}ies`
  : K extends `${string}${"s" | "x" | "z" | "ch" | "sh"}`
    ? `${K}es`
    : `${K}s`

export function pluralize(key: string): string {
  if (/[^aeiou]y$/.test(key)) return `${key.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(key)) return `${key}es`
  return `${key}s`
}
